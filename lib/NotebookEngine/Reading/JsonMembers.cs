using System.Text.Json.Nodes;

namespace NotebookEngine.Reading;

/// <summary>
/// Tolerant navigation of notebook metadata, whose shape other tools do not always respect: a path through objects
/// that yields null, not an exception, when a step is missing or is not an object (a string where an object is
/// expected), and a string that is null when the value is not a string.
/// </summary>
internal static class JsonMembers
{
    /// <summary>The node at <paramref name="path"/> under <paramref name="node"/>, or null when a step is missing or not an object.</summary>
    public static JsonNode? At(JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var name in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The string at <paramref name="path"/>, or null when it is missing or not a string.</summary>
    public static string? StringAt(JsonNode? node, params ReadOnlySpan<string> path) =>
        At(node, path) is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
