using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using NotebookEngine.Model;

namespace NotebookEngine.Parameters;

/// <summary>
/// Papermill-style parameters: given name=value pairs, inserts a cell right after the cell tagged <c>parameters</c> that
/// reassigns those variables, each value converted to the variable's declared type (int, long, double, bool, string,
/// or a one-dimensional array of those written as comma-separated values). The injected cell is tagged
/// <c>injected-parameters</c>, and an earlier injected cell is replaced, as papermill does.
/// </summary>
public static class ParameterInjector
{
    /// <summary>The tag of the cell that declares the parameters.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the injected cell.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>Injects <paramref name="values"/> into <paramref name="notebook"/> (changed in place); nothing happens when there are none.</summary>
    /// <returns>The index of the injected cell, or -1 when nothing was injected.</returns>
    /// <exception cref="ParameterException">No cell is tagged <c>parameters</c>, a name is unknown, or a value does not parse as its variable's type.</exception>
    public static int Inject(Notebook notebook, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        if (values.Count == 0)
        {
            return -1;
        }

        notebook.Cells.RemoveAll(c => c.Tags.Contains(InjectedTag));
        var index = notebook.Cells.FindIndex(c => c.Type == CellType.Code && c.Tags.Contains(ParametersTag));
        if (index < 0)
        {
            throw new ParameterException($"Parameters were given ({string.Join(", ", values.Select(v => v.Key))}) but no code cell is tagged \"{ParametersTag}\".");
        }

        var declarations = ParameterCellParser.Parse(notebook.Cells[index].Source).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var source = new StringBuilder("// Parameters injected by the notebook runner\n");
        foreach (var (name, value) in values)
        {
            if (!declarations.TryGetValue(name, out var declaration))
            {
                var known = declarations.Count == 0 ? "none" : string.Join(", ", declarations.Keys);
                throw new ParameterException($"Unknown parameter '{name}'. The parameters cell declares: {known}.");
            }

            var literal = Literal(declaration, value);
            source.Append(declaration.IsConstant ? $"{declaration.TypeText} {name} = {literal};\n" : $"{name} = {literal};\n");
        }

        var metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            ["tags"] = new JsonArray(InjectedTag),
        };
        notebook.Cells.Insert(index + 1, new NotebookCell(CellType.Code, source.ToString().TrimEnd('\n'), metadata, InjectedTag) { KernelName = "csharp" });
        return index + 1;
    }

    /// <summary>The C# literal of <paramref name="value"/> as the declared type of <paramref name="declaration"/>.</summary>
    /// <exception cref="ParameterException">The type is not supported or the value does not parse.</exception>
    public static string Literal(ParameterDeclaration declaration, string value)
    {
        if (declaration.Type == ParameterType.Unsupported)
        {
            throw new ParameterException($"Parameter '{declaration.Name}' has type {declaration.TypeText}, which cannot be set from the command line (supported: int, long, double, bool, string and arrays of them).");
        }

        if (!declaration.IsArray)
        {
            return ScalarLiteral(declaration, value);
        }

        var items = value.Trim().Length == 0 ? [] : value.Split(',').Select(item => ScalarLiteral(declaration, item.Trim())).ToList();
        if (items.Count == 0 && declaration.DefaultIsNonEmpty)
        {
            throw new ParameterException($"Parameter '{declaration.Name}' is {declaration.TypeText} with a non-empty default: give at least one value (comma-separated).");
        }

        return $"new {ParameterCellParser.KeywordOf(declaration.Type)}[] {{ {string.Join(", ", items)} }}";
    }

    private static string ScalarLiteral(ParameterDeclaration declaration, string value)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (declaration.Type)
        {
            case ParameterType.Int when int.TryParse(value, NumberStyles.Integer, invariant, out var i):
                return i.ToString(invariant);
            case ParameterType.Long when long.TryParse(value, NumberStyles.Integer, invariant, out var l):
                return l.ToString(invariant) + "L";
            case ParameterType.Double when double.TryParse(value, NumberStyles.Float, invariant, out var d) && !double.IsFinite(d) && declaration.DefaultIsFinite:
                throw new ParameterException($"Parameter '{declaration.Name}' is {declaration.TypeText} with a finite default: '{value}' is not a finite number.");
            case ParameterType.Double when double.TryParse(value, NumberStyles.Float, invariant, out var d):
                return double.IsNaN(d) ? "double.NaN"
                    : double.IsPositiveInfinity(d) ? "double.PositiveInfinity"
                    : double.IsNegativeInfinity(d) ? "double.NegativeInfinity"
                    : d.ToString("R", invariant) + "d";
            case ParameterType.Bool when bool.TryParse(value, out var b):
                return b ? "true" : "false";
            case ParameterType.String:
                return SymbolDisplay.FormatLiteral(value, quote: true);
            default:
                throw new ParameterException($"Parameter '{declaration.Name}' is {declaration.TypeText}: cannot convert '{value}' to {ParameterCellParser.KeywordOf(declaration.Type)}.");
        }
    }
}
