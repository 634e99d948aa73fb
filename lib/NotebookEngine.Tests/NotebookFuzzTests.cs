using System.Text.Json.Nodes;
using NotebookEngine.Export;
using NotebookEngine.Parameters;
using NotebookEngine.Reading;
using NotebookRunner;

namespace NotebookEngine.Tests;

/// <summary>
/// Random mutations of the suite's four notebooks (a value's type swapped, a key removed, the text truncated) go through
/// everything the runner does with a file before and after the kernel: read, inject a parameter, write the executed copy,
/// read it back for the book, and, for a sample, export the book. Each must give a clear error (a notebook format,
/// parameter or book error, a one-line message) or succeed; any other exception is a crash.
/// </summary>
public sealed class NotebookFuzzTests
{
    private const int MutationsPerNotebook = 150;

    public static TheoryData<string> SuiteNotebooks() => new(
        Directory.GetFiles(Path.Combine(NotebookDiscovery.RepositoryRoot(AppContext.BaseDirectory), "notebooks"), "*.ipynb").Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(SuiteNotebooks))]
    public void MutatedNotebooksGiveAClearErrorOrSucceedNeverACrash(string path)
    {
        var original = File.ReadAllText(path);
        var random = new Random(Path.GetFileName(path).Sum(c => c));
        var folder = TestSupport.NewTempFolder();
        var outcomes = new Dictionary<string, int>();
        for (var mutation = 0; mutation < MutationsPerNotebook; mutation++)
        {
            var (description, text) = Mutate(original, random);
            var outcome = Process(text, Path.Combine(folder, $"m{mutation}.ipynb"), exportBook: mutation % 25 == 0, out var message);
            Assert.True(outcome != "crash", $"{Path.GetFileName(path)}, mutation {mutation} ({description}): {message}");
            Assert.DoesNotContain('\n', message.TrimEnd());
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The mutations must reach both outcomes, or the test shows nothing about one of them.
        Assert.True(outcomes.GetValueOrDefault("error") > 0 && outcomes.GetValueOrDefault("ok") > 0, string.Join(", ", outcomes));
    }

    private static string Process(string text, string path, bool exportBook, out string message)
    {
        try
        {
            File.WriteAllText(path, text);
            var notebook = NotebookReader.ReadFile(path);
            ParameterInjector.Inject(notebook, [new("seed", "3")]);
            var copy = Path.ChangeExtension(path, ".executed.ipynb");
            NotebookWriter.WriteFile(notebook, copy);
            ExecutedNotebookReader.Read(copy);
            if (exportBook)
            {
                HtmlBook.Export([copy], Path.Combine(Path.GetDirectoryName(path)!, "book-" + Path.GetFileNameWithoutExtension(path)));
            }

            message = "";
            return "ok";
        }
        catch (Exception e) when (e is NotebookFormatException or ParameterException or HtmlBookException)
        {
            message = e.Message;
            return "error";
        }
        catch (Exception e)
        {
            message = e.ToString();
            return "crash";
        }
    }

    private static (string Description, string Text) Mutate(string json, Random random)
    {
        var kind = random.Next(4);
        if (kind == 0)
        {
            var cut = random.Next(json.Length);
            return ($"truncated at {cut}", json[..cut]);
        }

        var root = JsonNode.Parse(json)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var parent = target.Parent;
        if (parent is null)
        {
            return ("root replaced by a string", "\"notebook\"");
        }

        string description;
        JsonNode? replacement = (kind, random.Next(5)) switch
        {
            (1, _) => null, // removal, below
            (_, 0) => JsonValue.Create("text"),
            (_, 1) => JsonValue.Create(7),
            (_, 2) => new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
            (_, 3) => new JsonObject { ["unexpected"] = true },
            _ => null,
        };
        if (kind == 1 || (replacement is null && kind != 1))
        {
            description = $"removed {target.GetPath()}";
            switch (parent)
            {
                case JsonObject obj:
                    obj.Remove(target.GetPropertyName());
                    break;
                case JsonArray array:
                    array.Remove(target);
                    break;
            }
        }
        else
        {
            description = $"{target.GetPath()} replaced by {replacement!.ToJsonString()}";
            switch (parent)
            {
                case JsonObject obj:
                    obj[target.GetPropertyName()] = replacement;
                    break;
                case JsonArray array:
                    array[array.IndexOf(target)] = replacement;
                    break;
            }
        }

        return (description, root.ToJsonString());
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
        }
    }
}
