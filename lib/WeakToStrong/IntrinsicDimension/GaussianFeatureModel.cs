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
public sealed class GaussianFeatureModel
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

    /// <summary>
    /// Draws the random inputs and noise of one trial from the stream of (<paramref name="seed"/>,
    /// <paramref name="trial"/>), in the fixed order Z_n, ε_n, Z_N, ε_N.
    /// </summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="trial">The trial index, ≥ 0.</param>
    /// <param name="labelledCount">n ≥ max(d_w, d_s), so that the teacher and the strong baseline are determined.</param>
    /// <param name="unlabelledCount">N ≥ d_s, so that the W2S student is determined.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or the trial index is out of range.</exception>
    public TrialSample DrawSample(long seed, int trial, int labelledCount, int unlabelledCount)
    {
        Guard.NonNegative(trial);
        return DrawSample(new RandomStream(seed, trial, RandomStreams.TrialData), labelledCount, unlabelledCount);
    }

    /// <summary>
    /// Draws the random inputs and noise of one trial from <paramref name="random"/>, in the fixed order
    /// Z_n, ε_n, Z_N, ε_N (matrices filled column-major).
    /// </summary>
    /// <param name="random">The trial's random stream, for example a sweep job's <c>Random</c>.</param>
    /// <param name="labelledCount">n ≥ max(d_w, d_s).</param>
    /// <param name="unlabelledCount">N ≥ d_s.</param>
    /// <returns>The sample.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public TrialSample DrawSample(Random random, int labelledCount, int unlabelledCount)
    {
        Guard.NotNull(random);
        ValidateCounts(labelledCount, unlabelledCount);
        var rank = RelevantRank;
        var sigma = Math.Sqrt(NoiseVariance);
        // Noise is drawn standard and then scaled, so every σ² ≥ 0 (even 0) consumes the same draws: common random
        // numbers across noise levels.
        var labelled = random.NextGaussianMatrix(labelledCount, rank);
        var labelNoise = random.NextGaussianVector(labelledCount) * sigma;
        var unlabelled = random.NextGaussianMatrix(unlabelledCount, rank);
        var unlabelledNoise = random.NextGaussianVector(unlabelledCount) * sigma;
        return new TrialSample(labelled, labelNoise, unlabelled, unlabelledNoise);
    }

    /// <summary>
    /// Fits the four models on one sample and returns their excess risks with the bias/variance split: weak teacher on
    /// (Z_n U_w, y_n); W2S student on (Z_N U_s, f_w(x)) with noiseless pseudo-labels;
    /// strong baseline on (Z_n U_s, y_n); strong ceiling on the n + N samples with their true labels. Each fit is
    /// OLS; each is run on the signal labels Z c and on the noise ε separately (the fit is linear), which gives
    /// the exact split ER = Bias + Variance + Cross.
    /// </summary>
    /// <param name="sample">A sample with R columns, n ≥ max(d_w, d_s) and N ≥ d_s rows.</param>
    /// <returns>The per-trial excess risks, PGR and OPR.</returns>
    /// <exception cref="ArgumentException">The sample's shapes do not match the model, or entries are not finite.</exception>
    public FourModelRisks Fit(TrialSample sample)
    {
        Guard.NotNull(sample);
        Guard.AllFinite(sample.LabelledInputs, nameof(sample) + ".LabelledInputs");
        var zn = sample.LabelledInputs;
        Guard.AllFinite(sample.UnlabelledInputs, nameof(sample) + ".UnlabelledInputs");
        var zu = sample.UnlabelledInputs;
        Guard.AllFinite(sample.LabelNoise, nameof(sample) + ".LabelNoise");
        var en = sample.LabelNoise;
        Guard.AllFinite(sample.UnlabelledNoise, nameof(sample) + ".UnlabelledNoise");
        var eu = sample.UnlabelledNoise;
        if (zn.ColumnCount != RelevantRank || zu.ColumnCount != RelevantRank || en.Count != zn.RowCount || eu.Count != zu.RowCount)
        {
            throw new ArgumentException(
                $"sample shapes Z_n {zn.RowCount}×{zn.ColumnCount}, ε_n {en.Count}, Z_N {zu.RowCount}×{zu.ColumnCount}, ε_N {eu.Count} do not match R = {RelevantRank} (inputs need R columns and one noise value per row).",
                nameof(sample));
        }

        ValidateCounts(zn.RowCount, zu.RowCount);

        // Labelled right-hand sides: [signal f*(x_i) = z_iᵀc, noise ε_i].
        var labelled = Matrix<double>.Build.Dense(zn.RowCount, 2);
        labelled.SetColumn(0, zn * _groundTruth);
        labelled.SetColumn(1, en);

        // Weak teacher on the n labels.
        var teacher = new LeastSquaresQR(Features(zn, _weakBasis, _weakCoordinates));
        var teacherCoefficients = Lift(teacher.SolveReduced(teacher.Reduce(labelled)), _weakBasis, _weakCoordinates);

        // Strong baseline on the n labels.
        var strongLabelled = new LeastSquaresQR(Features(zn, _strongBasis, _strongCoordinates));
        var strongLabelledReduced = strongLabelled.Reduce(labelled);
        var baselineCoefficients = Lift(strongLabelled.SolveReduced(strongLabelledReduced), _strongBasis, _strongCoordinates);

        // The N fresh inputs: pseudo-labels f_w(x) (signal and noise parts) and the true labels for the ceiling.
        var predictors = Matrix<double>.Build.Dense(RelevantRank, 3);
        predictors.SetSubMatrix(0, 0, teacherCoefficients);
        predictors.SetColumn(2, _groundTruth);
        var unlabelled = Matrix<double>.Build.Dense(zu.RowCount, 4);
        unlabelled.SetSubMatrix(0, 0, zu * predictors);
        unlabelled.SetColumn(3, eu);
        var strongUnlabelled = new LeastSquaresQR(Features(zu, _strongBasis, _strongCoordinates));
        var strongUnlabelledReduced = strongUnlabelled.Reduce(unlabelled);
        var studentCoefficients = Lift(
            strongUnlabelled.SolveReduced(strongUnlabelledReduced.SubMatrix(0, StrongDimension, 0, 2)),
            _strongBasis,
            _strongCoordinates);

        // Strong ceiling on the n + N true labels, from the two strong factorisations.
        var ceilingCoefficients = Lift(
            LeastSquaresQR.SolveStacked(
                strongLabelled,
                strongLabelledReduced,
                strongUnlabelled,
                strongUnlabelledReduced.SubMatrix(0, StrongDimension, 2, 2)),
            _strongBasis,
            _strongCoordinates);

        return Assemble(teacherCoefficients, studentCoefficients, baselineCoefficients, ceilingCoefficients);
    }

    /// <summary>
    /// The four decompositions from lifted coefficients [signal, noise] (R×2 each), with the student's variance
    /// split: inherited ‖P_S e_w‖² and discrepancy ‖β_noise − P_S e_w‖² (e_w the teacher's noise column).
    /// </summary>
    internal FourModelRisks Assemble(
        Matrix<double> teacher, Matrix<double> student, Matrix<double> baseline, Matrix<double> ceiling)
    {
        var teacherNoise = teacher.Column(1);
        var inheritedPart = _strongCoordinates is null
            ? _strongBasis * _strongBasis.TransposeThisAndMultiply(teacherNoise)
            : Vector<double>.Build.Dense(RelevantRank, i => 0.0);
        if (_strongCoordinates is not null)
        {
            foreach (var i in _strongCoordinates)
            {
                inheritedPart[i] = teacherNoise[i];
            }
        }

        double inherited = 0, discrepancy = 0;
        for (var i = 0; i < RelevantRank; i++)
        {
            inherited += inheritedPart[i] * inheritedPart[i];
            var rest = student[i, 1] - inheritedPart[i];
            discrepancy += rest * rest;
        }

        return new FourModelRisks(Decompose(teacher), Decompose(student), Decompose(baseline), Decompose(ceiling))
        {
            InheritedVariance = inherited,
            DiscrepancyVariance = discrepancy,
        };
    }

    /// <summary>
    /// One trial drawn from the stream of (<paramref name="seed"/>, <paramref name="trial"/>). With
    /// <see cref="TrialSampling.DesignMatrices"/> it is <see cref="Fit"/> of <see cref="DrawSample(long, int, int, int)"/>; with
    /// <see cref="TrialSampling.SufficientStatistics"/> it draws only the sufficient statistics (same law, cost
    /// independent of n and N).
    /// </summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="trial">The trial index, ≥ 0.</param>
    /// <param name="labelledCount">n ≥ max(d_w, d_s); n ≥ R for the Wishart sampling.</param>
    /// <param name="unlabelledCount">N ≥ d_s; N ≥ R for the Wishart sampling.</param>
    /// <param name="sampling">How the trial's randomness is drawn.</param>
    /// <returns>The per-trial excess risks with their bias/variance split, PGR and OPR.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count, the trial index or the sampling is out of range.</exception>
    public FourModelRisks RunTrial(
        long seed, int trial, int labelledCount, int unlabelledCount, TrialSampling sampling = TrialSampling.DesignMatrices)
    {
        Guard.NonNegative(trial);
        RunTrialValidation(labelledCount, unlabelledCount, sampling);
        var stream = sampling == TrialSampling.DesignMatrices ? RandomStreams.TrialData : RandomStreams.SufficientStatistics;
        return RunTrial(new RandomStream(seed, trial, stream), labelledCount, unlabelledCount, sampling);
    }

    /// <summary>
    /// One trial drawn from <paramref name="random"/> (for example a sweep job's stream): the four fits with
    /// their bias/variance split. Bit-reproducible for a given stream state.
    /// </summary>
    /// <param name="random">The trial's random stream.</param>
    /// <param name="labelledCount">n ≥ max(d_w, d_s); n ≥ R for the sufficient-statistics sampling.</param>
    /// <param name="unlabelledCount">N ≥ d_s; N ≥ R for the sufficient-statistics sampling.</param>
    /// <param name="sampling">How the trial's randomness is drawn.</param>
    /// <returns>The per-trial excess risks with their bias/variance split, PGR and OPR.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count or the sampling is out of range.</exception>
    public FourModelRisks RunTrial(
        Random random, int labelledCount, int unlabelledCount, TrialSampling sampling = TrialSampling.DesignMatrices)
    {
        Guard.NotNull(random);
        RunTrialValidation(labelledCount, unlabelledCount, sampling);
        return sampling == TrialSampling.DesignMatrices
            ? Fit(DrawSample(random, labelledCount, unlabelledCount))
            : WishartTrial.Run(this, random, labelledCount, unlabelledCount);
    }

    /// <summary>
    /// Trials <paramref name="firstTrial"/>, …, <paramref name="firstTrial"/> + <paramref name="trialCount"/> − 1,
    /// run in parallel; element t is bit-identical to <see cref="RunTrial(long, int, int, int, TrialSampling)"/>(seed, firstTrial + t, n, N, sampling).
    /// </summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="trialCount">The number of trials, ≥ 1.</param>
    /// <param name="labelledCount">n ≥ max(d_w, d_s).</param>
    /// <param name="unlabelledCount">N ≥ d_s.</param>
    /// <param name="firstTrial">The first trial index, ≥ 0.</param>
    /// <param name="sampling">How each trial's randomness is drawn.</param>
    /// <returns>One result per trial, in trial order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count, the first trial or the sampling is out of range.</exception>
    public IReadOnlyList<FourModelRisks> RunTrials(
        long seed,
        int trialCount,
        int labelledCount,
        int unlabelledCount,
        int firstTrial = 0,
        TrialSampling sampling = TrialSampling.DesignMatrices)
    {
        Guard.Positive(trialCount);
        Guard.InRange(firstTrial, 0, int.MaxValue - trialCount);
        // Validate once on the calling thread, so bad input fails with one clear exception.
        RunTrialValidation(labelledCount, unlabelledCount, sampling);
        var results = new FourModelRisks[trialCount];
        // As in Sweep.Run: parallel trials keep every core busy, so the native BLAS runs one thread per call.
        using var blasThreads = LinearAlgebra.SingleThreadedBlasScope.Open();
        Parallel.For(0, trialCount, t => results[t] = RunTrial(seed, firstTrial + t, labelledCount, unlabelledCount, sampling));
        return results;
    }

    /// <summary>Throws if (n, N, sampling) is not a valid trial of this model.</summary>
    internal void ValidateTrial(int labelledCount, int unlabelledCount, TrialSampling sampling) =>
        RunTrialValidation(labelledCount, unlabelledCount, sampling);

    private void RunTrialValidation(int labelledCount, int unlabelledCount, TrialSampling sampling)
    {
        ValidateCounts(labelledCount, unlabelledCount);
        if (sampling == TrialSampling.SufficientStatistics)
        {
            Guard.AtLeast(labelledCount, RelevantRank, "n >= R for a nonsingular Wishart draw");
            Guard.AtLeast(unlabelledCount, RelevantRank, "N >= R for a nonsingular Wishart draw");
        }
        else if (sampling != TrialSampling.DesignMatrices)
        {
            throw new ArgumentOutOfRangeException(
                nameof(sampling), sampling, $"sampling = {sampling} is out of range; valid values: {string.Join(", ", Enum.GetNames<TrialSampling>())}.");
        }
    }

    /// <summary>
    /// The leading coordinate counts (L_n, L_N) the sufficient-statistics trial must draw: every coordinate the
    /// n-sample fits read (S ∪ W) lies in [0, L_n) and every coordinate the N-sample fits read (S) in [0, L_N).
    /// R for general bases.
    /// </summary>
    internal (int Labelled, int Unlabelled) LeadingCoordinates =>
        _strongCoordinates is null || _weakCoordinates is null
            ? (RelevantRank, RelevantRank)
            : (Math.Max(_strongCoordinates.Max(), _weakCoordinates.Max()) + 1, _strongCoordinates.Max() + 1);

    /// <summary>c without a copy, for the closed-form trial.</summary>
    internal Vector<double> GroundTruthView => _groundTruth;

    /// <summary>U_wᵀ M U_w.</summary>
    internal Matrix<double> CompressWeak(Matrix<double> symmetric) => Compress(symmetric, _weakBasis, _weakCoordinates);

    /// <summary>U_sᵀ M U_s.</summary>
    internal Matrix<double> CompressStrong(Matrix<double> symmetric) => Compress(symmetric, _strongBasis, _strongCoordinates);

    /// <summary>U_wᵀ M.</summary>
    internal Matrix<double> ProjectWeak(Matrix<double> columns) => Project(columns, _weakBasis, _weakCoordinates);

    /// <summary>U_sᵀ M.</summary>
    internal Matrix<double> ProjectStrong(Matrix<double> columns) => Project(columns, _strongBasis, _strongCoordinates);

    /// <summary>U_w b, in R coordinates.</summary>
    internal Matrix<double> LiftWeak(Matrix<double> coefficients) => Lift(coefficients, _weakBasis, _weakCoordinates);

    /// <summary>U_s b, in R coordinates.</summary>
    internal Matrix<double> LiftStrong(Matrix<double> coefficients) => Lift(coefficients, _strongBasis, _strongCoordinates);

    private static Matrix<double> Compress(Matrix<double> symmetric, Matrix<double> basis, int[]? coordinates)
    {
        if (coordinates is null)
        {
            return basis.TransposeThisAndMultiply(symmetric * basis);
        }

        var k = coordinates.Length;
        var result = Matrix<double>.Build.Dense(k, k);
        for (var j = 0; j < k; j++)
        {
            for (var i = 0; i < k; i++)
            {
                result[i, j] = symmetric[coordinates[i], coordinates[j]];
            }
        }

        return result;
    }

    private static Matrix<double> Project(Matrix<double> columns, Matrix<double> basis, int[]? coordinates)
    {
        if (coordinates is null)
        {
            return basis.TransposeThisAndMultiply(columns);
        }

        var result = Matrix<double>.Build.Dense(coordinates.Length, columns.ColumnCount);
        for (var j = 0; j < columns.ColumnCount; j++)
        {
            for (var i = 0; i < coordinates.Length; i++)
            {
                result[i, j] = columns[coordinates[i], j];
            }
        }

        return result;
    }

    private void ValidateCounts(int labelledCount, int unlabelledCount)
    {
        var needed = Math.Max(WeakDimension, StrongDimension);
        Guard.AtLeast(labelledCount, needed, "n >= max(d_w, d_s) so the teacher and the strong baseline are determined", nameof(labelledCount));
        Guard.AtLeast(unlabelledCount, StrongDimension, "N >= d_s so the W2S student is determined");
        var largest = Array.MaxLength / RelevantRank;
        Guard.InRange(labelledCount, needed, largest, "n·R must fit in one array", nameof(labelledCount));
        Guard.InRange(unlabelledCount, StrongDimension, largest, "N·R must fit in one array", nameof(unlabelledCount));
    }

    internal RiskDecomposition Decompose(Matrix<double> coefficients)
    {
        double risk = 0, bias = 0, variance = 0, cross = 0;
        for (var i = 0; i < RelevantRank; i++)
        {
            var signalError = coefficients[i, 0] - _groundTruth[i];
            var noise = coefficients[i, 1];
            var error = signalError + noise;
            risk += error * error;
            bias += signalError * signalError;
            variance += noise * noise;
            cross += signalError * noise;
        }

        return new RiskDecomposition(risk, bias, variance, 2 * cross);
    }

    private static Matrix<double> Features(Matrix<double> inputs, Matrix<double> basis, int[]? coordinates)
    {
        if (coordinates is null)
        {
            return inputs * basis;
        }

        var rows = inputs.RowCount;
        var source = inputs.AsColumnMajorArray() ?? inputs.ToColumnMajorArray();
        var target = new double[rows * coordinates.Length];
        for (var j = 0; j < coordinates.Length; j++)
        {
            Array.Copy(source, (long)coordinates[j] * rows, target, (long)j * rows, rows);
        }

        return Matrix<double>.Build.Dense(rows, coordinates.Length, target);
    }

    private Matrix<double> Lift(Matrix<double> coefficients, Matrix<double> basis, int[]? coordinates)
    {
        if (coordinates is null)
        {
            return basis * coefficients;
        }

        var lifted = Matrix<double>.Build.Dense(RelevantRank, coefficients.ColumnCount);
        for (var j = 0; j < coordinates.Length; j++)
        {
            for (var col = 0; col < coefficients.ColumnCount; col++)
            {
                lifted[coordinates[j], col] = coefficients[j, col];
            }
        }

        return lifted;
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
