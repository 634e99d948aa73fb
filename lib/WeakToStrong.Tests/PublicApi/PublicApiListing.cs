using System.Reflection;
using System.Text;

namespace WeakToStrong.Tests.PublicApi;

/// <summary>
/// The library's public surface as text, one line per public type and member, sorted by namespace, type and
/// signature: the listing <c>lib/WeakToStrong/PublicApi.md</c> a newcomer reads as a one-page index, and a test keeps
/// it true (a public change that is not in the listing fails the build's tests).
/// </summary>
internal static class PublicApiListing
{
    public static string Of(Assembly assembly)
    {
        var text = new StringBuilder();
        text.AppendLine("# WeakToStrong public API");
        text.AppendLine();
        text.AppendLine("Generated from the built library by `PublicApiTests` (run the tests, copy `artifacts/PublicApi.md` here when a public change is intended). One line per public type and member, by namespace.");
        foreach (var ns in assembly.GetExportedTypes().GroupBy(t => t.Namespace ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.AppendLine($"## {ns.Key}");
            foreach (var type in ns.OrderBy(t => TypeName(t), StringComparer.Ordinal))
            {
                text.AppendLine();
                text.AppendLine($"- `{Declaration(type)}`");
                foreach (var member in Members(type).Order(StringComparer.Ordinal))
                {
                    text.AppendLine($"  - `{member}`");
                }
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.IsEnum)
        {
            foreach (var name in Enum.GetNames(type))
            {
                yield return name;
            }

            yield break;
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            yield break;
        }

        foreach (var constructor in type.GetConstructors(flags))
        {
            yield return $"{TypeName(type).Split('<')[0]}({Parameters(constructor.GetParameters())})";
        }

        foreach (var property in type.GetProperties(flags))
        {
            var accessors = (property.GetMethod?.IsPublic == true ? "get; " : "") + (property.SetMethod?.IsPublic == true ? (IsInitOnly(property.SetMethod) ? "init; " : "set; ") : "");
            var indexer = property.GetIndexParameters();
            var name = indexer.Length > 0 ? $"this[{Parameters(indexer)}]" : property.Name;
            yield return $"{(IsStatic(property) ? "static " : "")}{TypeName(property.PropertyType)} {name} {{ {accessors}}}";
        }

        foreach (var field in type.GetFields(flags))
        {
            var modifier = field.IsLiteral ? "const " : field.IsStatic ? "static readonly " : field.IsInitOnly ? "readonly " : "";
            yield return $"{modifier}{TypeName(field.FieldType)} {field.Name}";
        }

        foreach (var method in type.GetMethods(flags).Where(m => !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)))
        {
            if (IsRecordPlumbing(type, method))
            {
                continue;
            }

            var generic = method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";
            yield return $"{(method.IsStatic ? "static " : "")}{TypeName(method.ReturnType)} {method.Name}{generic}({Parameters(method.GetParameters())})";
        }

        foreach (var e in type.GetEvents(flags))
        {
            yield return $"event {TypeName(e.EventHandlerType!)} {e.Name}";
        }
    }

    /// <summary>The compiler-generated members of a record (equality, printing, cloning, deconstruction) are left out.</summary>
    private static bool IsRecordPlumbing(Type type, MethodInfo method) =>
        type.GetMethod("<Clone>$") is not null
        && method.Name is "Equals" or "GetHashCode" or "ToString" or "PrintMembers" or "Deconstruct" or "op_Equality" or "op_Inequality" or "<Clone>$";

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");

    private static bool IsStatic(PropertyInfo property) => (property.GetMethod ?? property.SetMethod)!.IsStatic;

    private static string Declaration(Type type)
    {
        var kind = type.IsEnum ? "enum" : type.IsInterface ? "interface" : typeof(Delegate).IsAssignableFrom(type) ? "delegate" : type.IsValueType ? (type.GetMethod("<Clone>$") is null && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is null ? "struct" : "record struct") : type.GetMethod("<Clone>$") is not null ? "record" : "class";
        var modifiers = type.IsClass && !typeof(Delegate).IsAssignableFrom(type) ? (type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "") : "";
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum) && !typeof(Delegate).IsAssignableFrom(type))
        {
            bases.Add(TypeName(baseType));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic && !(type.GetMethod("<Clone>$") is not null && i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>))).Select(TypeName).Order(StringComparer.Ordinal));
        return $"{modifiers}{kind} {TypeName(type)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : "")}";
    }

    private static string Parameters(ParameterInfo[] parameters) =>
        string.Join(", ", parameters.Select(p => $"{(p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "")}{TypeName(p.ParameterType)} {p.Name}{(p.HasDefaultValue ? " = " + Show(p.DefaultValue) : "")}"));

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string TypeName(Type type)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying) + "?";
        }

        var name = type switch
        {
            _ when type == typeof(void) => "void",
            _ when type == typeof(int) => "int",
            _ when type == typeof(long) => "long",
            _ when type == typeof(double) => "double",
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(string) => "string",
            _ when type == typeof(object) => "object",
            _ => type.IsNested && !type.IsGenericParameter ? TypeName(type.DeclaringType!) + "." + type.Name : type.Name,
        };
        if (type.IsGenericType)
        {
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            var arguments = type.GetGenericArguments();
            if (type.FullName?.StartsWith("System.ValueTuple", StringComparison.Ordinal) == true)
            {
                return "(" + string.Join(", ", arguments.Select(TypeName)) + ")";
            }

            name = (tick >= 0 ? name[..tick] : name) + "<" + string.Join(", ", arguments.Select(TypeName)) + ">";
        }

        return name;
    }
}
