using WeakToStrong.Validation;
namespace WeakToStrong.Bregman;

/// <summary>
/// A probability law with finitely many atoms: outcomes x_1, …, x_n with probabilities p_1, …, p_n (p_i ≥ 0,
/// Σ p_i = 1). Expectations under it are exact finite sums, so the identities used for Xu et al. 2025, arXiv:2505.24313
/// (the Bregman bias–variance decomposition and the risk-gap identity ★ of <see cref="RiskGapDecomposition"/>) can be
/// checked to rounding error by enumeration. An empirical law (uniform weights 1/n on a
/// sample) turns the same expectations into sample averages.
/// </summary>
/// <typeparam name="T">The outcome type (a prediction, a tuple of teacher draws, a teacher–student draw, …).</typeparam>
/// <remarks>
/// Outcomes are not merged: two atoms with equal outcomes stay two atoms. Probabilities given to the constructor
/// must sum to 1 within 1e-9; they are then divided by their sum so that they sum to 1 to rounding.
/// </remarks>
public sealed class DiscreteLaw<T>
{
    private readonly T[] _outcomes;
    private readonly double[] _probabilities;

    /// <summary>Creates the law Σ_i p_i δ_{x_i}.</summary>
    /// <param name="outcomes">The atoms x_i; at least one.</param>
    /// <param name="probabilities">Their probabilities p_i: finite, ≥ 0, as many as outcomes, summing to 1 within 1e-9.</param>
    /// <exception cref="ArgumentException">Empty or mismatched inputs, or probabilities not summing to 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A probability that is negative, infinite or NaN.</exception>
    public DiscreteLaw(IEnumerable<T> outcomes, IEnumerable<double> probabilities)
        : this(outcomes, probabilities, normalise: false)
    {
    }

    private DiscreteLaw(IEnumerable<T> outcomes, IEnumerable<double> weights, bool normalise)
    {
        Guard.NotNull(outcomes);
        Guard.NotNull(weights, normalise ? "weights" : "probabilities");
        var weightName = normalise ? "weights" : "probabilities";
        _outcomes = outcomes.ToArray();
        var w = weights.ToArray();
        Guard.NotEmpty(_outcomes.Length, nameof(outcomes));
        Guard.SameLength(w.Length, _outcomes.Length, nameof(outcomes), weightName);
        double sum = 0;
        for (var i = 0; i < w.Length; i++)
        {
            Guard.NonNegative(w[i], $"{weightName}[{i}]");
            sum += w[i];
        }

        if (normalise)
        {
            if (!(sum > 0) || double.IsPositiveInfinity(sum))
            {
                throw new ArgumentException(
                    $"weights must have a positive finite sum; got {Guard.Show(sum)}.", weightName);
            }
        }
        else if (Math.Abs(sum - 1) > Guard.SumTolerance)
        {
            throw new ArgumentException(
                $"probabilities must sum to 1 within {Guard.Show(Guard.SumTolerance)}; they sum to {Guard.Show(sum)}.",
                weightName);
        }

        _probabilities = w.Select(v => v / sum).ToArray();
    }

    /// <summary>
    /// The law proportional to non-negative weights: p_i = w_i / Σ_j w_j.
    /// </summary>
    /// <param name="outcomes">The atoms; at least one.</param>
    /// <param name="weights">Finite non-negative weights with a positive sum, as many as outcomes.</param>
    public static DiscreteLaw<T> FromWeights(IEnumerable<T> outcomes, IEnumerable<double> weights) =>
        new(outcomes, weights, normalise: true);

    /// <summary>
    /// The empirical law of a sample: probability 1/n on each of the n outcomes. Expectations under it are sample
    /// averages.
    /// </summary>
    /// <param name="sample">The sample; at least one outcome.</param>
    public static DiscreteLaw<T> Empirical(IEnumerable<T> sample)
    {
        Guard.NotNull(sample);
        var s = sample.ToArray();
        Guard.NotEmpty(s.Length, nameof(sample));
        return new DiscreteLaw<T>(s, Enumerable.Repeat(1.0, s.Length), normalise: true);
    }

    /// <summary>Number of atoms n.</summary>
    public int Count => _outcomes.Length;

    /// <summary>The atoms x_1, …, x_n.</summary>
    public IReadOnlyList<T> Outcomes => _outcomes;

    /// <summary>The probabilities p_1, …, p_n (non-negative, summing to 1 to rounding).</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    /// <summary>The exact expectation E f(X) = Σ_i p_i f(x_i).</summary>
    /// <param name="function">The integrand f.</param>
    public double Expectation(Func<T, double> function)
    {
        Guard.NotNull(function);
        double sum = 0;
        for (var i = 0; i < _outcomes.Length; i++)
        {
            if (_probabilities[i] != 0)
            {
                sum += _probabilities[i] * function(_outcomes[i]);
            }
        }

        return sum;
    }

    /// <summary>The image law of f(X): atoms f(x_i) with the same probabilities (atoms are not merged).</summary>
    /// <param name="map">The map f.</param>
    public DiscreteLaw<TResult> Select<TResult>(Func<T, TResult> map)
    {
        Guard.NotNull(map);
        return new DiscreteLaw<TResult>(_outcomes.Select(map), _probabilities, normalise: false);
    }

    /// <summary>
    /// The law of K independent copies (X_1, …, X_K): n^K atoms, the tuple of atom indices in lexicographic order,
    /// with probability Π_k p_{i_k}.
    /// </summary>
    /// <param name="copies">K ≥ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">K &lt; 1, or n^K above 10^6 atoms.</exception>
    public DiscreteLaw<IReadOnlyList<T>> IndependentCopies(int copies)
    {
        Guard.AtLeast(copies, 1, "at least one copy");
        var atoms = Math.Pow(_outcomes.Length, copies);
        if (atoms > 1e6)
        {
            throw new ArgumentOutOfRangeException(nameof(copies), copies,
                $"copies = {copies} gives {_outcomes.Length}^{copies} = {Guard.Show(atoms)} atoms; at most 10^6 are enumerated.");
        }

        var total = (int)atoms;
        var tuples = new IReadOnlyList<T>[total];
        var p = new double[total];
        var index = new int[copies];
        for (var t = 0; t < total; t++)
        {
            var tuple = new T[copies];
            double prob = 1;
            for (var k = 0; k < copies; k++)
            {
                tuple[k] = _outcomes[index[k]];
                prob *= _probabilities[index[k]];
            }

            tuples[t] = tuple;
            p[t] = prob;
            for (var k = copies - 1; k >= 0; k--)
            {
                if (++index[k] < _outcomes.Length)
                {
                    break;
                }

                index[k] = 0;
            }
        }

        return new DiscreteLaw<IReadOnlyList<T>>(tuples, p, normalise: true);
    }
}
