using System.Globalization;
using System.Text.Json.Nodes;

namespace NotebookEngine.Export;

/// <summary>
/// Reads a code cell's wall-clock run time from its metadata. Recognised conventions, first match wins:
/// <list type="bullet">
/// <item><c>dotnet_repl_cellExecutionStartTime</c> / <c>dotnet_repl_cellExecutionEndTime</c> (dotnet-repl, ISO 8601);</item>
/// <item><c>execution</c>: <c>iopub.execute_input</c> / <c>shell.execute_reply</c> (Jupyter's record_timing, ISO 8601);</item>
/// <item>a duration in seconds under <c>run_time_seconds</c> or <c>duration_seconds</c>, at top level or inside
/// <c>execution</c>, <c>runner</c> or <c>w2s</c>.</item>
/// </list>
/// </summary>
internal static class CellRunTime
{
    private static readonly string[] DurationKeys = ["run_time_seconds", "duration_seconds"];
    private static readonly string[] DurationScopes = ["execution", "runner", "w2s"];

    /// <summary>The run time recorded in <paramref name="metadata"/>, or null when none is recorded or it is invalid.</summary>
    public static TimeSpan? From(JsonObject? metadata)
    {
        if (metadata is null)
        {
            return null;
        }

        if (Between(metadata["dotnet_repl_cellExecutionStartTime"], metadata["dotnet_repl_cellExecutionEndTime"]) is { } repl)
        {
            return repl;
        }

        if (metadata["execution"] is JsonObject execution
            && Between(execution["iopub.execute_input"], execution["shell.execute_reply"]) is { } jupyter)
        {
            return jupyter;
        }

        foreach (var scope in DurationScopes.Select(s => metadata[s] as JsonObject).Prepend(metadata))
        {
            if (scope is null)
            {
                continue;
            }

            foreach (var key in DurationKeys)
            {
                if (scope[key] is JsonValue value && value.TryGetValue(out double seconds) && double.IsFinite(seconds) && seconds >= 0)
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }
        return null;
    }

    private static TimeSpan? Between(JsonNode? start, JsonNode? end)
    {
        if (Timestamp(start) is not { } s || Timestamp(end) is not { } e || e < s)
        {
            return null;
        }

        return e - s;
    }

    private static DateTimeOffset? Timestamp(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
