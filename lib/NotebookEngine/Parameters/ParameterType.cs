namespace NotebookEngine.Parameters;

/// <summary>The C# types a parameter can have when its value comes from the command line.</summary>
public enum ParameterType
{
    /// <summary>A type that cannot be set from text.</summary>
    Unsupported,

    /// <summary><c>int</c>.</summary>
    Int,

    /// <summary><c>long</c>.</summary>
    Long,

    /// <summary><c>double</c>.</summary>
    Double,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>string</c>.</summary>
    String,
}
