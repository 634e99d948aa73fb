using System.Globalization;
using System.Reflection;
using Microsoft.Data.Analysis;
using WeakToStrong.Validation;

namespace WeakToStrong.Tables;

/// <summary>
/// A <see cref="DataFrame"/> built from rows, so that a notebook states each column once, as a header and a value of
/// the row: <c>Table.From(rows, ("n", r =&gt; r.N), ("mean R(f_w)", r =&gt; r.Mean))</c>. A column's type follows its
/// values: all <see cref="int"/> → an <see cref="Int32DataFrameColumn"/>; <see cref="long"/> → Int64; any
/// <see cref="double"/> or <see cref="float"/> (mixed with integers or not) → <see cref="DoubleDataFrameColumn"/>;
/// <see cref="string"/> → <see cref="StringDataFrameColumn"/>; <see cref="bool"/> → <see cref="BooleanDataFrameColumn"/>.
/// A null value is a missing entry; a column with no values at all is a Double column of missing entries. The values
/// are copied exactly (no rounding; <see cref="TableHtml"/> rounds only for display).
/// </summary>
public static class Table
{
    /// <summary>One row per element of <paramref name="rows"/>, one column per (header, value) pair, in order.</summary>
    /// <typeparam name="TRow">The row type (a record, a tuple, anything).</typeparam>
    /// <param name="rows">The rows, enumerated once.</param>
    /// <param name="columns">At least one (header, value of a row); headers distinct and non-empty.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException">No columns, a repeated or empty header, or a value of an unsupported type (the message names the column and the row).</exception>
    public static DataFrame From<TRow>(IEnumerable<TRow> rows, params (string Header, Func<TRow, object?> Value)[] columns)
    {
        Guard.NotNull(rows);
        Guard.NotNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("columns is empty; expected at least one (header, value) pair.", nameof(columns));
        }

        CheckHeaders(columns.Select(c => c.Header).ToList());
        var list = rows.ToList();
        return new DataFrame(columns.Select(c => Column(c.Header, list.Select(c.Value).ToList())));
    }

    /// <summary>
    /// One row per record, one column per public instance property of a supported type (int, long, double, float,
    /// string, bool, and their nullable forms), in declaration order, headed by the property's name; properties of
    /// other types (vectors, nested records) are left out.
    /// </summary>
    /// <typeparam name="TRecord">The record type.</typeparam>
    /// <param name="records">The records, enumerated once.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TRecord"/> has no property of a supported type.</exception>
    public static DataFrame From<TRecord>(IEnumerable<TRecord> records)
    {
        Guard.NotNull(records);
        var properties = typeof(TRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && IsSupported(p.PropertyType))
            .OrderBy(p => p.MetadataToken)
            .ToList();
        if (properties.Count == 0)
        {
            throw new ArgumentException(
                $"{typeof(TRecord).Name} has no public property of type int, long, double, float, string or bool; pass the columns explicitly with Table.From(rows, (header, value), ...).",
                nameof(records));
        }

        var list = records.ToList();
        return new DataFrame(properties.Select(p => Column(p.Name, list.Select(r => r is null ? null : p.GetValue(r)).ToList())));
    }

    private static bool IsSupported(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(float) || t == typeof(string) || t == typeof(bool);
    }

    private static void CheckHeaders(List<string> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(headers[i]))
            {
                throw new ArgumentException($"column {i} has an empty header; expected a name for every column.", "columns");
            }

            var first = headers.IndexOf(headers[i]);
            if (first != i)
            {
                throw new ArgumentException($"header \"{headers[i]}\" is used by columns {first} and {i}; expected distinct headers.", "columns");
            }
        }
    }

    private static DataFrameColumn Column(string header, List<object?> values)
    {
        for (var row = 0; row < values.Count; row++)
        {
            if (values[row] is not null and not int and not long and not double and not float and not string and not bool)
            {
                throw new ArgumentException(
                    $"column \"{header}\", row {row}: a value of type {values[row]!.GetType().Name} ({Convert.ToString(values[row], CultureInfo.InvariantCulture)}); expected int, long, double, float, string or bool.",
                    "columns");
            }
        }

        var present = values.Where(v => v is not null).ToList();
        if (present.Count > 0 && present.All(v => v is string))
        {
            return new StringDataFrameColumn(header, values.Select(v => (string?)v));
        }

        if (present.Count > 0 && present.All(v => v is bool))
        {
            return new BooleanDataFrameColumn(header, values.Select(v => (bool?)v));
        }

        if (present.Any(v => v is string or bool))
        {
            throw new ArgumentException(
                $"column \"{header}\" mixes text or truth values with numbers ({string.Join(", ", present.Select(v => v!.GetType().Name).Distinct())}); expected one kind per column.",
                "columns");
        }

        if (present.Count > 0 && present.All(v => v is int))
        {
            return new Int32DataFrameColumn(header, values.Select(v => (int?)v));
        }

        if (present.Count > 0 && present.All(v => v is int or long))
        {
            return new Int64DataFrameColumn(header, values.Select(v => v is null ? (long?)null : Convert.ToInt64(v, CultureInfo.InvariantCulture)));
        }

        return new DoubleDataFrameColumn(header, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v, CultureInfo.InvariantCulture)));
    }
}
