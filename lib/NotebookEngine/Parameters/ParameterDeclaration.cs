namespace NotebookEngine.Parameters;

/// <summary>A variable declared in the cell tagged <c>parameters</c>.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Type">Its type (for an array, the element type).</param>
/// <param name="IsArray">True for a one-dimensional array of <paramref name="Type"/>.</param>
/// <param name="IsConstant">True for a <c>const</c> declaration (redeclared rather than assigned).</param>
/// <param name="TypeText">The type as written or inferred, for messages.</param>
public sealed record ParameterDeclaration(string Name, ParameterType Type, bool IsArray, bool IsConstant, string TypeText)
{
    /// <summary>True when the default is a finite number, or an array of them, written as literals: NaN and ±Infinity are then refused.</summary>
    public bool DefaultIsFinite { get; init; }

    /// <summary>True when the default is an array literal with at least one element: an empty array is then refused.</summary>
    public bool DefaultIsNonEmpty { get; init; }
}
