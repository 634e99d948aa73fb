using BenchmarkDotNet.Running;
using WeakToStrong.Benchmarks;

// `side-by-side [options]`: this library against the numpy reference, one run, ratio per kernel (see SideBySide).
// Anything else goes to BenchmarkDotNet, e.g. `--filter '*SolverKernels*'`.
if (args.Length > 0 && args[0] == "side-by-side")
{
    return SideBySide.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(SolverKernels).Assembly).Run(args);
return 0;
