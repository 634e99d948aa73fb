using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The weak teacher of the ReLU random-feature model of Medvedev et al. 2025 (arXiv:2503.02877), trained on the
/// population with a linear target; this library sets it on the sphere (inputs and weights uniform on S^(d−1)), where
/// every population quantity has a closed form: M_TE ReLU random features φ_i(x) = relu(w_i·x) with unit weights w_i,
/// trained on
/// the population (x uniform on S^(d−1)) by least squares against the linear target f*(x) = √d·x_1 (‖f*‖² = 1).
/// Its function f_TE = Σ a_i φ_i is the L2 projection of f* onto the features' span:
/// <list type="bullet">
/// <item>G = k1(WWᵀ)/d (exact Gram), b = W e_1/(2√d), a = G⁻¹b by Cholesky, L_TE = 1 − bᵀa, ‖f_TE‖² = 1 − L_TE;</item>
/// <item>per harmonic degree k: m_k = ‖[f_TE]_k‖² = μ_k² N_k aᵀP_k(WWᵀ)a (k ≤ K);</item>
/// <item>degree 1 is linear, [f_TE]_1(x) = v·x with v = Wᵀa/2: its coefficient along f* is c_1 = v_1/√d = 1 − L_TE,
/// its orthogonal mass p_1 = Σ_(j≥2) v_j²/d, and m_1 = c_1² + p_1;</item>
/// <item>Σ_k m_k = 1 − L_TE; the part above degree K is <see cref="TailMass"/>.</item>
/// </list>
/// Built once: the O(M³) Cholesky and the O(K M²) Legendre recurrence run in the constructor.
/// </summary>
public sealed class ReluTeacher
{
    /// <summary>The default truncation degree K for the teacher's degree masses (K = 60 leaves a tail mass of about
    /// 1e-6 or less).</summary>
    public const int DefaultMaxDegree = 60;

    private readonly Matrix<double> _weights;
    private readonly Matrix<double> _gram;
    private readonly Vector<double> _outputWeights;
    private readonly Vector<double> _targetCorrelations;
    private readonly Vector<double> _linearPart;
    private readonly double[] _degreeMasses;

    /// <summary>The teacher with the given unit weight rows (the caller controls how they are sampled).</summary>
    /// <param name="weights">M_TE × d matrix, d ≥ 2, M_TE ≥ 1, every row a unit vector (|‖w‖² − 1| ≤ 1e-10), rows distinct
    /// so that the Gram matrix is positive definite.</param>
    /// <param name="maxDegree">K ≥ 1, the largest harmonic degree whose mass m_k is computed (default 60).</param>
    public ReluTeacher(Matrix<double> weights, int maxDegree = DefaultMaxDegree)
    {
        Guard.NotNull(weights);
        Guard.AtLeast(weights.ColumnCount, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(weights) + ".ColumnCount");
        Guard.AtLeast(weights.RowCount, 1, "the teacher width M_TE", nameof(weights) + ".RowCount");
        Guard.AtLeast(maxDegree, 1, "the truncation degree K");
        Guard.UnitRows(weights);

        var d = weights.ColumnCount;
        var m = weights.RowCount;
        _weights = weights.Clone();
        Dimension = d;
        Width = m;
        MaxDegree = maxDegree;
        Spectrum = new ReluSphereSpectrum(d, maxDegree);

        var cosines = ArcCosineKernel.Cosines(_weights);
        _gram = cosines.Map(r => ArcCosineKernel.K1Unchecked(r) / d);
        _targetCorrelations = _weights.Column(0) / (2.0 * Math.Sqrt(d));
        var cholesky = Factorize(_gram, cosines);
        _outputWeights = cholesky.Solve(_targetCorrelations);

        var explained = _targetCorrelations.DotProduct(_outputWeights);
        Loss = 1.0 - explained;
        if (!(Loss > 0) || !double.IsFinite(Loss))
        {
            throw new ArgumentException(
                $"{nameof(weights)}: the teacher's loss came out as L_TE = 1 − bᵀa = {Guard.Show(Loss)}, not in (0, 1]; the Gram matrix " +
                "is too ill-conditioned for double precision at this width (use fewer or better-separated units).",
                nameof(weights));
        }

        _linearPart = _weights.TransposeThisAndMultiply(_outputWeights) / 2.0;
        TargetCoefficient = _linearPart[0] / Math.Sqrt(d);
        var orthogonal = 0.0;
        for (var j = 1; j < d; j++)
        {
            orthogonal += _linearPart[j] * _linearPart[j];
        }

        OrthogonalLinearMass = orthogonal / d;

        var forms = SphericalLegendre.QuadraticForms(cosines, _outputWeights, d, maxDegree);
        _degreeMasses = new double[maxDegree + 1];
        var sumOfA = _outputWeights.Sum();
        _degreeMasses[0] = Spectrum.Eigenvalues[0] * sumOfA * sumOfA; // P_0 ≡ 1: aᵀP_0a = (Σ a_i)², a square
        _degreeMasses[1] = TargetCoefficient * TargetCoefficient + OrthogonalLinearMass;
        var total = _degreeMasses[0] + _degreeMasses[1];
        for (var k = 2; k <= maxDegree; k++)
        {
            _degreeMasses[k] = Spectrum.TraceShares[k] * forms[k];
            total += _degreeMasses[k];
        }

        TailMass = explained - total;
        TailEigenvalue = ReluSphereSpectrum.Eigenvalue(maxDegree % 2 == 0 ? maxDegree + 2 : maxDegree + 1, d);
    }

    /// <summary>
    /// A teacher of width M_TE with weight rows drawn uniformly on S^(d−1) from <paramref name="random"/>
    /// (see <see cref="SampleWeights"/>), e.g. <c>ReluTeacher.Sample(10, 128, new RandomStream(seed, trial))</c>.
    /// </summary>
    /// <param name="dimension">d ≥ 2.</param>
    /// <param name="width">M_TE ≥ 1.</param>
    /// <param name="random">The random stream the weights are drawn from (normally a core <see cref="RandomStream"/>).</param>
    /// <param name="maxDegree">K ≥ 1 (default 60).</param>
    public static ReluTeacher Sample(int dimension, int width, Random random, int maxDegree = DefaultMaxDegree) =>
        new(SampleWeights(dimension, width, random), maxDegree);

    /// <summary>
    /// M rows drawn i.i.d. uniformly on S^(d−1) by the core's <see cref="RandomDraws.NextUnitVectors"/> (g/‖g‖ with
    /// g ∼ N(0, I_d)). A deterministic function of the stream's state.
    /// </summary>
    /// <param name="dimension">d ≥ 2.</param>
    /// <param name="width">M ≥ 1.</param>
    /// <param name="random">The random stream (normally a core <see cref="RandomStream"/>).</param>
    public static Matrix<double> SampleWeights(int dimension, int width, Random random)
    {
        Guard.AtLeast(dimension, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(dimension));
        Guard.AtLeast(width, 1, "the number of units M");
        Guard.NotNull(random);
        return random.NextUnitVectors(width, dimension);
    }

    /// <summary>The input dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The teacher width M_TE.</summary>
    public int Width { get; }

    /// <summary>K, the largest degree in <see cref="DegreeMasses"/>.</summary>
    public int MaxDegree { get; }

    /// <summary>The kernel spectrum (μ_k, λ_k, N_k) for k ≤ K in dimension d.</summary>
    public ReluSphereSpectrum Spectrum { get; }

    /// <summary>A copy of the unit weight rows W (M_TE × d).</summary>
    public Matrix<double> Weights => _weights.Clone();

    /// <summary>A copy of the exact population Gram matrix G = k1(WWᵀ)/d.</summary>
    public Matrix<double> Gram => _gram.Clone();

    /// <summary>A copy of the output weights a = G⁻¹b.</summary>
    public Vector<double> OutputWeights => _outputWeights.Clone();

    /// <summary>A copy of b = W e_1/(2√d), b_i = E_x[φ_i(x) f*(x)].</summary>
    public Vector<double> TargetCorrelations => _targetCorrelations.Clone();

    /// <summary>A copy of v = Wᵀa/2, the degree-1 (linear) part of the teacher, [f_TE]_1(x) = v·x.</summary>
    public Vector<double> LinearPart => _linearPart.Clone();

    /// <summary>L_TE = E_x[(f_TE − f*)²] = 1 − bᵀa.</summary>
    public double Loss { get; }

    /// <summary>c_1 = v_1/√d = ⟨f_TE, f*⟩, which equals 1 − L_TE because the teacher is a projection.</summary>
    public double TargetCoefficient { get; }

    /// <summary>p_1 = Σ_(j≥2) v_j²/d, the teacher's degree-1 mass orthogonal to f*.</summary>
    public double OrthogonalLinearMass { get; }

    /// <summary>m_k = ‖[f_TE]_k‖² for k = 0…K (m_0 = λ_0(Σa_i)², m_1 = c_1² + p_1, m_k = 0 for odd k ≥ 3).</summary>
    public IReadOnlyList<double> DegreeMasses => _degreeMasses;

    /// <summary>
    /// The teacher's error e = f_TE − f* on each harmonic degree, ‖[e]_k‖² for k = 0…K: for k ≠ 1 it is m_k (f* has no
    /// degree-k part), for k = 1 it is (1 − c_1)² + p_1 = L_TE² + p_1 (the target direction keeps the error 1 − c_1 = L_TE,
    /// the orthogonal degree-1 part is all error; a mass that rounding made negative counts as 0). With the tail above K they
    /// add up to L_TE:
    /// Σ_k ‖[e]_k‖² + <see cref="TailMass"/> = L_TE, because Σ_(k≠1) m_k + p_1 = 1 − L_TE − c_1² − tail and c_1 = 1 − L_TE.
    /// </summary>
    public IReadOnlyList<double> DegreeErrors => _degreeMasses.Select((m, k) => k == 1 ? (Loss * Loss) + OrthogonalLinearMass : Math.Max(0.0, m)).ToArray();

    /// <summary>The teacher's mass above degree K: (1 − L_TE) − Σ_(k≤K) m_k (rounding may make a zero tail slightly negative).</summary>
    public double TailMass { get; }

    /// <summary>λ at the first even degree above K: an upper bound on every eigenvalue carrying the tail mass.</summary>
    public double TailEigenvalue { get; }

    /// <summary>
    /// The infinite-width student trained on this teacher's labels (M_ST = ∞):
    /// L_ST(t) = (1 − g_1 c_1)² + g_1² p_1 + Σ_(k≠1, k≤K) g_k² m_k + g_tail² max(0, tail), g_k = 1 − e^(−λ_k t), with
    /// 1 − g_1 c_1 formed as L_TE + c_1 e^(−λ_1 t). The tail mass is placed on <see cref="TailEigenvalue"/>, so that
    /// L_ST(0) = 1 and L_ST(∞) = L_TE hold to rounding; at finite t its term is ≤ tail·(λ_tail t)², an upper bound on the
    /// true tail contribution. A degree mass that rounding made negative counts as 0. Times are reported as t·λ_1 with
    /// λ_1 = 1/(4d²).
    /// </summary>
    public InfiniteWidthStudent InfiniteWidthStudent()
    {
        var lambda = new List<double>();
        var beta = new List<double>();
        var theta = new List<double>();
        var residual = new List<double>();
        void Add(double l, double b, double t, double r)
        {
            lambda.Add(l);
            beta.Add(b);
            theta.Add(t);
            residual.Add(r);
        }

        var lambda1 = Spectrum.Eigenvalues[1];
        Add(lambda1, TargetCoefficient, 1.0, Loss); // θ − β = 1 − c_1 = L_TE exactly as computed
        Add(lambda1, Math.Sqrt(OrthogonalLinearMass), 0.0, -Math.Sqrt(OrthogonalLinearMass));
        for (var k = 0; k <= MaxDegree; k++)
        {
            if (k == 1 || Spectrum.Eigenvalues[k] == 0)
            {
                continue;
            }

            var norm = Math.Sqrt(Math.Max(0.0, _degreeMasses[k]));
            Add(Spectrum.Eigenvalues[k], norm, 0.0, -norm);
        }

        var tail = Math.Sqrt(Math.Max(0.0, TailMass));
        Add(TailEigenvalue, tail, 0.0, -tail);
        return new InfiniteWidthStudent(lambda.ToArray(), beta.ToArray(), theta.ToArray(), residual.ToArray(), Loss, lambda1);
    }

    /// <summary>
    /// The Cholesky factor of a population Gram matrix k1(WWᵀ)/d, rejected (ArgumentException on "weights") when it is not
    /// numerically positive definite (smallest/largest pivot ≤ 1e-13), with the closest pair of units in the message.
    /// </summary>
    internal static Cholesky<double> Factorize(Matrix<double> gram, Matrix<double> cosines)
    {
        Cholesky<double>? cholesky = null;
        try
        {
            cholesky = gram.Cholesky();
        }
        catch (ArgumentException)
        {
        }

        var factor = cholesky?.Factor;
        var smallestPivot = double.PositiveInfinity;
        var largestPivot = 0.0;
        if (factor is not null)
        {
            for (var i = 0; i < factor.RowCount; i++)
            {
                var pivot = factor[i, i] * factor[i, i];
                smallestPivot = Math.Min(smallestPivot, pivot);
                largestPivot = Math.Max(largestPivot, pivot);
            }
        }

        if (cholesky is not null && smallestPivot > 1e-13 * largestPivot && double.IsFinite(smallestPivot))
        {
            return cholesky;
        }

        var (closestI, closestJ, closest) = (0, 0, -2.0);
        for (var i = 0; i < cosines.RowCount; i++)
        {
            for (var j = i + 1; j < cosines.ColumnCount; j++)
            {
                if (cosines[i, j] > closest)
                {
                    (closestI, closestJ, closest) = (i, j, cosines[i, j]);
                }
            }
        }

        var detail = closest > 1 - 1e-12
            ? $"rows {closestI} and {closestJ} are (numerically) the same unit (cosine {Guard.Show(closest)}); remove duplicates"
            : $"the closest pair of rows ({closestI}, {closestJ}) has cosine {Guard.Show(closest)}; the Gram matrix is numerically singular (smallest/largest Cholesky pivot {Guard.Show(smallestPivot / largestPivot)})";
        throw new ArgumentException(
            $"weights: the population Gram matrix k1(WWᵀ)/d is not numerically positive definite: {detail}.", "weights");
    }
}
