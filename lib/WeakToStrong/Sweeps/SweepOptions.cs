namespace WeakToStrong.Sweeps;

/// <summary>How a sweep runs. None of these options changes its results.</summary>
public sealed record SweepOptions
{
    /// <summary>Maximum worker threads (≥ 1); null means <see cref="Environment.ProcessorCount"/>.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Receives progress after each job (from worker threads); null for none. See <see cref="ConsoleProgressBar"/> and <see cref="TextProgress"/>.</summary>
    public IProgress<SweepProgress>? Progress { get; init; }

    /// <summary>Cancels the sweep: no new job starts and <see cref="OperationCanceledException"/> is thrown.</summary>
    public CancellationToken CancellationToken { get; init; }
}
