using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;
/// <summary>
/// The synthetic regression of Dong et al. 2025 (arXiv:2502.05075) in whitened coordinates, and its four-model trial
/// (weak teacher, W2S student, strong baseline, strong ceiling) with excess risks split into bias and variance.
/// Inputs are latent Gaussian coordinates z ~ N(0, I_R) (only the R relevant coordinates are ever sampled),
/// the target is f*(x) = cᵀz, labels are y = f*(x) + ε with ε ~ N(0, σ²). The strong and weak features span
/// subspaces V_s = span(U_s) (d_s columns) and V_w = span(U_w) (d_w columns) of R^R: either coordinate subspaces
/// (the paper's model) or general subspaces given by orthonormal bases. Rescaling a feature does not change an OLS
/// fit, so each model is fitted directly on its whitened coordinates U_sᵀz or U_wᵀz.
/// </summary>
/// <remarks>
/// A trial is cheap: one thin Householder QR per design matrix (teacher n×d_w, strong n×d_s, strong N×d_s), each
/// reused for the signal and noise right-hand sides; the strong ceiling on n + N samples reuses the two strong
/// factorisations (a 2d_s×d_s QR). <see cref="TrialSampling.SufficientStatistics"/> draws only ZᵀZ and Zᵀε instead
/// (same joint law of the four fits, cost independent of n and N: about 4–7× faster at the paper's sizes).
/// Randomness comes from the core's <see cref="Randomness.RandomStream"/>(seed, trial, stream) (64-bit seeds, one
/// stream per purpose), so a trial is bit-reproducible from (seed, trial) and independent of thread scheduling.
/// The QR solves are internal rather than the core's <see cref="LinearAlgebra.LeastSquares"/> because each
/// factorisation is reused for several right-hand sides and the ceiling stacks two of them.
/// </remarks>
public sealed partial class GaussianFeatureModel
{
    private readonly Vector<double> _groundTruth;
    private readonly Matrix<double> _strongBasis;
    private readonly Matrix<double> _weakBasis;
    private readonly int[]? _strongCoordinates;
    private readonly int[]? _weakCoordinates;
    private readonly Lazy<CorrelationDimension> _overlap;

    private GaussianFeatureModel(
        Vector<double> groundTruth,
        Matrix<double> strongBasis,
        Matrix<double> weakBasis,
        double noiseVariance,
        int[]? strongCoordinates,
        int[]? weakCoordinates)
    {
        _groundTruth = groundTruth;
        _strongBasis = strongBasis;
        _weakBasis = weakBasis;
        _strongCoordinates = strongCoordinates;
        _weakCoordinates = weakCoordinates;
        NoiseVariance = noiseVariance;
        _overlap = new Lazy<CorrelationDimension>(() => CorrelationDimension.Between(strongBasis, weakBasis));
        Quantities = ComputeQuantities();
    }

    /// <summary>R, the number of relevant latent coordinates (the length of c).</summary>
    public int RelevantRank => _groundTruth.Count;

    /// <summary>d_s, the dimension of the strong feature subspace.</summary>
    public int StrongDimension => _strongBasis.ColumnCount;

    /// <summary>d_w, the dimension of the weak feature subspace.</summary>
    public int WeakDimension => _weakBasis.ColumnCount;

    /// <summary>σ², the label-noise variance.</summary>
    public double NoiseVariance { get; }

    /// <summary>True when V_s and V_w are spanned by coordinate axes (the paper's model).</summary>
    public bool IsCoordinateAligned => _strongCoordinates is not null;

    /// <summary>c, the target's coefficients in whitened coordinates: f*(x) = cᵀz (a copy).</summary>
    public Vector<double> GroundTruth => _groundTruth.Clone();

    /// <summary>U_s, an orthonormal basis of the strong feature subspace (R×d_s, a copy).</summary>
    public Matrix<double> StrongBasis => _strongBasis.Clone();

    /// <summary>U_w, an orthonormal basis of the weak feature subspace (R×d_w, a copy).</summary>
    public Matrix<double> WeakBasis => _weakBasis.Clone();

    /// <summary>The canonical angles between V_s and V_w and d_{s∧w} = Σcos²θ_i (the paper's correlation
    /// dimension).</summary>
    public CorrelationDimension Overlap => _overlap.Value;

    /// <summary>
    /// d_s, d_w, d_{s∧w}, σ², ρ_s, ρ_w and the energies ‖P_S(I − P_W)c‖², ‖(I − P_S)P_W c‖² of this model, computed
    /// from c and the bases (sums of squares of residuals; exact index sums for coordinate subspaces).
    /// </summary>
    public RiskQuantities Quantities { get; }

    /// <summary>
    /// A model whose feature subspaces are spanned by coordinate axes, as in the paper.
    /// </summary>
    /// <param name="groundTruth">c ∈ R^R, finite, with f*(x) = cᵀz.</param>
    /// <param name="strongCoordinates">The coordinates spanning V_s: distinct, in [0, R), at least one.</param>
    /// <param name="weakCoordinates">The coordinates spanning V_w: distinct, in [0, R), at least one.</param>
    /// <param name="noiseVariance">σ² ≥ 0.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">Non-finite c, or coordinates repeated, empty or out of range.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="noiseVariance"/> is negative or not finite.</exception>
    public static GaussianFeatureModel CoordinateAligned(
        Vector<double> groundTruth,
        IReadOnlyList<int> strongCoordinates,
        IReadOnlyList<int> weakCoordinates,
        double noiseVariance)
    {
        Guard.AllFinite(groundTruth);
        Guard.NonNegative(noiseVariance);
        var rank = groundTruth.Count;
        if (rank == 0)
        {
            throw new ArgumentException("groundTruth has length 0; R must be at least 1.", nameof(groundTruth));
        }

        var strong = ValidateCoordinates(strongCoordinates, rank, nameof(strongCoordinates));
        var weak = ValidateCoordinates(weakCoordinates, rank, nameof(weakCoordinates));
        return new GaussianFeatureModel(
            groundTruth.Clone(), SelectionBasis(strong, rank), SelectionBasis(weak, rank), noiseVariance, strong, weak);
    }

    /// <summary>
    /// A model with general feature subspaces given by orthonormal bases (not coordinate-aligned; then
    /// d_{s∧w} = Σcos²θ_i).
    /// </summary>
    /// <param name="groundTruth">c ∈ R^R, finite.</param>
    /// <param name="strongBasis">U_s, R×d_s with orthonormal columns (max |U_sᵀU_s − I| ≤ 1e-9).</param>
    /// <param name="weakBasis">U_w, R×d_w with orthonormal columns.</param>
    /// <param name="noiseVariance">σ² ≥ 0.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentException">A basis is not orthonormal, sizes disagree, or entries are not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="noiseVariance"/> is negative or not finite.</exception>
    public static GaussianFeatureModel WithBases(
        Vector<double> groundTruth, Matrix<double> strongBasis, Matrix<double> weakBasis, double noiseVariance)
    {
        Guard.AllFinite(groundTruth);
        Guard.NonNegative(noiseVariance);
        Guard.OrthonormalColumns(strongBasis);
        Guard.OrthonormalColumns(weakBasis);
        foreach (var (basis, name) in new[] { (strongBasis, nameof(strongBasis)), (weakBasis, nameof(weakBasis)) })
        {
            if (basis.RowCount != groundTruth.Count)
            {
                throw new ArgumentException(
                    $"{name} has {basis.RowCount} rows but groundTruth has length R = {groundTruth.Count}; the basis must have R rows.",
                    name);
            }
        }

        return new GaussianFeatureModel(groundTruth.Clone(), strongBasis.Clone(), weakBasis.Clone(), noiseVariance, null, null);
    }

    /// <summary>
    /// A Haar-distributed random orthonormal basis of a <paramref name="columns"/>-dimensional subspace of
    /// R^<paramref name="rows"/>: the Q factor of a Gaussian matrix with the signs of R's diagonal fixed positive.
    /// </summary>
    /// <param name="rows">The ambient dimension, at least 1.</param>
    /// <param name="columns">The subspace dimension, in [1, rows].</param>
    /// <param name="seed">Seed of the Gaussian draws.</param>
    /// <returns>A rows×columns matrix with orthonormal columns.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public static Matrix<double> RandomOrthonormalBasis(int rows, int columns, long seed)
    {
        Guard.Positive(rows);
        Guard.InRange(columns, 1, rows);
        return new RandomStream(seed, ((long)rows << 32) | (uint)columns, RandomStreams.Projection)
            .NextOrthonormalFrame(rows, columns);
    }

    private RiskQuantities ComputeQuantities()
    {
        double strongError, weakError, strongOnly, weakOnly, correlation;
        if (_strongCoordinates is not null && _weakCoordinates is not null)
        {
            var inStrong = Membership(_strongCoordinates);
            var inWeak = Membership(_weakCoordinates);
            strongError = weakError = strongOnly = weakOnly = 0;
            var both = 0;
            for (var i = 0; i < RelevantRank; i++)
            {
                var energy = _groundTruth[i] * _groundTruth[i];
                strongError += inStrong[i] ? 0 : energy;
                weakError += inWeak[i] ? 0 : energy;
                strongOnly += inStrong[i] && !inWeak[i] ? energy : 0;
                weakOnly += inWeak[i] && !inStrong[i] ? energy : 0;
                both += inStrong[i] && inWeak[i] ? 1 : 0;
            }

            correlation = both;
        }
        else
        {
            var strongResidual = _groundTruth - _strongBasis * _strongBasis.TransposeThisAndMultiply(_groundTruth);
            var weakProjection = _weakBasis * _weakBasis.TransposeThisAndMultiply(_groundTruth);
            var weakResidual = _groundTruth - weakProjection;
            strongError = strongResidual.DotProduct(strongResidual);
            weakError = weakResidual.DotProduct(weakResidual);
            var strongPart = _strongBasis.TransposeThisAndMultiply(weakResidual);
            strongOnly = strongPart.DotProduct(strongPart);
            var weakOutside = weakProjection - _strongBasis * _strongBasis.TransposeThisAndMultiply(weakProjection);
            weakOnly = weakOutside.DotProduct(weakOutside);
            correlation = Math.Min(_overlap.Value.Value, Math.Min(StrongDimension, WeakDimension));
        }

        return new RiskQuantities(
            StrongDimension, WeakDimension, correlation, NoiseVariance, strongError, weakError, strongOnly, weakOnly);
    }

    private bool[] Membership(int[] coordinates)
    {
        var member = new bool[RelevantRank];
        foreach (var i in coordinates)
        {
            member[i] = true;
        }

        return member;
    }

    private static int[] ValidateCoordinates(IReadOnlyList<int>? coordinates, int rank, string name)
    {
        Guard.NotNull(coordinates, name);
        if (coordinates!.Count == 0)
        {
            throw new ArgumentException($"{name} is empty; a feature subspace needs at least one coordinate.", name);
        }

        var seen = new bool[rank];
        var result = new int[coordinates.Count];
        for (var j = 0; j < coordinates.Count; j++)
        {
            var i = coordinates[j];
            if (i < 0 || i >= rank)
            {
                throw new ArgumentOutOfRangeException(
                    name, i, $"{name}[{j}] = {i} is out of range; valid range: 0 <= coordinate <= {rank - 1} (R = {rank}).");
            }

            if (seen[i])
            {
                throw new ArgumentException($"{name}[{j}] = {i} repeats a coordinate; coordinates must be distinct.", name);
            }

            seen[i] = true;
            result[j] = i;
        }

        return result;
    }

    private static Matrix<double> SelectionBasis(int[] coordinates, int rank)
    {
        var basis = Matrix<double>.Build.Dense(rank, coordinates.Length);
        for (var j = 0; j < coordinates.Length; j++)
        {
            basis[coordinates[j], j] = 1.0;
        }

        return basis;
    }
}
