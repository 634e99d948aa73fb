using WeakToStrong.Validation;
using static WeakToStrong.ElementaryFunctions;

namespace WeakToStrong.Bregman;

/// <summary>
/// Teacher ensembles averaged in dual space (the paper's proposal to approximate the posterior-mean
/// teacher by ensembling weak teachers, Xu et al. 2025, arXiv:2505.24313): the
/// ensemble of K teachers is their dual mean (∇φ)⁻¹((1/K) Σ_k ∇φ(f_w,k)), i.e. the mean prediction for squared
/// loss and the sigmoid/softmax of the mean logits for cross-entropy, an approximation of the posterior-mean
/// teacher.
/// </summary>
public static class DualEnsemble
{
    /// <summary>The dual mean (∇φ)⁻¹((1/K) Σ_k ∇φ(m_k)) of K ensemble members.</summary>
    /// <param name="generator">The Bregman generator φ.</param>
    /// <param name="members">The members' predictions (domain interior); at least one.</param>
    public static TPoint Average<TPoint>(BregmanGenerator<TPoint> generator, IReadOnlyList<TPoint> members)
        where TPoint : notnull
    {
        Guard.NotNull(generator);
        Guard.NotNull(members);
        Guard.NotEmpty(members.Count, nameof(members));
        for (var k = 0; k < members.Count; k++)
        {
            generator.ValidateInterior(members[k], $"{nameof(members)}[{k}]");
        }

        return generator.DualAverage(members, Enumerable.Repeat(1.0 / members.Count, members.Count).ToArray());
    }

    /// <summary>
    /// Binary teachers given by logits: the ensemble probability on sample i is σ((1/K) Σ_k z_k,i), the sigmoid of
    /// the mean logit (not the mean of the probabilities).
    /// </summary>
    /// <param name="teacherLogits">K arrays of finite logits, one per teacher, all of the same length n ≥ 1.</param>
    /// <returns>The n ensemble probabilities.</returns>
    public static double[] MeanLogitProbabilities(IReadOnlyList<double[]> teacherLogits)
    {
        Guard.NotNull(teacherLogits);
        Guard.NotEmpty(teacherLogits.Count, nameof(teacherLogits));
        Guard.NotNull(teacherLogits[0], $"{nameof(teacherLogits)}[0]");
        var n = teacherLogits[0].Length;
        Guard.NotEmpty(n, $"{nameof(teacherLogits)}[0]");
        var mean = new double[n];
        for (var k = 0; k < teacherLogits.Count; k++)
        {
            var z = teacherLogits[k];
            Guard.NotNull(z, $"{nameof(teacherLogits)}[{k}]");
            Guard.SameLength(z.Length, n, $"{nameof(teacherLogits)}[0]", $"{nameof(teacherLogits)}[{k}]");
            for (var i = 0; i < n; i++)
            {
                Guard.Finite(z[i], $"{nameof(teacherLogits)}[{k}][{i}]");
                mean[i] += z[i];
            }
        }

        return mean.Select(s => Sigmoid(s / teacherLogits.Count)).ToArray();
    }

    /// <summary>
    /// The exact joint law of the ensemble student: K i.i.d. teachers f_w,1..K drawn from
    /// <paramref name="teacher"/>, the student f_s = their dual mean, the teacher slot holding member 1. The
    /// conditioning cell is the multiset of the K draws (exchangeability gives E[∇φ(f_w,1) | cell] = ∇φ(f_s), so
    /// the student is its posterior-mean teacher and the residual of (★) vanishes).
    /// </summary>
    /// <param name="generator">The Bregman generator φ.</param>
    /// <param name="target">The fixed target g.</param>
    /// <param name="teacher">The law of one teacher's prediction (atoms in the domain interior).</param>
    /// <param name="members">K ≥ 1; the law has n^K atoms (at most 10^6).</param>
    public static DiscreteLaw<TeacherStudentDraw<TPoint>> StudentLaw<TPoint>(
        BregmanGenerator<TPoint> generator, TPoint target, DiscreteLaw<TPoint> teacher, int members)
        where TPoint : notnull
    {
        Guard.NotNull(generator);
        Guard.NotNull(target);
        Guard.NotNull(teacher);
        generator.ValidateClosed(target, nameof(target));
        for (var i = 0; i < teacher.Count; i++)
        {
            generator.ValidateInterior(teacher.Outcomes[i], $"{nameof(teacher)}.Outcomes[{i}]");
        }

        DiscreteLaw<int> atoms = new(Enumerable.Range(0, teacher.Count), teacher.Probabilities);
        var tuples = atoms.IndependentCopies(members);
        var cells = new Dictionary<string, int>();
        var draws = new TeacherStudentDraw<TPoint>[tuples.Count];
        var uniform = Enumerable.Repeat(1.0 / members, members).ToArray();
        for (var t = 0; t < tuples.Count; t++)
        {
            var tuple = tuples.Outcomes[t];
            var key = string.Join(",", tuple.Order());
            if (!cells.TryGetValue(key, out var cell))
            {
                cell = cells.Count;
                cells.Add(key, cell);
            }

            // Sorting the members makes the student bit-identical across the orderings of one multiset.
            var sorted = tuple.Order().Select(i => teacher.Outcomes[i]).ToArray();
            draws[t] = new TeacherStudentDraw<TPoint>(target, teacher.Outcomes[tuple[0]], generator.DualAverage(sorted, uniform), cell);
        }

        return new DiscreteLaw<TeacherStudentDraw<TPoint>>(draws, tuples.Probabilities);
    }
}
