using System.Globalization;
using WeakToStrong.Validation;

namespace WeakToStrong.Charts;

/// <summary>
/// The suite's colours: one colour per model role, per quantity of the Bregman decomposition and per student loss, the
/// same in every notebook, so a reader who has learnt that blue is the weak teacher in one chart can read every other
/// chart without its legend. The role colours are the Okabe–Ito palette (distinguishable under the common colour-vision
/// deficiencies and on a projector); the loss colours are Paul Tol's "muted" scheme, disjoint from the roles.
/// Curves indexed by a parameter (teacher widths, overlaps, sample sizes) take <see cref="Sequential"/>, an ordered
/// ramp, so that the order of the colours is the order of the parameter.
/// </summary>
public static class Palette
{
    /// <summary>The weak teacher f_w (blue).</summary>
    public const string WeakTeacher = "#0072B2";

    /// <summary>The weak-to-strong student f_w→s, trained on the teacher's labels (vermillion).</summary>
    public const string WeakToStrong = "#D55E00";

    /// <summary>The strong baseline: the strong model trained on the few true labels the teacher had (reddish purple).</summary>
    public const string StrongBaseline = "#CC79A7";

    /// <summary>The strong ceiling: the strong model trained on true labels for every sample (bluish green).</summary>
    public const string StrongCeiling = "#009E73";

    /// <summary>Theory that belongs to no single model: bounds, limits, reference slopes (black).</summary>
    public const string Theory = "#000000";

    /// <summary>Secondary references and guides: "no gain" diagonals, alternative slopes (grey).</summary>
    public const string Reference = "#7F7F7F";

    /// <summary>The misfit M(f_s, f_w) between student and teacher (orange).</summary>
    public const string Misfit = "#E69F00";

    /// <summary>The gain E R(f_w) − E R(f_s) of the student over its teacher (sky blue).</summary>
    public const string Gain = "#56B4E9";

    /// <summary>The distance of the student to the posterior-mean teacher (yellow-green, dark enough for white paper).</summary>
    public const string PosteriorMeanDistance = "#8C8C00";

    /// <summary>A student trained with forward cross-entropy CE(q, p), the teacher's label in the first slot (indigo).</summary>
    public const string ForwardCrossEntropy = "#332288";

    /// <summary>A student trained with reverse cross-entropy CE(p, q), its own prediction in the first slot (wine).</summary>
    public const string ReverseCrossEntropy = "#882255";

    /// <summary>A student trained with confidence-adaptive cross-entropy (teal).</summary>
    public const string ConfidenceAdaptiveCrossEntropy = "#44AA99";

    /// <summary>A student trained with the symmetric (forward plus reverse) loss (olive).</summary>
    public const string SymmetricCrossEntropy = "#999933";

    /// <summary>A student trained with the auxiliary-confidence loss (rose).</summary>
    public const string AuxiliaryConfidence = "#CC6677";

    private static readonly (double R, double G, double B)[] Viridis =
    [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44),
    ];

    /// <summary>
    /// The colour of curve <paramref name="index"/> of <paramref name="count"/> ordered curves: evenly spaced points of the
    /// viridis ramp from dark purple (index 0) to yellow-green (the last), linearly interpolated in RGB between nine
    /// reference colours of the ramp; a single curve gets the dark end.
    /// </summary>
    /// <param name="index">The curve, 0 ≤ index &lt; count.</param>
    /// <param name="count">The number of curves, ≥ 1.</param>
    /// <returns>A CSS colour "#rrggbb".</returns>
    public static string Sequential(int index, int count)
    {
        Guard.Positive(count);
        Guard.InRange(index, 0, count - 1);
        var position = count == 1 ? 0.0 : (double)index / (count - 1) * (Viridis.Length - 1);
        var lower = Math.Min((int)Math.Floor(position), Viridis.Length - 2);
        var fraction = position - lower;
        var (r0, g0, b0) = Viridis[lower];
        var (r1, g1, b1) = Viridis[lower + 1];
        return string.Create(CultureInfo.InvariantCulture, $"#{Channel(r0, r1, fraction):X2}{Channel(g0, g1, fraction):X2}{Channel(b0, b1, fraction):X2}");
    }

    /// <summary>The colour of a student loss by its short name: CE, RCE, CACE, SL (or SCE) or AUX, case-insensitive.</summary>
    /// <param name="lossName">The loss name.</param>
    /// <returns>The loss's colour.</returns>
    public static string OfLoss(string lossName)
    {
        Guard.NotEmpty(lossName);
        return lossName.ToUpperInvariant() switch
        {
            "CE" or "FORWARD" => ForwardCrossEntropy,
            "RCE" or "REVERSE" => ReverseCrossEntropy,
            "CACE" => ConfidenceAdaptiveCrossEntropy,
            "SL" or "SCE" or "SYMMETRIC" => SymmetricCrossEntropy,
            "AUX" => AuxiliaryConfidence,
            _ => throw new ArgumentException($"lossName = \"{lossName}\" has no colour; expected one of CE, RCE, CACE, SL, SCE, AUX.", nameof(lossName)),
        };
    }

    /// <summary>
    /// The marker shape of a student loss (CE circle, RCE square, CACE diamond, SL triangle, AUX cross), so students of
    /// different losses stay apart where their points coincide.
    /// </summary>
    /// <param name="lossName">The loss name, as for <see cref="OfLoss"/>.</param>
    /// <returns>The loss's marker shape.</returns>
    public static MarkerShape MarkerOfLoss(string lossName)
    {
        _ = OfLoss(lossName);
        return lossName.ToUpperInvariant() switch
        {
            "CE" or "FORWARD" => MarkerShape.Circle,
            "RCE" or "REVERSE" => MarkerShape.Square,
            "CACE" => MarkerShape.Diamond,
            "AUX" => MarkerShape.Cross,
            _ => MarkerShape.TriangleUp,
        };
    }

    private static int Channel(double from, double to, double fraction) => (int)Math.Round(from + ((to - from) * fraction), MidpointRounding.AwayFromZero);
}
