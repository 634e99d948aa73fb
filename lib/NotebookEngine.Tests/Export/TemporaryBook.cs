namespace NotebookEngine.Tests.Export;

/// <summary>A temporary folder for notebooks written by a test and the book exported from them; deleted on dispose.</summary>
internal sealed class TemporaryBook : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("w2s-export-case-");

    /// <summary>Folder the book is exported to.</summary>
    public string OutputDirectory => Path.Combine(_root.FullName, "book");

    /// <summary>Writes an .ipynb with the given text at a path relative to the temporary folder and returns its full path.</summary>
    public string Notebook(string relativePath, string json)
    {
        var path = Path.Combine(_root.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Writes a notebook whose <c>cells</c> array holds the given JSON cells.</summary>
    public string NotebookWithCells(string relativePath, params string[] cells) =>
        Notebook(relativePath, $$"""
            {
             "cells": [{{string.Join(",\n", cells)}}],
             "metadata": { "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" } },
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """);

    /// <summary>Text of a file of the exported book.</summary>
    public string Read(string relativePath) => File.ReadAllText(Path.Combine(OutputDirectory, relativePath));

    public void Dispose() => _root.Delete(recursive: true);
}
