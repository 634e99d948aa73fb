using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NotebookEngine.Parameters;

/// <summary>
/// Finds the variables of a parameters cell and their types with Roslyn's syntax tree: an explicit type
/// (<c>double x = 3;</c> is a double) or, for <c>var</c>, the type of the literal initializer (<c>var x = 3;</c> is an int,
/// <c>3L</c> a long, <c>3.0</c> a double, <c>new[] { 1, 2 }</c> an int array).
/// </summary>
public static class ParameterCellParser
{
    /// <summary>The declarations of <paramref name="source"/>, in order.</summary>
    public static IReadOnlyList<ParameterDeclaration> Parse(string source)
    {
        var code = WithoutDirectiveLines(source);
        var root = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script)).GetCompilationUnitRoot();
        var declarations = new List<ParameterDeclaration>();
        foreach (var member in root.Members)
        {
            var (declaration, modifiers) = member switch
            {
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => (local.Declaration, local.Modifiers),
                FieldDeclarationSyntax field => (field.Declaration, field.Modifiers),
                _ => (null, default),
            };
            if (declaration is null)
            {
                continue;
            }

            var isConstant = modifiers.Any(SyntaxKind.ConstKeyword);
            foreach (var variable in declaration.Variables)
            {
                var (type, isArray, text) = declaration.Type.IsVar
                    ? Infer(variable.Initializer?.Value)
                    : FromTypeSyntax(declaration.Type);
                var initializer = variable.Initializer?.Value;
                declarations.Add(new ParameterDeclaration(variable.Identifier.ValueText, type, isArray, isConstant, text)
                {
                    DefaultIsFinite = Elements(initializer) is { } items ? items.All(IsFiniteNumber) : IsFiniteNumber(initializer),
                    DefaultIsNonEmpty = Elements(initializer) is { Count: > 0 },
                });
            }
        }

        return declarations;
    }

    private static (ParameterType Type, bool IsArray, string Text) FromTypeSyntax(TypeSyntax type) =>
        type switch
        {
            ArrayTypeSyntax { RankSpecifiers.Count: 1 } array when array.RankSpecifiers[0].Rank == 1 => (Scalar(array.ElementType), true, type.ToString()),
            // int[]? (a nullable array: null means "take the scale's value") is set like int[].
            NullableTypeSyntax { ElementType: ArrayTypeSyntax { RankSpecifiers.Count: 1 } array } when array.RankSpecifiers[0].Rank == 1 => (Scalar(array.ElementType), true, type.ToString()),
            _ => (Scalar(type), false, type.ToString()),
        };

    private static ParameterType Scalar(TypeSyntax type)
    {
        var name = type is NullableTypeSyntax nullable ? nullable.ElementType.ToString() : type.ToString();
        return name switch
        {
            "int" or "Int32" or "System.Int32" => ParameterType.Int,
            "long" or "Int64" or "System.Int64" => ParameterType.Long,
            "double" or "Double" or "System.Double" => ParameterType.Double,
            "bool" or "Boolean" or "System.Boolean" => ParameterType.Bool,
            "string" or "String" or "System.String" => ParameterType.String,
            _ => ParameterType.Unsupported,
        };
    }

    private static (ParameterType Type, bool IsArray, string Text) Infer(ExpressionSyntax? expression)
    {
        switch (expression)
        {
            case ArrayCreationExpressionSyntax creation:
                return FromTypeSyntax(creation.Type);
            case ImplicitArrayCreationExpressionSyntax implicitArray:
                var element = InferScalar(implicitArray.Initializer.Expressions.FirstOrDefault());
                return (element, true, $"{Keyword(element)}[]");
            default:
                var scalar = InferScalar(expression);
                return (scalar, false, Keyword(scalar));
        }
    }

    private static ParameterType InferScalar(ExpressionSyntax? expression) =>
        expression switch
        {
            LiteralExpressionSyntax literal => literal.Token.Value switch
            {
                int => ParameterType.Int,
                long => ParameterType.Long,
                double => ParameterType.Double,
                bool => ParameterType.Bool,
                string => ParameterType.String,
                _ => ParameterType.Unsupported,
            },
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression } unary => InferScalar(unary.Operand),
            InterpolatedStringExpressionSyntax => ParameterType.String,
            ParenthesizedExpressionSyntax parenthesized => InferScalar(parenthesized.Expression),
            _ => ParameterType.Unsupported,
        };

    /// <summary>The elements of an array initializer (<c>new[] { … }</c>, <c>new int[] { … }</c>, <c>{ … }</c>, <c>[…]</c>), or null for any other expression.</summary>
    private static IReadOnlyList<ExpressionSyntax>? Elements(ExpressionSyntax? expression) =>
        expression switch
        {
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
            InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ArrayInitializerExpression) => initializer.Expressions,
            CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
            _ => null,
        };

    /// <summary>True for a numeric literal, possibly signed or parenthesised (<c>3</c>, <c>-1e-6</c>, <c>(2.5)</c>): a finite default.</summary>
    private static bool IsFiniteNumber(ExpressionSyntax? expression) =>
        expression switch
        {
            LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.NumericLiteralExpression),
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression or (int)SyntaxKind.UnaryPlusExpression } unary => IsFiniteNumber(unary.Operand),
            ParenthesizedExpressionSyntax parenthesized => IsFiniteNumber(parenthesized.Expression),
            _ => false,
        };

    private static string Keyword(ParameterType type) =>
        type switch
        {
            ParameterType.Int => "int",
            ParameterType.Long => "long",
            ParameterType.Double => "double",
            ParameterType.Bool => "bool",
            ParameterType.String => "string",
            _ => "unsupported type",
        };

    /// <summary>The C# keyword of <paramref name="type"/>.</summary>
    internal static string KeywordOf(ParameterType type) => Keyword(type);

    /// <summary>
    /// <paramref name="source"/> with the kernel's directive lines (<c>#!...</c> magics, <c>#r</c>, <c>#i</c>) blanked, so
    /// that only C# is parsed and line numbers are kept.
    /// </summary>
    private static string WithoutDirectiveLines(string source) =>
        string.Join('\n', source.Split('\n').Select(line =>
        {
            var trimmed = line.TrimStart();
            return trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed.StartsWith("#r ", StringComparison.Ordinal) || trimmed.StartsWith("#i ", StringComparison.Ordinal) ? "" : line;
        }));
}
