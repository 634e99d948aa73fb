using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// The teacher-uncertainty knob of the authors' code for Xu et al. 2025, arXiv:2505.24313
/// (noisy_rate and noisy_alpha): a random subset of
/// ⌊n·rate⌋ labels (drawn without replacement) is shrunk toward 0.5, q ← 0.5 + α(q − 0.5); the others are kept.
/// </summary>
public sealed class TeacherLabelShrinkage
{
    /// <summary>Creates the knob.</summary>
    /// <param name="rate">The fraction of labels shrunk, in [0, 1].</param>
    /// <param name="alpha">The shrinkage factor α ∈ [0, 1] (1: no change; 0: every chosen label becomes 0.5).</param>
    public TeacherLabelShrinkage(double rate, double alpha)
    {
        Guard.Probability(rate);
        Guard.Probability(alpha);
        Rate = rate;
        Alpha = alpha;
    }

    /// <summary>The fraction of labels shrunk, in [0, 1].</summary>
    public double Rate { get; }

    /// <summary>The shrinkage factor α ∈ [0, 1].</summary>
    public double Alpha { get; }

    /// <summary>
    /// Shrinks ⌊n·rate⌋ labels chosen uniformly without replacement by a partial Fisher–Yates shuffle driven by
    /// <paramref name="random"/> (normally a <see cref="Randomness.RandomStream"/>); the same stream gives the same
    /// labels to the bit.
    /// </summary>
    /// <param name="teacherProbabilities">The labels q_i ∈ [0, 1].</param>
    /// <param name="random">The random stream; advanced by ⌊n·rate⌋ draws.</param>
    /// <returns>The new labels and the sorted indices that were shrunk.</returns>
    public (double[] Labels, int[] ShrunkIndices) Apply(IReadOnlyList<double> teacherProbabilities, Random random)
    {
        Guard.NotNull(teacherProbabilities);
        Guard.NotNull(random);
        var n = teacherProbabilities.Count;
        var labels = new double[n];
        for (var i = 0; i < n; i++)
        {
            Guard.Probability(teacherProbabilities[i], $"{nameof(teacherProbabilities)}[{i}]");
            labels[i] = teacherProbabilities[i];
        }

        var count = (int)Math.Floor(n * Rate);
        var order = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(n - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var chosen = order[..count];
        Array.Sort(chosen);
        foreach (var i in chosen)
        {
            labels[i] = 0.5 + Alpha * (labels[i] - 0.5);
        }

        return (labels, chosen);
    }
}
