using MathNet.Numerics.LinearAlgebra;
using Microsoft.Data.Analysis;
using WeakToStrong.Metrics;
using WeakToStrong.Randomness;
using WeakToStrong.Sweeps;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The real-data weak-to-strong experiment of Dong et al. 2025, arXiv:2502.05075 (their UTKFace age regression with
/// linear probes on frozen pretrained features), run on two fixed feature maps of the same examples in place of the
/// pretrained networks: a fixed test split; intrinsic dimensions d_w, d_s of the two maps on the training
/// pool (99% of the trace of the uncentred second moment by default) and their function-space correlation dimension
/// d_{s∧w} (<see cref="CorrelationDimension.BetweenFunctionSpaces"/>); then per trial a random split of the pool into
/// n labelled and N unlabelled examples and the four ridgeless least-squares fits (weak teacher, W2S student, strong
/// baseline, strong ceiling) on each model's principal
/// features (its intrinsic subspace), as the paper's fine-tuning in a low-dimensional space. Optional Gaussian noise of
/// standard deviation ς is added to the training labels (the paper's label-noise variant), never to the test targets.
/// </summary>
public sealed class FeatureMapExperiment
{
    private readonly Matrix<double> _weakPool;
    private readonly Matrix<double> _strongPool;
    private readonly Matrix<double> _targetPool;
    private readonly Matrix<double> _weakTest;
    private readonly Matrix<double> _strongTest;
    private readonly Matrix<double> _targetTest;

    /// <summary>Splits the data, estimates the dimensions and prepares the principal features.</summary>
    /// <param name="strongFeatures">The strong map's features, m×p_s (one row per example).</param>
    /// <param name="weakFeatures">The weak map's features of the same examples, m×p_w.</param>
    /// <param name="targets">The regression targets, m×K (for classification as regression, one-hot labels).</param>
    /// <param name="testCount">Examples held out for testing, in [1, m − 2].</param>
    /// <param name="traceShare">Trace share of the intrinsic dimensions, in (0, 1); 0.99 as in the paper.</param>
    /// <param name="labelNoise">ς ≥ 0, the standard deviation of Gaussian noise added to every training label.</param>
    /// <param name="splitSeed">Seed of the test split.</param>
    /// <exception cref="ArgumentException">Row counts differ or entries are not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count, share or noise level is out of range.</exception>
    public FeatureMapExperiment(
        Matrix<double> strongFeatures,
        Matrix<double> weakFeatures,
        Matrix<double> targets,
        int testCount,
        double traceShare = 0.99,
        double labelNoise = 0.0,
        long splitSeed = 42)
    {
        Guard.AllFinite(strongFeatures);
        Guard.AllFinite(weakFeatures);
        Guard.AllFinite(targets);
        var m = strongFeatures.RowCount;
        if (weakFeatures.RowCount != m || targets.RowCount != m)
        {
            throw new ArgumentException(
                $"strongFeatures, weakFeatures and targets have {m}, {weakFeatures.RowCount} and {targets.RowCount} rows; expected one row per example in each.",
                nameof(targets));
        }

        Guard.InRange(testCount, 1, m - 2, "at least one test example and two training examples", nameof(testCount));
        Guard.OpenUnitInterval(traceShare);
        Guard.NonNegative(labelNoise);
        LabelNoise = labelNoise;

        var order = Permutation(new RandomStream(splitSeed, 0, RandomStreams.Projection), m);
        var test = order.Take(testCount).ToArray();
        var pool = order.Skip(testCount).ToArray();
        Weak = IntrinsicSubspace.Of(Rows(weakFeatures, pool), traceShare);
        Strong = IntrinsicSubspace.Of(Rows(strongFeatures, pool), traceShare);
        Overlap = CorrelationDimension.BetweenFunctionSpaces(Rows(strongFeatures, pool), Rows(weakFeatures, pool), traceShare);
        // Whitened principal features F·V·Λ^{-1/2}: OLS is unchanged by rescaling columns, and the Gram matrices
        // become well conditioned.
        _weakPool = Whiten(Weak, Rows(weakFeatures, pool));
        _strongPool = Whiten(Strong, Rows(strongFeatures, pool));
        _targetPool = Rows(targets, pool);
        _weakTest = Whiten(Weak, Rows(weakFeatures, test));
        _strongTest = Whiten(Strong, Rows(strongFeatures, test));
        _targetTest = Rows(targets, test);
    }

    /// <summary>The weak map's intrinsic subspace on the training pool (d_w = <c>Weak.Dimension</c>).</summary>
    public IntrinsicSubspace Weak { get; }

    /// <summary>The strong map's intrinsic subspace on the training pool (d_s = <c>Strong.Dimension</c>).</summary>
    public IntrinsicSubspace Strong { get; }

    /// <summary>d_{s∧w} between the two intrinsic function subspaces on the training pool.</summary>
    public CorrelationDimension Overlap { get; }

    /// <summary>ς, the label-noise standard deviation added to training labels.</summary>
    public double LabelNoise { get; }

    /// <summary>The number of training examples n + N can use.</summary>
    public int PoolCount => _targetPool.RowCount;

    /// <summary>The number of test examples.</summary>
    public int TestCount => _targetTest.RowCount;

    /// <summary>
    /// The variance-dominated prediction (<see cref="VarianceDominatedScaling"/>) from the estimated dimensions (PGR ≈
    /// (d_w − d_{s∧w})(1 − d_s/N)/(d_w − d_s·n/(n+N)), OPR ≈ d_s/[d_{s∧w} + (d_w − d_{s∧w})d_s/N]).
    /// </summary>
    public VarianceDominatedScaling Prediction =>
        new(Strong.Dimension, Weak.Dimension, Math.Min(Overlap.Value, Math.Min(Strong.Dimension, Weak.Dimension)));

    /// <summary>
    /// One trial: a random split of the pool into n labelled and N unlabelled examples (disjoint), then the four fits
    /// and their test errors.
    /// </summary>
    /// <param name="random">The trial's random stream (split and label noise).</param>
    /// <param name="labelledCount">n ≥ max(d_w, d_s) + 1.</param>
    /// <param name="unlabelledCount">N ≥ d_s + 1, with n + N ≤ the pool size.</param>
    /// <returns>The four test errors, PGR and OPR.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public RealDataTrial RunTrial(Random random, int labelledCount, int unlabelledCount)
    {
        Guard.NotNull(random);
        ValidateCounts(labelledCount, unlabelledCount);
        var order = Permutation(random, PoolCount);
        var labelled = order.Take(labelledCount).ToArray();
        var unlabelled = order.Skip(labelledCount).Take(unlabelledCount).ToArray();
        var noisy = _targetPool.Clone();
        if (LabelNoise > 0)
        {
            noisy += random.NextGaussianMatrix(noisy.RowCount, noisy.ColumnCount, LabelNoise);
        }

        var weakLabelled = Rows(_weakPool, labelled);
        var strongLabelled = Rows(_strongPool, labelled);
        var strongUnlabelled = Rows(_strongPool, unlabelled);
        var labels = Rows(noisy, labelled);

        var teacher = Fit(weakLabelled, labels);
        var baseline = Fit(strongLabelled, labels);
        var student = Fit(strongUnlabelled, Rows(_weakPool, unlabelled) * teacher);
        var ceiling = Fit(strongLabelled.Stack(strongUnlabelled), labels.Stack(Rows(noisy, unlabelled)));

        var risks = new WeakToStrongRisks(
            Weak: TestError(_weakTest * teacher),
            WeakToStrong: TestError(_strongTest * student),
            StrongBaseline: TestError(_strongTest * baseline),
            StrongCeiling: TestError(_strongTest * ceiling));
        return new RealDataTrial(
            risks.Weak, risks.WeakToStrong, risks.StrongBaseline, risks.StrongCeiling, risks.PerformanceGapRecovered, risks.OutperformingRatio);
    }

    /// <summary>
    /// A sweep of <see cref="RunTrial"/> over a grid varying "n" and "N" on the core's runner (per-trial PGR/OPR
    /// averaged, as the paper does; identical tables for any thread count).
    /// </summary>
    /// <param name="grid">A grid varying the integers "n" and "N".</param>
    /// <param name="trials">Trials per point, ≥ 1.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="options">Parallelism, progress and cancellation.</param>
    /// <returns>Trials and Summary tables of <see cref="RealDataTrial"/>'s metrics.</returns>
    /// <exception cref="ArgumentException">The grid lacks "n" or "N".</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public SweepResult<RealDataTrial> Sweep(ParameterGrid grid, int trials, long seed, SweepOptions? options = null)
    {
        Guard.NotNull(grid);
        Guard.Positive(trials);
        foreach (var point in grid)
        {
            if (!point.Names.Contains(FourModelSweep.Labelled.Name) || !point.Names.Contains(FourModelSweep.Unlabelled.Name))
            {
                throw new ArgumentException($"grid varies [{string.Join(", ", point.Names)}]; expected it to vary \"n\" and \"N\".", nameof(grid));
            }

            ValidateCounts(point[FourModelSweep.Labelled], point[FourModelSweep.Unlabelled]);
        }

        return Sweeps.Sweep.Run(
            grid, trials, seed, job => RunTrial(job.Random, job[FourModelSweep.Labelled], job[FourModelSweep.Unlabelled]), options);
    }

    /// <summary>
    /// The dimensions as a one-row table: d_w, d_s, d_{s∧w}, d_{s∧w}/d_w and the captured trace shares.
    /// </summary>
    /// <returns>The table.</returns>
    public DataFrame DimensionTable() => new(
        new Int32DataFrameColumn("d_w", [Weak.Dimension]),
        new Int32DataFrameColumn("d_s", [Strong.Dimension]),
        new DoubleDataFrameColumn("d_s∧w", [Overlap.Value]),
        new DoubleDataFrameColumn("d_s∧w / d_w", [Overlap.Value / Weak.Dimension]),
        new DoubleDataFrameColumn("weak trace captured", [Weak.CapturedShare]),
        new DoubleDataFrameColumn("strong trace captured", [Strong.CapturedShare]));

    private void ValidateCounts(int labelledCount, int unlabelledCount)
    {
        Guard.InRange(labelledCount, Math.Max(Weak.Dimension, Strong.Dimension) + 1, PoolCount - Strong.Dimension - 1, "n > max(d_w, d_s) and N > d_s must fit in the pool", nameof(labelledCount));
        Guard.InRange(unlabelledCount, Strong.Dimension + 1, PoolCount - labelledCount, "N > d_s and n + N <= pool size", nameof(unlabelledCount));
    }

    private double TestError(Matrix<double> predictions)
    {
        var sum = 0.0;
        var difference = predictions - _targetTest;
        foreach (var value in difference.Enumerate())
        {
            sum += value * value;
        }

        return sum / _targetTest.RowCount;
    }

    /// <summary>
    /// Ordinary least squares with several outputs from the normal equations (Cholesky of XᵀX). The columns are
    /// whitened principal features (unit second moment on the pool), so XᵀX/m is close to the identity on any large
    /// subset and the normal equations lose no accuracy that matters here.
    /// </summary>
    private static Matrix<double> Fit(Matrix<double> design, Matrix<double> targets)
    {
        var gram = design.TransposeThisAndMultiply(design);
        gram = (gram + gram.Transpose()) * 0.5;
        return gram.Cholesky().Solve(design.TransposeThisAndMultiply(targets));
    }

    private static Matrix<double> Whiten(IntrinsicSubspace subspace, Matrix<double> features)
    {
        var projected = subspace.Project(features);
        for (var j = 0; j < subspace.Dimension; j++)
        {
            projected.SetColumn(j, projected.Column(j) / Math.Sqrt(subspace.Eigenvalues[j]));
        }

        return projected;
    }

    private static Matrix<double> Rows(Matrix<double> matrix, int[] rows)
    {
        var result = Matrix<double>.Build.Dense(rows.Length, matrix.ColumnCount);
        for (var i = 0; i < rows.Length; i++)
        {
            result.SetRow(i, matrix.Row(rows[i]));
        }

        return result;
    }

    /// <summary>A uniformly random permutation of 0 … m − 1 (Fisher–Yates).</summary>
    private static int[] Permutation(Random random, int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
