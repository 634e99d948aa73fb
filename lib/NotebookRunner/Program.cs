Console.WriteLine($"NotebookRunner {NotebookEngine.EngineInfo.Version}");
