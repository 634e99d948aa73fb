using System.Diagnostics;
using Microsoft.CodeAnalysis;
using NotebookEngine.Model;

namespace NotebookEngine.Execution;

/// <summary>A failed step of a cell: the failure and the error output that shows it.</summary>
internal sealed record FailedStep(CellFailure Failure, ErrorOutput Output)
{
    public static FailedStep Error(int? line, string message) =>
        new(new CellFailure(line, message, IsInputError: true), new ErrorOutput("Error", message, [line is { } l ? $"(line {l}) {message}" : message]));

    public static FailedStep Compilation(IEnumerable<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var lines = errors.Select(d =>
        {
            var position = d.Location.GetLineSpan().StartLinePosition;
            return $"({position.Line + 1},{position.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }).ToList();
        var first = errors.FirstOrDefault()?.Location.GetLineSpan().StartLinePosition.Line + 1;
        var message = string.Join(Environment.NewLine, lines);
        return new(new CellFailure(first, message), new ErrorOutput("Error", message, lines));
    }

    public static FailedStep Exception(Exception exception, string filePath)
    {
        var shown = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var line = new StackTrace(shown, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => string.Equals(f.GetFileName(), filePath, StringComparison.Ordinal) && f.GetFileLineNumber() > 0)
            ?.GetFileLineNumber();
        var name = shown.GetType().FullName ?? shown.GetType().Name;
        return new(
            new CellFailure(line, $"{name}: {shown.Message}"),
            new ErrorOutput(name, shown.Message, shown.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList()));
    }
}
