using System.Collections.Concurrent;
using Microsoft.Data.Analysis;
using WeakToStrong.Sweeps;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// Monte Carlo sweeps of the synthetic regression of Dong et al. 2025, arXiv:2502.05075
/// (<see cref="SyntheticConfiguration"/>; the paper's excess-risk and PGR/OPR experiments) on the core's
/// <see cref="Sweep"/> runner: every (grid point, trial) job runs the four fits (weak teacher, W2S student, strong
/// baseline, strong ceiling) on its own random stream, so the tables are identical for
/// any number of threads. The grid must vary <see cref="Labelled"/> ("n") and <see cref="Unlabelled"/> ("N") and may
/// vary <see cref="Overlap"/> ("overlap", d_{s∧w}, realised as doff = d_s − d_{s∧w}) and <see cref="Noise"/>
/// ("noise", σ²); absent parameters take the base configuration's values. Per-trial PGR and OPR are computed in each
/// job and then averaged, as the paper does: the summary's <c>PerformanceGapRecovered_mean</c> is the mean of
/// per-trial ratios and <c>_std</c> the spread across trials (the paper's error bars).
/// </summary>
public static partial class FourModelSweep
{
    /// <summary>The grid parameter n (labelled samples, integer; column "n").</summary>
    public static readonly GridParameter<int> Labelled = GridParameter.Integer("n");

    /// <summary>The grid parameter N (pseudo-labelled samples, integer; column "N").</summary>
    public static readonly GridParameter<int> Unlabelled = GridParameter.Integer("N");

    /// <summary>The grid parameter d_{s∧w} (integer, 0 ≤ d_{s∧w} ≤ min(d_s, d_w), with doff = d_s − d_{s∧w} ≤ R − d_w; column "overlap").</summary>
    public static readonly GridParameter<int> Overlap = GridParameter.Integer("overlap");

    /// <summary>The grid parameter σ² (real, ≥ 0; column "noise").</summary>
    public static readonly GridParameter<double> Noise = GridParameter.Real("noise");

    /// <summary>
    /// Runs the sweep: <paramref name="trials"/> trials per grid point, job (g, t) drawing from the core's stream of
    /// (trial seed t, grid point g).
    /// </summary>
    /// <param name="configuration">The base configuration (dimensions, spectrum, ground-truth seed, default doff and σ²).</param>
    /// <param name="grid">A grid varying "n" and "N" (integers) and optionally "overlap" (integer) and "noise" (real).</param>
    /// <param name="trials">Trials per grid point, ≥ 1 (≥ 2 for standard deviations).</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="sampling">
    /// <see cref="TrialSampling.DesignMatrices"/> (the default everywhere in the library: draws the n × D and N × D
    /// design matrices, valid for every n and N) or <see cref="TrialSampling.SufficientStatistics"/> (the same joint law
    /// of the four fits, at a cost independent of n and N; needs n, N ≥ R; what the notebook uses at paper scale).
    /// </param>
    /// <param name="options">Parallelism, progress and cancellation.</param>
    /// <returns>
    /// The core's tidy tables: <c>Trials</c> (one row per job) and <c>Summary</c> (mean, std, s.e. per grid point) of
    /// the metrics of <see cref="FourModelTrial"/>.
    /// </returns>
    /// <exception cref="ArgumentException">The grid lacks "n" or "N", or a parameter has the wrong kind.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A grid value, the trial count or the sampling is out of range.</exception>
    public static SweepResult<FourModelTrial> Run(
        SyntheticConfiguration configuration,
        ParameterGrid grid,
        int trials,
        long seed,
        TrialSampling sampling = TrialSampling.DesignMatrices,
        SweepOptions? options = null) => RunSweep(configuration, grid, trials, seed, sampling, options, FourModelTrial.From);

    private static SweepResult<TResult> RunSweep<TResult>(
        SyntheticConfiguration configuration,
        ParameterGrid grid,
        int trials,
        long seed,
        TrialSampling sampling,
        SweepOptions? options,
        Func<FourModelRisks, TResult> record)
    {
        Guard.NotNull(configuration);
        Guard.NotNull(grid);
        Guard.Positive(trials);
        var models = new ConcurrentDictionary<(int Offset, double Noise), GaussianFeatureModel>();
        // Validate every grid point on the calling thread, so bad input fails with one clear exception.
        foreach (var point in grid)
        {
            var model = ModelAt(configuration, point, models);
            var (labelled, unlabelled) = Counts(point);
            model.ValidateTrial(labelled, unlabelled, sampling);
        }

        return Sweep.Run(grid, trials, seed, job =>
        {
            var (labelled, unlabelled) = Counts(job.Point);
            var risks = ModelAt(configuration, job.Point, models).RunTrial(job.Random, labelled, unlabelled, sampling);
            return record(risks);
        }, options);
    }

    /// <summary>
    /// Runs the sweep at several noise levels with common random numbers: each job draws and fits one trial at σ₀² = 1
    /// and rescales it to every σ² in <paramref name="noiseLevels"/>. Every fit is linear in the labels and the label
    /// noise is drawn standard and multiplied by σ, so the coefficients at σ are β_signal + (σ/σ₀)·β_noise exactly; the
    /// risks are ER(σ²) = Bias + r·Variance + √r·Cross with r = σ²/σ₀² (and the variance split scales by r). This is
    /// the same trial as one run at σ² directly (same draws, equal up to rounding), at the cost of one fit for all
    /// levels. The tables are tidy: a "noise" column follows the grid's parameters.
    /// </summary>
    /// <param name="configuration">The base configuration (its σ² is ignored).</param>
    /// <param name="grid">A grid varying "n" and "N" and optionally "overlap"; it must not vary "noise".</param>
    /// <param name="noiseLevels">The σ² values, at least one, each finite and ≥ 0, distinct.</param>
    /// <param name="trials">Trials per grid point, ≥ 1.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="sampling">How each trial's randomness is drawn (see <see cref="Run(SyntheticConfiguration, ParameterGrid, int, long, TrialSampling, SweepOptions?)"/>).</param>
    /// <param name="options">Parallelism, progress and cancellation.</param>
    /// <returns>Trials (parameters, noise, trial, seed, metrics) and Summary (parameters, noise, count, m_mean, m_std, m_se).</returns>
    /// <exception cref="ArgumentException">The grid varies "noise" or lacks "n"/"N"; noise levels repeat.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static SweepResult<FourModelTrial> RunAtNoiseLevels(
        SyntheticConfiguration configuration,
        ParameterGrid grid,
        IReadOnlyList<double> noiseLevels,
        int trials,
        long seed,
        TrialSampling sampling = TrialSampling.DesignMatrices,
        SweepOptions? options = null)
    {
        Guard.NotNull(configuration);
        Guard.NotNull(grid);
        Guard.NotNull(noiseLevels);
        Guard.AtLeast(noiseLevels.Count, 1, "at least one noise level", nameof(noiseLevels));
        foreach (var level in noiseLevels)
        {
            Guard.NonNegative(level, nameof(noiseLevels));
        }

        if (noiseLevels.Distinct().Count() != noiseLevels.Count)
        {
            throw new ArgumentException($"noiseLevels = [{string.Join(", ", noiseLevels)}] repeats a value; expected distinct σ² values.", nameof(noiseLevels));
        }

        if (grid.Names.Contains(Noise.Name))
        {
            throw new ArgumentException($"grid varies \"{Noise.Name}\"; pass the noise levels as noiseLevels instead.", nameof(grid));
        }

        var unit = ConfigurationAt(configuration, grid[0]);
        var baseConfiguration = new SyntheticConfiguration(
            unit.WeakOffset, 1.0, unit.AmbientDimension, unit.RelevantRank, unit.StrongDimension, unit.WeakDimension, unit.SpectrumExponent, unit.GroundTruthSeed, unit.TargetScale);
        var levels = noiseLevels.ToArray();
        var raw = RunSweep(baseConfiguration, grid, trials, seed, sampling, options, Decomposition);

        // Unpivot: one row per (job, noise level), metrics recomputed from the decomposition at σ₀² = 1.
        var parameters = grid.Names;
        var jobs = (int)raw.Trials.Rows.Count;
        var metricNames = typeof(FourModelTrial).GetProperties().Select(p => p.Name).ToArray();
        var rows = new List<(int Job, int Level, FourModelTrial Metrics)>();
        for (var job = 0; job < jobs; job++)
        {
            double Get(string column) => Convert.ToDouble(raw.Trials.Columns[column][job], System.Globalization.CultureInfo.InvariantCulture);
            RiskDecomposition Part(string model) => new(Get(model + "_risk"), Get(model + "_bias"), Get(model + "_variance"), Get(model + "_cross"));
            var unitRisks = new FourModelRisks(Part("Weak"), Part("WeakToStrong"), Part("StrongBaseline"), Part("StrongCeiling"))
            {
                InheritedVariance = Get("InheritedVariance"),
                DiscrepancyVariance = Get("DiscrepancyVariance"),
            };
            for (var k = 0; k < levels.Length; k++)
            {
                rows.Add((job, k, FourModelTrial.From(Rescale(unitRisks, levels[k]))));
            }
        }

        // Order rows by (grid point, noise level, trial) so that each summary group is contiguous.
        var ordered = rows.OrderBy(r => r.Job / trials).ThenBy(r => r.Level).ThenBy(r => r.Job % trials).ToArray();
        var trialColumns = new List<DataFrameColumn>();
        foreach (var name in parameters)
        {
            trialColumns.Add(Pick(raw.Trials.Columns[name], ordered.Select(r => r.Job).ToArray()));
        }

        trialColumns.Add(new DoubleDataFrameColumn(Noise.Name, ordered.Select(r => levels[r.Level])));
        trialColumns.Add(Pick(raw.Trials.Columns["trial"], ordered.Select(r => r.Job).ToArray()));
        trialColumns.Add(Pick(raw.Trials.Columns["seed"], ordered.Select(r => r.Job).ToArray()));
        var values = metricNames.Select(m => ordered.Select(r => (double)typeof(FourModelTrial).GetProperty(m)!.GetValue(r.Metrics)!).ToArray()).ToArray();
        for (var m = 0; m < metricNames.Length; m++)
        {
            trialColumns.Add(new DoubleDataFrameColumn(metricNames[m], values[m]));
        }

        var groups = ordered.Length / trials;
        var firstOfGroup = Enumerable.Range(0, groups).Select(g => ordered[g * trials].Job).ToArray();
        var summaryColumns = new List<DataFrameColumn>();
        foreach (var name in parameters)
        {
            summaryColumns.Add(Pick(raw.Trials.Columns[name], firstOfGroup));
        }

        summaryColumns.Add(new DoubleDataFrameColumn(Noise.Name, Enumerable.Range(0, groups).Select(g => levels[ordered[g * trials].Level])));
        summaryColumns.Add(new Int32DataFrameColumn("count", Enumerable.Repeat(trials, groups)));
        for (var m = 0; m < metricNames.Length; m++)
        {
            var metric = values[m];
            var sample = Enumerable.Range(0, groups).Select(g => metric.Skip(g * trials).Take(trials).ToArray()).ToArray();
            summaryColumns.Add(new DoubleDataFrameColumn(metricNames[m] + "_mean", sample.Select(Statistics.Descriptive.Mean)));
            summaryColumns.Add(new DoubleDataFrameColumn(metricNames[m] + "_std", sample.Select(v => v.Length >= 2 ? Statistics.Descriptive.SampleStandardDeviation(v) : (double?)null)));
            summaryColumns.Add(new DoubleDataFrameColumn(metricNames[m] + "_se", sample.Select(v => v.Length >= 2 ? Statistics.Descriptive.StandardError(v) : (double?)null)));
        }

        return new SweepResult<FourModelTrial>(
            new DataFrame(trialColumns), new DataFrame(summaryColumns), [.. parameters, Noise.Name], metricNames, raw.Elapsed, ordered.Select(r => r.Metrics).ToArray(), trials);
    }

    /// <summary>The risks at σ² from a trial fitted at σ₀² = 1: ER = Bias + r·Variance + √r·Cross with r = σ².</summary>
    private static FourModelRisks Rescale(FourModelRisks unit, double noiseVariance)
    {
        var r = noiseVariance;
        var root = Math.Sqrt(r);
        RiskDecomposition Scale(RiskDecomposition d) =>
            new(d.Bias + (r * d.Variance) + (root * d.Cross), d.Bias, r * d.Variance, root * d.Cross);
        return new FourModelRisks(Scale(unit.Weak), Scale(unit.WeakToStrong), Scale(unit.StrongBaseline), Scale(unit.StrongCeiling))
        {
            InheritedVariance = r * unit.InheritedVariance,
            DiscrepancyVariance = r * unit.DiscrepancyVariance,
        };
    }

    private static DataFrameColumn Pick(DataFrameColumn column, int[] rows)
    {
        return column.Clone(new Int32DataFrameColumn("rows", rows));
    }

    /// <summary>
    /// The configuration at a grid point: the base configuration with doff = d_s − overlap when the grid varies
    /// "overlap" and σ² = noise when it varies "noise".
    /// </summary>
    /// <param name="configuration">The base configuration.</param>
    /// <param name="point">A grid point.</param>
    /// <returns>The configuration (validated).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The overlap or noise is out of range.</exception>
    public static SyntheticConfiguration ConfigurationAt(SyntheticConfiguration configuration, GridPoint point)
    {
        Guard.NotNull(configuration);
        Guard.NotNull(point);
        var offset = configuration.WeakOffset;
        if (point.Names.Contains(Overlap.Name))
        {
            var overlap = point[Overlap];
            var most = Math.Min(configuration.StrongDimension, configuration.WeakDimension);
            Guard.InRange(overlap, Math.Max(0, configuration.StrongDimension - (configuration.RelevantRank - configuration.WeakDimension)), most, "doff = d_s − d_{s∧w} must lie in [0, R − d_w]", Overlap.Name);
            offset = configuration.StrongDimension - overlap;
        }

        var noise = point.Names.Contains(Noise.Name) ? point[Noise] : configuration.NoiseVariance;
        return new SyntheticConfiguration(
            offset,
            noise,
            configuration.AmbientDimension,
            configuration.RelevantRank,
            configuration.StrongDimension,
            configuration.WeakDimension,
            configuration.SpectrumExponent,
            configuration.GroundTruthSeed,
            configuration.TargetScale);
    }

    private static IReadOnlyDictionary<string, double> Decomposition(FourModelRisks risks)
    {
        var metrics = new Dictionary<string, double>
        {
            ["InheritedVariance"] = risks.InheritedVariance,
            ["DiscrepancyVariance"] = risks.DiscrepancyVariance,
        };
        foreach (var (name, part) in new[] { ("Weak", risks.Weak), ("WeakToStrong", risks.WeakToStrong), ("StrongBaseline", risks.StrongBaseline), ("StrongCeiling", risks.StrongCeiling) })
        {
            metrics[name + "_risk"] = part.ExcessRisk;
            metrics[name + "_bias"] = part.Bias;
            metrics[name + "_variance"] = part.Variance;
            metrics[name + "_cross"] = part.Cross;
        }

        return metrics;
    }

    private static GaussianFeatureModel ModelAt(
        SyntheticConfiguration configuration, GridPoint point, ConcurrentDictionary<(int, double), GaussianFeatureModel> models)
    {
        var at = ConfigurationAt(configuration, point);
        return models.GetOrAdd((at.WeakOffset, at.NoiseVariance), _ => at.CreateModel());
    }

    private static (int Labelled, int Unlabelled) Counts(GridPoint point)
    {
        if (!point.Names.Contains(Labelled.Name) || !point.Names.Contains(Unlabelled.Name))
        {
            throw new ArgumentException(
                $"grid varies [{string.Join(", ", point.Names)}]; expected it to vary \"{Labelled}\" (labelled samples) and \"{Unlabelled}\" (pseudo-labelled samples).",
                "grid");
        }

        return (point[Labelled], point[Unlabelled]);
    }
}
