using System.Text;
using System.Text.RegularExpressions;
using NotebookEngine.Packages;
using NotebookEngine.Reading;

namespace NotebookEngine.Directives;

/// <summary>
/// Finds the directives on any line of a cell. Roslyn accepts <c>#r</c>/<c>#load</c> only before the first token and
/// silently drops <c>#!</c> lines, so the engine handles every directive itself and compiles what remains.
/// </summary>
public static partial class DirectiveParser
{
    [GeneratedRegex("""^#r\s+"\s*nuget\s*:\s*(?<name>[^,"\s]+)\s*(,\s*(?<version>[^"\s]*)\s*)?"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^#i\s+"\s*nuget\s*:\s*(?<source>[^"]+?)\s*"\s*$""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetSource();

    [GeneratedRegex("""^#r\s+"(?<path>[^"]+)"\s*$""")]
    private static partial Regex AssemblyReference();

    [GeneratedRegex("""^#load\s+"(?<path>[^"]+)"\s*$""")]
    private static partial Regex LoadScript();

    /// <summary>Splits <paramref name="source"/> into its directives and its code.</summary>
    /// <exception cref="DirectiveSyntaxException">A directive line is malformed.</exception>
    public static ParsedCell Parse(string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var code = new StringBuilder();
        var directives = new List<Directive>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var directive = ParseLine(line.Trim(), i + 1);
            if (directive is not null)
            {
                directives.Add(directive);
            }
            else
            {
                code.Append(line);
            }

            if (i < lines.Length - 1)
            {
                code.Append('\n');
            }
        }

        return new ParsedCell(code.ToString(), directives);
    }

    private static Directive? ParseLine(string text, int line)
    {
        if (text.StartsWith("#!", StringComparison.Ordinal))
        {
            return ParseMagic(text, line);
        }

        if (text.StartsWith("#r", StringComparison.Ordinal) && NuGetReference().Match(text) is { Success: true } nuget)
        {
            var version = nuget.Groups["version"].Success && nuget.Groups["version"].Value.Length > 0 ? nuget.Groups["version"].Value : null;
            return new NuGetReferenceDirective(line, text, new PackageReference(nuget.Groups["name"].Value, version));
        }

        if (text.StartsWith("#i", StringComparison.Ordinal) && NuGetSource().Match(text) is { Success: true } source)
        {
            return new NuGetSourceDirective(line, text, source.Groups["source"].Value);
        }

        if (text.StartsWith("#r", StringComparison.Ordinal) && AssemblyReference().Match(text) is { Success: true } reference)
        {
            if (reference.Groups["path"].Value.TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                throw new DirectiveSyntaxException(line, $"Cannot parse the package reference {text} (expected #r \"nuget: Name, Version\").");
            }

            return new AssemblyReferenceDirective(line, text, reference.Groups["path"].Value);
        }

        if (text.StartsWith("#load", StringComparison.Ordinal) && LoadScript().Match(text) is { Success: true } load)
        {
            return new LoadScriptDirective(line, text, load.Groups["path"].Value);
        }

        if (text.StartsWith("#i ", StringComparison.Ordinal) || text.StartsWith("#r ", StringComparison.Ordinal))
        {
            throw new DirectiveSyntaxException(line, $"Cannot parse the directive {text} (expected #r \"nuget: Name, Version\", #r \"path.dll\" or #i \"nuget: source\").");
        }

        return null;
    }

    private static Directive ParseMagic(string text, int line)
    {
        var words = Tokenize(text[2..]);
        var name = words.Count > 0 ? words[0] : "";
        if (KernelNames.TryNormalize(name, out var kernel))
        {
            return KernelNames.IsCSharp(kernel)
                ? new KernelChooserDirective(line, text, kernel)
                : new UnsupportedDirective(line, text, $"The {kernel} kernel is not supported: the engine executes C# only (#!{name}).");
        }

        return name switch
        {
            "time" => new TimeDirective(line, text),
            "set" => ParseSet(words, text, line),
            "" => throw new DirectiveSyntaxException(line, "Empty magic command #!."),
            _ => new UnsupportedDirective(line, text, $"The magic command #!{name} is not supported by the notebook engine."),
        };
    }

    private static SetVariableDirective ParseSet(IReadOnlyList<string> words, string text, int line)
    {
        string? name = null;
        string? value = null;
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "--name" when i + 1 < words.Count:
                    name = words[++i];
                    break;
                case "--value" when i + 1 < words.Count:
                    value = words[++i];
                    break;
                case "--mime-type" when i + 1 < words.Count:
                    i++;
                    break;
                case "--byref":
                    break;
                default:
                    throw new DirectiveSyntaxException(line, $"#!set: unexpected argument '{words[i]}' (usage: #!set --name x --value v).");
            }
        }

        if (name is null || value is null)
        {
            throw new DirectiveSyntaxException(line, "#!set needs --name and --value (usage: #!set --name x --value v).");
        }

        if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name))
        {
            throw new DirectiveSyntaxException(line, $"#!set: '{name}' is not a valid C# identifier.");
        }

        if (value.StartsWith('@'))
        {
            throw new DirectiveSyntaxException(line, $"#!set --value {value}: values from other kernels or prompts (@...) are not supported; pass a literal value or use a parameters cell.");
        }

        return new SetVariableDirective(line, text, name, value);
    }

    /// <summary>Splits a magic command's arguments on whitespace, keeping double-quoted strings (with <c>\"</c> escapes) as one word.</summary>
    private static List<string> Tokenize(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
