using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <content>Drawing, fitting and validating one four-model trial.</content>
public sealed partial class GaussianFeatureModel
{
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
}
