using NotebookEngine.Model;
using NotebookEngine.Reading;

namespace NotebookEngine.Tests;

public sealed class NotebookFormatTests
{
    private const string Legacy = """
        {
         "cells": [
          { "cell_type": "markdown", "metadata": {}, "source": "# Title" },
          { "cell_type": "code", "execution_count": 3, "metadata": { "dotnet_interactive": { "language": "fsharp" } }, "outputs": [
             { "output_type": "execute_result", "execution_count": 3, "data": { "text/plain": ["1\n", "2"] }, "metadata": {} },
             { "output_type": "stream", "name": "stderr", "text": "warn" },
             { "output_type": "error", "ename": "Error", "evalue": "bad", "traceback": ["t1", "t2"] }
            ], "source": ["let x = 1"] },
          { "cell_type": "code", "execution_count": null, "metadata": { "polyglot_notebook": { "kernelName": "csharp" }, "dotnet_interactive": { "language": "fsharp" } }, "outputs": [], "source": ["var x = 1;"] },
          { "cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["#!pwsh\n", "Get-Date"] },
          { "cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": ["var y = 2;"] }
         ],
         "metadata": { "kernelspec": { "name": ".net-csharp" } },
         "nbformat": 4,
         "nbformat_minor": 4
        }
        """;

    [Fact]
    public void ReaderResolvesKernelsAndOutputs()
    {
        var notebook = NotebookReader.Read(Legacy, "legacy.ipynb");
        Assert.Equal(4, notebook.FormatMinor);
        Assert.Equal(["cell-1", "cell-2", "cell-3", "cell-4", "cell-5"], notebook.Cells.Select(c => c.Id));
        Assert.Equal([CellType.Markdown, CellType.Code, CellType.Code, CellType.Code, CellType.Code], notebook.Cells.Select(c => c.Type));
        Assert.Equal(["markdown", "fsharp", "csharp", "pwsh", "csharp"], notebook.Cells.Select(c => c.KernelName));
        var legacy = notebook.Cells[1];
        Assert.Equal(3, legacy.ExecutionCount);
        Assert.Equal("1\n2", Assert.IsType<DisplayDataOutput>(legacy.Outputs[0]).Data["text/plain"]);
        Assert.Equal(new StreamOutput("stderr", "warn"), legacy.Outputs[1]);
        var error = Assert.IsType<ErrorOutput>(legacy.Outputs[2]);
        Assert.Equal(["t1", "t2"], error.Traceback);
    }

    [Fact]
    public void WriterWritesPolyglotStyleAndReadsBack()
    {
        var notebook = NotebookReader.Read(Legacy, "legacy.ipynb");
        var json = NotebookWriter.ToJson(notebook);
        Assert.Contains("\n  {\n   \"cell_type\": \"markdown\",", json);
        Assert.Contains("\"output_type\": \"display_data\"", json);
        Assert.DoesNotContain("execute_result", json);
        Assert.Contains("\"text/plain\": [\n       \"1\\n\",\n       \"2\"\n      ]", json);
        Assert.Contains("\"nbformat_minor\": 5", json);

        var again = NotebookReader.Read(json, "again.ipynb");
        Assert.Equal(notebook.Cells.Select(c => c.Source), again.Cells.Select(c => c.Source));
        Assert.Equal(notebook.Cells.Select(c => c.KernelName), again.Cells.Select(c => c.KernelName));
        Assert.Equal(
            notebook.Cells[1].Outputs.OfType<DisplayDataOutput>().Single().Data,
            again.Cells[1].Outputs.OfType<DisplayDataOutput>().Single().Data);
    }

    [Fact]
    public void WriteFileReplacesAtomicallyWithoutLeftovers()
    {
        var folder = TestSupport.NewTempFolder();
        var path = Path.Combine(folder, "out", "n.ipynb");
        var notebook = NotebookReader.Read(Legacy, "legacy.ipynb");
        NotebookWriter.WriteFile(notebook, path);
        NotebookWriter.WriteFile(notebook, path);
        Assert.Equal(["n.ipynb"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        Assert.Equal(NotebookWriter.ToJson(notebook), File.ReadAllText(path));
    }

    [Theory]
    [InlineData("{\"cells\": [], \"nbformat\": 3}", "unsupported nbformat 3")]
    [InlineData("{\"cells\": [], \"nbformat\": 4, \"metadata\": {\"kernelspec\": {\"name\": \".net-fsharp\"}}}", "unsupported kernelspec \".net-fsharp\"")]
    [InlineData("[1, 2]", "not a Jupyter notebook")]
    [InlineData("{\"cells\": [{\"cell_type\": \"widget\"}], \"nbformat\": 4}", "cell 1 has unknown cell_type \"widget\"")]
    [InlineData("{\n\"cells\": [,]}", "malformed JSON at line 2")]
    public void BadInputIsNamed(string json, string reason)
    {
        var error = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read(json, "bad.ipynb"));
        Assert.StartsWith("bad.ipynb: ", error.Message);
        Assert.Contains(reason, error.Message);
    }
}
