using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Analysis;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Statistics;
using WeakToStrong.Validation;

namespace WeakToStrong.Sweeps;

/// <summary>
/// Runs a measurement over every (grid point, trial) pair, in parallel over cores, and returns tidy tables.
/// Each job gets its own random stream <c>new RandomStream(trial seed, grid index)</c>, and results are stored by job
/// index, so the output is identical for any number of worker threads and any scheduling (bit for bit, provided
/// the measurement uses only its job's streams).
/// <code>
/// var grid = ParameterGrid.Create().Vary("n", 100, 200, 400);
/// var result = Sweep.Run(grid, seeds: Enumerable.Range(0, 20), job =&gt;
/// {
///     var x = job.Random.NextGaussianMatrix(job.Integer("n"), 10);
///     return new { Risk = …, Norm = … };          // each public numeric property becomes a metric column
/// }, new SweepOptions { Progress = new ConsoleProgressBar() });
/// result.Summary                                    // n, count, Risk_mean, Risk_std, Risk_se, Norm_mean, …
/// result.Mean(r =&gt; r.Risk)                        // the Risk_mean column, read through the result type
/// </code>
/// </summary>
public static class Sweep
{
    /// <summary>
    /// Runs <paramref name="measure"/> for every grid point and each of <paramref name="trials"/> trials of the
    /// experiment seeded by <paramref name="seed"/>: trial t uses the seed SeedMixer.DeriveSeed(seed, t), so two
    /// experiment seeds give unrelated trials and a notebook needs only its <c>seed</c> and <c>trials</c> parameters.
    /// See <see cref="Run{TResult}(ParameterGrid, IEnumerable{int}, Func{SweepJob, TResult}, SweepOptions?)"/> for the
    /// result types a measurement may return.
    /// </summary>
    /// <typeparam name="TResult">The measurement's result type.</typeparam>
    /// <param name="grid">The parameter grid (at least one point).</param>
    /// <param name="trials">Trials per grid point, ≥ 1.</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="measure">The measurement of one job; it must use only the job's random streams.</param>
    /// <param name="options">Parallelism, progress and cancellation; null for defaults.</param>
    /// <returns>The trials and summary tables, and the results themselves for typed reads.</returns>
    public static SweepResult<TResult> Run<TResult>(ParameterGrid grid, int trials, long seed, Func<SweepJob, TResult> measure, SweepOptions? options = null)
    {
        Guard.Positive(trials);
        var seeds = Enumerable.Range(0, trials).Select(t => unchecked((long)SeedMixer.DeriveSeed(seed, t))).ToArray();
        return RunSeeds(grid, seeds, measure, options);
    }

    /// <summary>
    /// Runs <paramref name="measure"/> for every grid point and seed. The measurement returns either a
    /// <see cref="double"/> (one metric named "value"), an <see cref="IReadOnlyDictionary{TKey, TValue}"/> of
    /// string → double (the same keys for every job), or an object (record, anonymous type) whose public readable
    /// properties of type double, float, int or long are the metrics, in declaration order. Every metric value
    /// must be finite.
    /// </summary>
    /// <typeparam name="TResult">The measurement's result type.</typeparam>
    /// <param name="grid">The parameter grid (at least one point).</param>
    /// <param name="seeds">The trial seeds, at least one, no duplicates; e.g. <c>Enumerable.Range(0, 40)</c>.</param>
    /// <param name="measure">The measurement of one job; it must use only the job's random streams.</param>
    /// <param name="options">Parallelism, progress and cancellation; null for defaults.</param>
    /// <returns>The trials and summary tables, and the results themselves for typed reads.</returns>
    public static SweepResult<TResult> Run<TResult>(ParameterGrid grid, IEnumerable<int> seeds, Func<SweepJob, TResult> measure, SweepOptions? options = null)
    {
        Guard.NotNull(seeds);
        return RunSeeds(grid, seeds.Select(s => (long)s).ToArray(), measure, options);
    }

    private static SweepResult<TResult> RunSeeds<TResult>(ParameterGrid grid, long[] seedList, Func<SweepJob, TResult> measure, SweepOptions? options)
    {
        Guard.NotNull(grid);
        Guard.NotNull(measure);
        Guard.MinimumCount(seedList, 1, "a sweep needs at least one seed", "seeds");
        if (seedList.Distinct().Count() != seedList.Length)
        {
            throw new ArgumentException("seeds contains duplicates; expected distinct seeds (a repeated seed repeats the same random stream).", "seeds");
        }

        options ??= new SweepOptions();
        var threads = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        Guard.Positive(threads, "options.MaxDegreeOfParallelism");
        var extractor = new MetricExtractor();
        var points = grid.ToArray();
        var total = checked(points.Length * seedList.Length);
        var results = new double[total][];
        var outcomes = new TResult[total];
        var completed = 0;
        var clock = Stopwatch.StartNew();
        options.Progress?.Report(new SweepProgress(0, total, TimeSpan.Zero));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = options.CancellationToken };
        // Every sweep, serial or parallel, runs the native BLAS single-threaded: OpenBLAS's results depend in the last
        // bits on its own thread count, so fixing it is what keeps the tables identical for any number of workers.
        using var blasThreads = SingleThreadedBlasScope.Open();
        try
        {
            Parallel.For(0, total, parallel, job =>
            {
                options.CancellationToken.ThrowIfCancellationRequested();
                var point = points[job / seedList.Length];
                var trial = job % seedList.Length;
                var seed = seedList[trial];
                TResult outcome;
                try
                {
                    outcome = measure(new SweepJob(point, trial, seed, options.CancellationToken));
                }
                catch (OperationCanceledException)
                {
                    throw;
                }
                catch (Exception exception)
                {
                    throw new InvalidOperationException($"The measurement failed at grid point #{point.Index} ({point}) with seed {seed}: {exception.Message}", exception);
                }

                results[job] = extractor.Extract(outcome, point, seed);
                outcomes[job] = outcome;
                var done = Interlocked.Increment(ref completed);
                options.Progress?.Report(new SweepProgress(done, total, clock.Elapsed));
            });
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count >= 1)
        {
            ExceptionDispatchInfo.Capture(aggregate.InnerExceptions[0]).Throw();
            throw;
        }

        var names = extractor.Names;
        var trials = BuildTrials(grid, points, seedList, names, results);
        var summary = BuildSummary(grid, points, seedList.Length, names, results);
        return new SweepResult<TResult>(trials, summary, grid.Names, names, clock.Elapsed, outcomes, seedList.Length);
    }

    private static DataFrame BuildTrials(ParameterGrid grid, GridPoint[] points, long[] seeds, IReadOnlyList<string> metrics, double[][] results)
    {
        var rows = Enumerable.Range(0, results.Length).ToArray();
        var columns = ParameterColumns(grid, rows.Select(r => points[r / seeds.Length]).ToArray()).ToList();
        columns.Add(new Int32DataFrameColumn("trial", rows.Select(r => r % seeds.Length)));
        columns.Add(new Int64DataFrameColumn("seed", rows.Select(r => seeds[r % seeds.Length])));
        for (var m = 0; m < metrics.Count; m++)
        {
            var metric = m;
            columns.Add(new DoubleDataFrameColumn(metrics[m], rows.Select(r => results[r][metric])));
        }

        return new DataFrame(columns);
    }

    private static DataFrame BuildSummary(ParameterGrid grid, GridPoint[] points, int seedCount, IReadOnlyList<string> metrics, double[][] results)
    {
        var columns = ParameterColumns(grid, points).ToList();
        columns.Add(new Int32DataFrameColumn("count", points.Select(_ => seedCount)));
        for (var m = 0; m < metrics.Count; m++)
        {
            var means = new double[points.Length];
            var deviations = new double?[points.Length];
            var errors = new double?[points.Length];
            for (var g = 0; g < points.Length; g++)
            {
                var sample = Enumerable.Range(0, seedCount).Select(s => results[(g * seedCount) + s][m]).ToArray();
                means[g] = Descriptive.Mean(sample);
                if (seedCount >= 2)
                {
                    var sd = Descriptive.SampleStandardDeviation(sample);
                    deviations[g] = sd;
                    errors[g] = sd / Math.Sqrt(seedCount);
                }
            }

            columns.Add(new DoubleDataFrameColumn(metrics[m] + "_mean", means));
            columns.Add(new DoubleDataFrameColumn(metrics[m] + "_std", deviations));
            columns.Add(new DoubleDataFrameColumn(metrics[m] + "_se", errors));
        }

        return new DataFrame(columns);
    }

    private static IEnumerable<DataFrameColumn> ParameterColumns(ParameterGrid grid, GridPoint[] rows)
    {
        var names = grid.Names;
        var kinds = grid.Kinds;
        for (var p = 0; p < names.Count; p++)
        {
            var position = p;
            yield return kinds[p] switch
            {
                ParameterKind.Integer => new Int32DataFrameColumn(names[p], rows.Select(r => (int)r.RawValue(position))),
                ParameterKind.Real => new DoubleDataFrameColumn(names[p], rows.Select(r => (double)r.RawValue(position))),
                _ => new StringDataFrameColumn(names[p], rows.Select(r => (string)r.RawValue(position))),
            };
        }
    }

    /// <summary>
    /// Turns a measurement's result into metric values. The metric names are fixed by the runtime type of the
    /// results (property declaration order), or by the sorted keys of a dictionary result, so they do not depend
    /// on which job finishes first.
    /// </summary>
    private sealed class MetricExtractor
    {
        private readonly object _gate = new();
        private Type? _type;
        private string[]? _names;
        private PropertyInfo[]? _properties;

        public IReadOnlyList<string> Names => _names ?? [];

        public double[] Extract(object? result, GridPoint point, long seed)
        {
            if (result is null)
            {
                throw new InvalidOperationException($"The measurement returned null at grid point #{point.Index} ({point}) with seed {seed}; expected its metrics.");
            }

            lock (_gate)
            {
                if (_type is null)
                {
                    Initialise(result);
                }
            }

            double[] values;
            if (result is IReadOnlyDictionary<string, double> dictionary)
            {
                if (_properties is not null || dictionary.Count != _names!.Length || _names.Any(k => !dictionary.ContainsKey(k)))
                {
                    throw new InvalidOperationException(
                        $"The measurement returned metrics [{string.Join(", ", dictionary.Keys)}] at grid point #{point.Index} ({point}) with seed {seed}; expected the same metrics in every job: [{string.Join(", ", Names)}].");
                }

                values = _names.Select(k => dictionary[k]).ToArray();
            }
            else if (result is double number && _type == typeof(double))
            {
                values = [number];
            }
            else if (result.GetType() == _type && _properties is not null)
            {
                values = _properties.Select(p => Convert.ToDouble(p.GetValue(result), CultureInfo.InvariantCulture)).ToArray();
            }
            else
            {
                throw new InvalidOperationException(
                    $"The measurement returned a {result.GetType().Name} at grid point #{point.Index} ({point}) with seed {seed}; expected the same result type in every job ({_type!.Name}).");
            }

            for (var m = 0; m < values.Length; m++)
            {
                if (!double.IsFinite(values[m]))
                {
                    throw new InvalidOperationException(
                        $"The measurement returned {_names![m]} = {values[m].ToString(CultureInfo.InvariantCulture)} at grid point #{point.Index} ({point}) with seed {seed}; expected a finite value.");
                }
            }

            return values;
        }

        private void Initialise(object result)
        {
            var type = result.GetType();
            if (result is IReadOnlyDictionary<string, double> dictionary)
            {
                _names = dictionary.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
            }
            else if (type == typeof(double))
            {
                _names = ["value"];
            }
            else
            {
                var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && IsNumeric(p.PropertyType))
                    .OrderBy(p => p.MetadataToken)
                    .ToArray();
                if (properties.Length == 0)
                {
                    throw new ArgumentException(
                        $"The measurement's result type {type.Name} has no public numeric (double, float, int, long) properties; return a double, a dictionary of metrics, or a record/anonymous object with numeric properties.",
                        "measure");
                }

                _properties = properties;
                _names = properties.Select(p => p.Name).ToArray();
            }

            _type = type;
        }

        private static bool IsNumeric(Type type) =>
            type == typeof(double) || type == typeof(float) || type == typeof(int) || type == typeof(long);
    }
}
