using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WeakToStrong.Bregman;
using WeakToStrong.IntrinsicDimension;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;
using WeakToStrong.Sweeps;
using static WeakToStrong.Benchmarks.TimingSummary;

namespace WeakToStrong.Benchmarks;

/// <summary>
/// <c>side-by-side --experiments rf,id,cls</c>: each paper notebook's paper-scale experiment timed in this library and
/// in its numpy reference script (<c>numpy/rf_sweep.py</c>, <c>numpy/id_sweep.py</c>, <c>numpy/cls_sweep.py</c>), one
/// after the other in one run,
/// with the ratio of times and a check that both compute the same quantities (the random streams differ, so the check
/// compares seed-averaged quantities, and for the random-feature sweep one run on the same weights, deterministically).
/// Protocol: a small untimed C# run first (JIT); the C# time is the whole sweep (sampling included); the numpy time
/// is the script's own perf_counter around its whole sweep (interpreter start and imports excluded).
/// </summary>
public static class PaperScaleSideBySide
{
    /// <summary>The experiments known to <see cref="Run"/>.</summary>
    public static readonly string[] Experiments = ["rf", "id", "cls"];

    private static readonly int[] TeacherWidths = [16, 32, 64, 128, 256, 512, 1024, 2048];

    /// <summary>Runs the named experiments and prints a Markdown table and the agreement checks.</summary>
    /// <param name="experiments">Names from <see cref="Experiments"/>.</param>
    /// <param name="python">The interpreter with numpy.</param>
    /// <param name="repeats">Timed runs per side, alternating C# and numpy.</param>
    /// <param name="workers">The sweeps' worker count (null: <see cref="Sweep"/>'s default, one per core); 1 compares
    /// per core with the serial numpy scripts.</param>
    /// <returns>0, or 2 when a reference run fails.</returns>
    public static int Run(IReadOnlyList<string> experiments, string python, int repeats, int? workers = null)
    {
        var options = new SweepOptions { MaxDegreeOfParallelism = workers };
        var directory = Path.Combine(AppContext.BaseDirectory, "numpy");
        Console.WriteLine("## Paper-scale experiments");
        Console.WriteLine();
        Console.WriteLine($"- load average at start (1, 5, 15 min): {LoadAverage()}; cores: {Environment.ProcessorCount}; {LinearAlgebraBackend.Describe()}");
        Console.WriteLine($"- protocol: one untimed small C# run (JIT), then {repeats} timed run(s) per side alternating WeakToStrong and numpy; seconds, median (min); sweep workers: {(workers is { } w ? w.ToString(CultureInfo.InvariantCulture) : "one per core")} (the numpy scripts are serial apart from BLAS)");
        Console.WriteLine();
        Console.WriteLine("| experiment | WeakToStrong, s | numpy, s | ratio of medians | ratio of minima | no slower than numpy |");
        Console.WriteLine("|---|---:|---:|---:|---:|:-:|");
        var checks = new List<string>();
        foreach (var name in experiments)
        {
            var rows = name switch
            {
                "rf" => RandomFeatureSweep(directory, python, repeats, options, checks),
                "id" => IntrinsicDimensionSweep(directory, python, repeats, options, checks),
                "cls" => ClassificationSweep(directory, python, repeats, options, checks),
                _ => throw new ArgumentException($"--experiments expects {string.Join(", ", Experiments)}; got '{name}'"),
            };
            foreach (var row in rows)
            {
                Console.WriteLine(row);
            }
        }

        Console.WriteLine();
        Console.WriteLine("Agreement checks:");
        Console.WriteLine();
        foreach (var check in checks)
        {
            Console.WriteLine($"- {check}");
        }

        Console.WriteLine($"- load average at end (1, 5, 15 min): {LoadAverage()}");
        return 0;
    }

    private static List<string> RandomFeatureSweep(string directory, string python, int repeats, SweepOptions options, List<string> checks)
    {
        const long seed = 20250101;
        TeacherWidthSweep.Relu([10], [16, 64], 1, seed, 200); // JIT
        SweepResult? result = null;
        JsonElement reference = default;
        var (ours, theirs) = Alternate(repeats,
            () => result = TeacherWidthSweep.Relu([10], TeacherWidths, 5, seed, 4000, options: options),
            () => Seconds(reference = RunScript(python, Path.Combine(directory, "rf_sweep.py"), [])));
        var teacher = result!.SummaryValues("TeacherLoss_mean");
        var student = result.SummaryValues("StudentLoss_mean");
        var numpyTeacher = Doubles(reference, "teacher_loss_mean");
        var numpyStudent = Doubles(reference, "student_loss_mean");
        var lines = TeacherWidths.Select((m, i) => string.Create(CultureInfo.InvariantCulture,
            $"M_TE = {m}: L_TE {teacher[i]:G4} vs {numpyTeacher[i]:G4}, L_ST* {student[i]:G4} vs {numpyStudent[i]:G4}"));
        checks.Add("rf, seed means over 5 teachers per width (different random streams, so they agree to the seed-to-seed spread, not to rounding), WeakToStrong vs numpy: " + string.Join("; ", lines));

        // Deterministic check: one teacher's weights (M_TE = 256) through both implementations.
        var weights = ReluTeacher.SampleWeights(10, 256, new RandomStream(seed, 0, 99));
        var run = new ReluTeacher(weights).InfiniteWidthStudent().OracleStop(1e-2, 1e4, 4000);
        var file = Path.Combine(Path.GetTempPath(), $"rf-weights-{Environment.ProcessId}.csv");
        File.WriteAllLines(file, Enumerable.Range(0, weights.RowCount).Select(i =>
            string.Join(",", weights.Row(i).Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
        var check = RunScript(python, Path.Combine(directory, "rf_sweep.py"), ["--weights", file, "--widths", "16", "--trials", "1"]);
        File.Delete(file);
        checks.Add(string.Create(CultureInfo.InvariantCulture,
            $"rf, same weights (M_TE = 256, d = 10): L_TE {run.TeacherLoss:R} vs {check.GetProperty("check_teacher_loss").GetDouble():R}; L_ST* {run.StudentLoss:R} vs {check.GetProperty("check_student_loss").GetDouble():R}"));
        return [Row("rf: ReLU teacher-width sweep, d = 10, M_TE 16…2048, 5 seeds, 4000-point grid (notebook 01)", ours, theirs)];
    }

    private static List<string> IntrinsicDimensionSweep(string directory, string python, int repeats, SweepOptions options, List<string> checks)
    {
        const long seed = 20250202;
        var nGrid = Spacing.LinearIntegers(400, 4000, 20);
        var configuration = new SyntheticConfiguration(weakOffset: 90);
        var grid = ParameterGrid.Create().Vary(FourModelSweep.Labelled, nGrid).Vary(FourModelSweep.Unlabelled, 4000);
        FourModelSweep.Run(configuration, ParameterGrid.Create().Vary(FourModelSweep.Labelled, 400).Vary(FourModelSweep.Unlabelled, 400), 2, seed, TrialSampling.DesignMatrices); // JIT
        var args = new[] { "--n-grid", string.Join(",", nGrid) };
        var rows = new List<string>();
        JsonElement reference = default;
        foreach (var sampling in new[] { TrialSampling.SufficientStatistics, TrialSampling.DesignMatrices })
        {
            SweepResult? result = null;
            var (ours, theirs) = Alternate(repeats,
                () => result = FourModelSweep.Run(configuration, grid, 40, seed, sampling, options),
                () => Seconds(reference = RunScript(python, Path.Combine(directory, "id_sweep.py"), args)));
            var label = sampling == TrialSampling.SufficientStatistics ? "sufficient statistics ZᵀZ, Zᵀε (notebook default)" : "design matrices + QR (as numpy)";
            rows.Add(Row($"id: four OLS fits, sweep over n = 400…4000 (20 points), N = 4000, overlap 10, 40 trials (notebook 02), C# {label}", ours, theirs));
            var parts = new List<string>();
            foreach (var metric in new[] { "Weak", "WeakToStrong", "StrongBaseline", "StrongCeiling" })
            {
                var mean = result!.SummaryValues(metric + "_mean");
                var se = result.SummaryValues(metric + "_se");
                var numpy = Doubles(reference, metric + "_mean");
                var worst = Enumerable.Range(0, mean.Length).Max(i => Math.Abs(mean[i] - numpy[i]) / (Math.Sqrt(2) * se[i]));
                parts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{metric} at n = 400: {mean[0]:G4} vs {numpy[0]:G4}, at n = 4000: {mean[^1]:G4} vs {numpy[^1]:G4}, largest |difference| over the 20 points {worst:F1} standard errors of the difference"));
            }

            checks.Add($"id ({label}), trial means of the excess risks (different random streams), WeakToStrong vs numpy: " + string.Join("; ", parts));
        }

        return rows;
    }

    private static List<string> ClassificationSweep(string directory, string python, int repeats, SweepOptions options, List<string> checks)
    {
        // Notebook 03, scale = "paper": the NoisyTeacherClassification grid (4 losses × 4 shrink settings × 5 seeds).
        const int seed = 20250303;
        var shrinkSettings = new (double Rate, double Alpha)[] { (0.0, 1.0), (0.5, 0.3), (0.5, 0.1), (0.9, 0.1) };
        string[] lossNames = ["CE", "RCE", "CACE", "SL"];
        var classification = new NoisyTeacherClassification(20, directionNoise: 0.5, logitScale: 2, logitNoise: 1.5);
        var grid = ParameterGrid.Create().Vary("loss", lossNames).Vary("shrink", Enumerable.Range(0, shrinkSettings.Length).ToArray());
        SweepResult RunSweep(int seeds, AdamSettings adam, int train, int test) => Sweep.Run(grid, Enumerable.Range(seed, seeds), job =>
        {
            var (rate, alpha) = shrinkSettings[job.Integer("shrink")];
            return classification.Run(job.Seed, StudentLoss.ByName(job.Text("loss")), new TeacherLabelShrinkage(rate, alpha), adam, train, test);
        }, options);
        RunSweep(1, new AdamSettings(Steps: 50), 200, 200); // JIT
        SweepResult? result = null;
        JsonElement reference = default;
        var (ours, theirs) = Alternate(repeats,
            () => result = RunSweep(5, new AdamSettings(LearningRate: 0.05, Steps: 3000), 2000, 20000),
            () => Seconds(reference = RunScript(python, Path.Combine(directory, "cls_sweep.py"), [])));
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"noisy teacher accuracy {result!.TrialValues("TeacherAccuracy").Average():F4} vs {reference.GetProperty("teacher_accuracy").GetDouble():F4}, posterior-mean teacher 1 − ∠/π {result.TrialValues("PosteriorMeanTeacherAccuracy").Average():F4} vs {reference.GetProperty("posterior_mean_accuracy").GetDouble():F4} (the students track it)"),
        };
        foreach (var name in lossNames)
        {
            var rows = result.Where("loss", name);
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name} student accuracy {rows.TrialValues("StudentAccuracy").Average():F4} vs {reference.GetProperty("student_accuracy").GetProperty(name).GetDouble():F4}, entropy {rows.TrialValues("StudentEntropy").Average():F3} vs {reference.GetProperty("student_entropy").GetProperty(name).GetDouble():F3} nats"));
        }

        checks.Add("cls, means over 5 seeds × 4 shrink settings (different random streams, so they agree to the seed-to-seed spread), WeakToStrong vs numpy: " + string.Join("; ", parts));

        // Deterministic check of the training loop: one C# training set (N = 2000, no shrinkage) trained with CE by both.
        var teacher = classification.DrawTeacher(new RandomStream(seed, 0, 0));
        var sample = teacher.Sample(2000, new RandomStream(seed, 0, 1));
        var fit = LogisticStudentTraining.Train(sample.Inputs, sample.TeacherProbabilities, StudentLoss.ForwardCrossEntropy, new AdamSettings(LearningRate: 0.05, Steps: 3000));
        var file = Path.Combine(Path.GetTempPath(), $"cls-data-{Environment.ProcessId}.csv");
        File.WriteAllLines(file, Enumerable.Range(0, sample.Inputs.RowCount).Select(i =>
            string.Join(",", sample.Inputs.Row(i).Select(v => v.ToString("R", CultureInfo.InvariantCulture)).Append(sample.TeacherProbabilities[i].ToString("R", CultureInfo.InvariantCulture)))));
        var check = RunScript(python, Path.Combine(directory, "cls_sweep.py"), ["--data", file, "--seeds", "1", "--train", "10", "--test", "10", "--steps", "3000"]);
        File.Delete(file);
        var numpyParameters = check.GetProperty("check_parameters").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var ourParameters = fit.Student.Weights.Append(fit.Student.Bias).ToArray();
        var largest = ourParameters.Zip(numpyParameters, (a, b) => Math.Abs(a - b)).Max();
        checks.Add(string.Create(CultureInfo.InvariantCulture,
            $"cls, same training set (N = 2000, CE, 3000 Adam steps): largest |parameter difference| {largest:E1} (largest |parameter| {ourParameters.Max(Math.Abs):G3}); bias {fit.Student.Bias:R} vs {numpyParameters[^1]:R}"));
        return [Row("cls: noisy-teacher logistic students, 4 losses × 4 shrink settings × 5 seeds, N = 2000, 3000 full-batch Adam steps, 20 000 test points (notebook 03)", ours, theirs)];
    }

    private static (double[] Ours, double[] Theirs) Alternate(int repeats, Action ours, Func<double> theirs)
    {
        var a = new double[repeats];
        var b = new double[repeats];
        for (var r = 0; r < repeats; r++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            ours();
            a[r] = watch.Elapsed.TotalSeconds;
            b[r] = theirs();
        }

        return (a, b);
    }

    private static JsonElement RunScript(string python, string script, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {python} {script}");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python} {script} exited with code {process.ExitCode}; run it by hand to see its error");
        }

        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static double Seconds(JsonElement root) => root.GetProperty("seconds").GetDouble();

    private static double[] Doubles(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static string Row(string name, double[] ours, double[] theirs)
    {
        var ratio = Median(ours) / Median(theirs);
        var ratioOfMinima = ours.Min() / theirs.Min();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Format(ours)} | {Format(theirs)} | {ratio:F2} | {ratioOfMinima:F2} | {(ratio <= 1.0 ? "yes" : "no")} |");
    }
}
