using WeakToStrong.Randomness;

namespace WeakToStrong.Sweeps;

/// <summary>
/// One job of a sweep: a grid point, a trial seed, and the job's own random stream
/// <c>new RandomStream(seed, grid index)</c>, so its draws do not depend on which thread runs it or when.
/// </summary>
public sealed class SweepJob
{
    internal SweepJob(GridPoint point, int trial, long seed, CancellationToken cancellationToken)
    {
        Point = point;
        Trial = trial;
        Seed = seed;
        Random = new RandomStream(seed, point.Index);
        CancellationToken = cancellationToken;
    }

    /// <summary>The grid point.</summary>
    public GridPoint Point { get; }

    /// <summary>The trial's index (0-based position in the sweep's seeds).</summary>
    public int Trial { get; }

    /// <summary>The trial's seed: one of the seeds passed to the sweep, or the seed derived from the experiment seed and the trial index.</summary>
    public long Seed { get; }

    /// <summary>The job's random stream, (seed, grid index, stream 0).</summary>
    public RandomStream Random { get; }

    /// <summary>The sweep's cancellation token, for long measurements that want to check it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The value of a numeric parameter (shorthand for <c>Point[name]</c>).</summary>
    /// <param name="name">A numeric parameter's name.</param>
    public double this[string name] => Point[name];

    /// <summary>The value of an integer parameter.</summary>
    /// <param name="name">An integer parameter's name.</param>
    /// <returns>The value.</returns>
    public int Integer(string name) => Point.Integer(name);

    /// <summary>The value of a text parameter.</summary>
    /// <param name="name">A text parameter's name.</param>
    /// <returns>The label.</returns>
    public string Text(string name) => Point.Text(name);

    /// <summary>The value of a typed integer parameter (shorthand for <c>Point[parameter]</c>).</summary>
    /// <param name="parameter">A parameter of the sweep's grid.</param>
    public int this[GridParameter<int> parameter] => Point[parameter];

    /// <summary>The value of a typed real parameter.</summary>
    /// <param name="parameter">A parameter of the sweep's grid.</param>
    public double this[GridParameter<double> parameter] => Point[parameter];

    /// <summary>The value of a typed text parameter.</summary>
    /// <param name="parameter">A parameter of the sweep's grid.</param>
    public string this[GridParameter<string> parameter] => Point[parameter];

    /// <summary>An independent sub-stream (seed, grid index, <paramref name="stream"/>), e.g. one per data set a job draws.</summary>
    /// <param name="stream">The sub-stream id (0 is <see cref="Random"/>'s own stream, restarted).</param>
    /// <returns>A new stream.</returns>
    public RandomStream Substream(long stream) => new(Seed, Point.Index, stream);
}
