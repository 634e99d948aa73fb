using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.LinearAlgebra;
using WeakToStrong.Randomness;
using static WeakToStrong.Benchmarks.TimingSummary;

namespace WeakToStrong.Benchmarks;

/// <summary>
/// <c>side-by-side</c>: the same kernels timed in this library and in the numpy reference scripts
/// (<c>numpy/kernels.py</c>, run with Debian's python3-numpy), interleaved kernel by kernel in one run so that both
/// see the same machine load, with the ratio of median times. Protocol on both sides: inputs built untimed, one
/// untimed warm-up call, then <c>--repeats</c> timed calls. Kernels: the n×n matrix product and the n×n symmetric
/// eigendecomposition (the library's <see cref="SymmetricEigendecomposition"/>, i.e. dsyevd plus its O(n²)
/// symmetrisation and descending sort; numpy's <c>eigh</c>).
/// </summary>
public static class SideBySide
{
    private const string Usage = """
        usage: side-by-side [--sizes 1000,2000] [--large] [--kernels matmul,eigh] [--repeats 3] [--managed] [--managed-max-size 2000] [--python /usr/bin/python3] [--experiments rf,id,cls] [--sweep-workers 1]
          --sizes             matrix orders (default 1000,2000)
          --kernels           matmul, eigh (SymmetricEigendecomposition.Of), evd (MathNet's bare Evd(Symmetricity.Symmetric), against numpy's eigh)
          --large             also n = 4000 (several minutes with --managed)
          --repeats           timed calls per kernel and size (default 3), after one warm-up call
          --managed           also time MathNet's managed provider (sizes up to --managed-max-size; one timed call, no warm-up at full size)
          --python            the interpreter with numpy (default /usr/bin/python3)
          --experiments       paper-scale experiments after the kernels: rf (notebook 01's teacher-width sweep), id (notebook 02's Monte Carlo over n),
                              cls (notebook 03's synthetic classification sweep) against numpy/rf_sweep.py, id_sweep.py, cls_sweep.py; --kernels none skips the kernels
          --sweep-workers     the experiments' sweep workers (default: one per core; 1 compares per core with the serial numpy scripts)
        """;

    /// <summary>Runs the comparison and prints a Markdown table.</summary>
    /// <param name="args">The options after <c>side-by-side</c>.</param>
    /// <returns>The process exit code: 0, or 2 on bad options or a failed reference run.</returns>
    public static int Run(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var script = Path.Combine(AppContext.BaseDirectory, "numpy", "kernels.py");
        LinearAlgebraBackend.Select(Environment.GetEnvironmentVariable(LinearAlgebraBackend.EnvironmentVariable));
        var library = LinearAlgebraBackend.Describe();
        Console.WriteLine($"# Side by side: WeakToStrong vs numpy");
        Console.WriteLine();
        Console.WriteLine($"- WeakToStrong linear algebra: {library}");
        Console.WriteLine($"- cores: {Environment.ProcessorCount}; OPENBLAS_NUM_THREADS={Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") ?? "(unset)"}; {RuntimeDescription()}");
        Console.WriteLine($"- load average at start (1, 5, 15 min): {LoadAverage()}");
        Console.WriteLine($"- protocol: per kernel and size, one untimed warm-up on each side, then {options.Repeats} timed calls alternating WeakToStrong and numpy (a persistent numpy/kernels.py --serve process); ratios are WeakToStrong / numpy (the minimum is the less load-sensitive estimate)");
        if (!LinearAlgebraBackend.IsNative)
        {
            Console.WriteLine("- warning: the native provider is not in use, so the WeakToStrong column is MathNet's managed provider");
        }

        if (options.Kernels.Length == 0)
        {
            Console.WriteLine();
            return PaperScaleSideBySide.Run(options.Experiments, options.Python, options.Repeats, options.SweepWorkers);
        }

        Console.WriteLine();
        var header = "| kernel | n | WeakToStrong median (min), s | numpy median (min), s | ratio of medians | ratio of minima | medians within 1.25× |";
        Console.WriteLine(options.Managed ? header + " managed, s | managed / numpy |" : header);
        Console.WriteLine(options.Managed ? "|---|---:|---:|---:|---:|---:|:-:|---:|---:|" : "|---|---:|---:|---:|---:|---:|:-:|");
        using var reference = NumpyServer.Start(options.Python, script);
        foreach (var n in options.Sizes)
        {
            foreach (var kernel in options.Kernels)
            {
                // Alternate call by call (after one untimed warm-up on each side) so both see the same load drift.
                var run = Prepare(kernel, n);
                run();
                var ours = new double[options.Repeats];
                var theirs = new double[options.Repeats];
                for (var r = 0; r < options.Repeats; r++)
                {
                    ours[r] = TimeOnce(run);
                    theirs[r] = reference.Time(kernel == "evd" ? "eigh" : kernel, n);
                }

                var ratio = Median(ours) / Median(theirs);
                var ratioOfMinima = ours.Min() / theirs.Min();
                var line = $"| {kernel} | {n} | {Format(ours)} | {Format(theirs)} | {ratio.ToString("F2", CultureInfo.InvariantCulture)} | {ratioOfMinima.ToString("F2", CultureInfo.InvariantCulture)} | {(ratio <= 1.25 ? "yes" : "no")} |";
                if (options.Managed)
                {
                    if (n <= options.ManagedMaxSize)
                    {
                        var previous = LinearAlgebraBackend.IsNative;
                        LinearAlgebraBackend.UseManaged();
                        Prepare(kernel, Math.Min(n, 64))(); // JIT only
                        var managed = new[] { TimeOnce(Prepare(kernel, n)) };
                        if (previous)
                        {
                            LinearAlgebraBackend.UseNative();
                        }

                        line += $" {Format(managed)} | {(Median(managed) / Median(theirs)).ToString("F1", CultureInfo.InvariantCulture)} |";
                    }
                    else
                    {
                        line += " – | – |";
                    }
                }

                Console.WriteLine(line);
            }
        }

        var numpyDescription = reference.Description;
        Console.WriteLine();
        Console.WriteLine($"- numpy: {numpyDescription}");
        Console.WriteLine($"- load average at end (1, 5, 15 min): {LoadAverage()}");
        if (options.Experiments.Length > 0)
        {
            Console.WriteLine();
            return PaperScaleSideBySide.Run(options.Experiments, options.Python, options.Repeats, options.SweepWorkers);
        }

        return 0;
    }

    private static Func<object> Prepare(string kernel, int n)
    {
        var rng = new RandomStream(20260101);
        var a = rng.NextGaussianMatrix(n, n);
        if (kernel == "matmul")
        {
            var b = rng.NextGaussianMatrix(n, n);
            return () => a * b;
        }

        var symmetric = (a + a.Transpose()) * 0.5;
        return kernel == "eigh"
            ? () => SymmetricEigendecomposition.Of(symmetric)
            : () => symmetric.Evd(Symmetricity.Symmetric);
    }

    private static double TimeOnce(Func<object> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        GC.KeepAlive(run());
        return watch.Elapsed.TotalSeconds;
    }

    private static string RuntimeDescription() =>
        $".NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

    private sealed record Options(int[] Sizes, string[] Kernels, int Repeats, bool Managed, int ManagedMaxSize, string Python, string[] Experiments, int? SweepWorkers)
    {
        public static Options Parse(string[] args)
        {
            var sizes = new List<int> { 1000, 2000 };
            string[] kernels = ["matmul", "eigh"];
            var repeats = 3;
            var managed = false;
            var managedMax = 2000;
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            var large = false;
            string[] experiments = [];
            int? sweepWorkers = null;
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--sizes":
                        sizes = Value().Split(',').Select(s => PositiveInteger("--sizes", s)).ToList();
                        break;
                    case "--kernels":
                        var kernelList = Value();
                        kernels = kernelList == "none" ? [] : kernelList.Split(',');
                        if (kernels.FirstOrDefault(k => k is not ("matmul" or "eigh" or "evd")) is { } unknown)
                        {
                            throw new ArgumentException($"--kernels expects matmul, eigh or evd; got '{unknown}'");
                        }

                        break;
                    case "--large":
                        large = true;
                        break;
                    case "--repeats":
                        repeats = PositiveInteger("--repeats", Value());
                        break;
                    case "--managed":
                        managed = true;
                        break;
                    case "--managed-max-size":
                        managedMax = PositiveInteger("--managed-max-size", Value());
                        break;
                    case "--python":
                        python = Value();
                        break;
                    case "--sweep-workers":
                        sweepWorkers = PositiveInteger("--sweep-workers", Value());
                        break;
                    case "--experiments":
                        experiments = Value().Split(',');
                        if (experiments.FirstOrDefault(e => !PaperScaleSideBySide.Experiments.Contains(e)) is { } unknownExperiment)
                        {
                            throw new ArgumentException($"--experiments expects {string.Join(", ", PaperScaleSideBySide.Experiments)}; got '{unknownExperiment}'");
                        }

                        break;
                    default:
                        throw new ArgumentException($"unknown option {args[i]}");
                }
            }

            if (large && !sizes.Contains(4000))
            {
                sizes.Add(4000);
            }

            return new Options([.. sizes], kernels, repeats, managed, managedMax, python, experiments, sweepWorkers);
        }

        private static int PositiveInteger(string option, string text) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"{option} expects positive integers; got '{text}'");
    }
}
