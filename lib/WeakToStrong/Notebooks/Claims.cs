using System.Globalization;
using System.Text;

namespace WeakToStrong.Notebooks;

/// <summary>
/// A notebook's checks cell: each claim of the paper is stated in words, tested on the numbers the notebook just
/// computed, and printed with those numbers and a verdict; <see cref="Report"/> prints the list and, if a claim failed,
/// throws one exception naming every failed claim with its numbers. Exact identities are tested to a stated tolerance
/// (<see cref="Close"/>); statistical claims with their standard errors (<see cref="Near"/>, <see cref="Below"/>), at
/// z = <see cref="DefaultZ"/> standard errors, so a check fails with probability under 0.1 % per claim when the claim
/// is true (one-sided normal tail at 3.5: 2.3·10⁻⁴), whatever the seed. Build a fresh <see cref="Claims"/> in the checks
/// cell and define no variable there that a later cell uses.
/// </summary>
public sealed class Claims
{
    /// <summary>Standard errors allowed between a statistical estimate and its claim: 3.5 (one-sided tail 2.3·10⁻⁴).</summary>
    public const double DefaultZ = 3.5;

    private readonly List<(bool Holds, string Claim, string Numbers)> _results = [];

    /// <summary>Starts a list of claims under a heading.</summary>
    /// <param name="heading">E.g. "Checks of notebook 02".</param>
    public Claims(string heading)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(heading);
        Heading = heading;
    }

    /// <summary>The heading printed above the claims.</summary>
    public string Heading { get; }

    /// <summary>The claims tested so far: whether each held, its words and its numbers.</summary>
    public IReadOnlyList<(bool Holds, string Claim, string Numbers)> Results => _results;

    /// <summary>The number of claims that failed.</summary>
    public int FailedCount => _results.Count(r => !r.Holds);

    /// <summary>A claim decided by the caller (a deterministic fact: an ordering of exact values, a count).</summary>
    /// <param name="holds">Whether it holds.</param>
    /// <param name="claim">The claim in words.</param>
    /// <param name="numbers">The numbers it rests on, as the reader should see them.</param>
    /// <returns>These claims.</returns>
    public Claims That(bool holds, string claim, string numbers)
    {
        Add(holds, claim, numbers);
        return this;
    }

    /// <summary>An exact identity: |actual − expected| ≤ tolerance.</summary>
    /// <param name="actual">The computed value.</param>
    /// <param name="expected">The value the identity gives.</param>
    /// <param name="tolerance">The allowed absolute difference (rounding), ≥ 0.</param>
    /// <param name="claim">The identity in words.</param>
    /// <returns>These claims.</returns>
    public Claims Close(double actual, double expected, double tolerance, string claim)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var difference = Math.Abs(actual - expected);
        Add(difference <= tolerance, claim, $"{G(actual)} vs {G(expected)}: |difference| = {G(difference)}, tolerance {G(tolerance)}");
        return this;
    }

    /// <summary>A mean estimated with standard error <paramref name="standardError"/> agrees with <paramref name="expected"/>: |mean − expected| ≤ z·s.e.</summary>
    /// <param name="mean">The estimate.</param>
    /// <param name="standardError">Its standard error, ≥ 0.</param>
    /// <param name="expected">The claimed value (an exact expectation).</param>
    /// <param name="claim">The claim in words.</param>
    /// <param name="z">Standard errors allowed.</param>
    /// <returns>These claims.</returns>
    public Claims Near(double mean, double standardError, double expected, string claim, double z = DefaultZ)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(standardError);
        var score = standardError > 0 ? (mean - expected) / standardError : (mean == expected ? 0 : double.PositiveInfinity);
        Add(Math.Abs(score) <= z, claim, $"{G(mean)} ± {G(standardError)} (s.e.) vs {G(expected)}: {G(score)} s.e. (allowed ±{G(z)})");
        return this;
    }

    /// <summary>
    /// A claim that <paramref name="smaller"/> is below <paramref name="larger"/>, each estimated with a standard error
    /// (independent estimates): fails when the data contradict it, i.e. when smaller − larger exceeds z·√(s₁² + s₂²).
    /// The printed z-score says how strongly the data support it (negative: below).
    /// </summary>
    /// <param name="smaller">The estimate claimed smaller.</param>
    /// <param name="smallerError">Its standard error (0 for an exact value).</param>
    /// <param name="larger">The estimate claimed larger.</param>
    /// <param name="largerError">Its standard error (0 for an exact value).</param>
    /// <param name="claim">The claim in words.</param>
    /// <param name="z">Standard errors allowed.</param>
    /// <returns>These claims.</returns>
    public Claims Below(double smaller, double smallerError, double larger, double largerError, string claim, double z = DefaultZ)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(smallerError);
        ArgumentOutOfRangeException.ThrowIfNegative(largerError);
        var error = Math.Sqrt((smallerError * smallerError) + (largerError * largerError));
        var difference = smaller - larger;
        var score = error > 0 ? difference / error : (difference < 0 ? double.NegativeInfinity : difference > 0 ? double.PositiveInfinity : 0);
        var holds = error > 0 ? score <= z : difference < 0;
        Add(holds, claim, $"{G(smaller)} ± {G(smallerError)} vs {G(larger)} ± {G(largerError)}: difference {G(difference)} = {G(score)} s.e. (fails above +{G(z)})");
        return this;
    }

    /// <summary>Prints every claim with its verdict and numbers; throws when any failed.</summary>
    /// <returns>The printed report (also written to the console).</returns>
    /// <exception cref="InvalidOperationException">A claim failed: the message lists every failed claim with its numbers.</exception>
    public string Report()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Heading}: {_results.Count - FailedCount} of {_results.Count} claims hold");
        foreach (var (holds, claim, numbers) in _results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{(holds ? "✓" : "✗")} {claim} — {numbers}");
        }

        var report = text.ToString();
        Console.Write(report);
        if (FailedCount > 0)
        {
            throw new InvalidOperationException(
                $"{FailedCount} claim(s) failed:{Environment.NewLine}" + string.Join(Environment.NewLine, _results.Where(r => !r.Holds).Select(r => $"✗ {r.Claim} — {r.Numbers}")));
        }

        return report;
    }

    private void Add(bool holds, string claim, string numbers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claim);
        _results.Add((holds, claim, numbers ?? string.Empty));
    }

    private static string G(double value) =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞" : value.ToString("G4", CultureInfo.InvariantCulture);
}
