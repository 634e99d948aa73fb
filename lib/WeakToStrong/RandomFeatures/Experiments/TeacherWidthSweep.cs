using WeakToStrong.Statistics;
using WeakToStrong.Sweeps;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The teacher-width sweeps behind Fig. 2(a) (min_t L_ST/L_TE against M_TE) and Fig. 2(b) (L_ST* against L_TE, log–log,
/// with its fitted slope) of Medvedev et al. 2025 (arXiv:2503.02877), and the same slope for the paper's linear
/// random-feature case, over teacher widths × seeds, run by the core's
/// <see cref="Sweep.Run{TResult}(ParameterGrid, int, long, Func{SweepJob, TResult}, SweepOptions?)"/> (parallel,
/// deterministic: job (grid point g, trial t) draws its teacher from its own <see cref="Randomness.RandomStream"/>). Every
/// run is a fresh population-trained teacher and its infinite-width student with oracle early stopping; the tables carry
/// the columns of <see cref="WeakToStrongRun"/> (Trials: one row per run; Summary: mean, s.d. and s.e. per grid point).
/// The grids suggested in the parameter docs are this library's choice, not values taken from the paper.
/// </summary>
public static class TeacherWidthSweep
{
    /// <summary>The grid parameter d of <see cref="Relu"/> (input dimension; column "d").</summary>
    public static readonly GridParameter<int> Dimension = GridParameter.Integer("d");

    /// <summary>The grid parameter M_TE of both sweeps (teacher width; column "M_TE").</summary>
    public static readonly GridParameter<int> TeacherWidth = GridParameter.Integer("M_TE");

    /// <summary>The grid parameter α of <see cref="LinearFeatures"/> (spectrum exponent; column "alpha").</summary>
    public static readonly GridParameter<double> Exponent = GridParameter.Real("alpha");

    /// <summary>
    /// ReLU random features on S^(d−1) with the linear target f* = √d·x_1 and M_ST = ∞ (the ReLU case of
    /// arXiv:2503.02877, set on the sphere as in <see cref="ReluTeacher"/>). Grid columns
    /// "d" and "M_TE".
    /// </summary>
    /// <param name="dimensions">Input dimensions d ≥ 2 (e.g. 10, plus 3, 5 and 20 for the slope fits).</param>
    /// <param name="teacherWidths">M_TE ≥ 1 (e.g. the powers of two 16 … 2048).</param>
    /// <param name="trials">Seeds per width, ≥ 1 (e.g. 5).</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="gridPoints">Oracle-stopping grid size, ≥ 3 (default 4000 log-spaced points).</param>
    /// <param name="minScaledTime">Smallest t·λ_1 searched, &gt; 0 (default 1e-2).</param>
    /// <param name="maxScaledTime">Largest t·λ_1 searched (default 1e4).</param>
    /// <param name="options">Parallelism and progress; null for the defaults.</param>
    public static SweepResult<WeakToStrongRun> Relu(
        IReadOnlyList<int> dimensions,
        IReadOnlyList<int> teacherWidths,
        int trials,
        long seed,
        int gridPoints = 4000,
        double minScaledTime = 1e-2,
        double maxScaledTime = 1e4,
        SweepOptions? options = null)
    {
        Guard.MinimumCount(dimensions, 1, "at least one input dimension");
        Guard.MinimumCount(teacherWidths, 1, "at least one teacher width");
        foreach (var d in dimensions)
        {
            Guard.AtLeast(d, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(dimensions));
        }

        foreach (var m in teacherWidths)
        {
            Guard.AtLeast(m, 1, "a teacher width M_TE", nameof(teacherWidths));
        }

        var grid = ParameterGrid.Create().Vary(Dimension, dimensions).Vary(TeacherWidth, teacherWidths);
        return Run(grid, trials, seed, job => ReluTeacher.Sample(job[Dimension], job[TeacherWidth], job.Random).InfiniteWidthStudent(), gridPoints, minScaledTime, maxScaledTime, options);
    }

    /// <summary>
    /// The linear random-feature model with anisotropic Gaussian input, λ_k = k^(−α), k = 1…D, target e_1 and M_ST = ∞
    /// (the linear random-feature case of arXiv:2503.02877, as in <see cref="LinearFeatureTeacher"/>). Grid columns
    /// "alpha" and "M_TE".
    /// </summary>
    /// <param name="inputDimension">D ≥ 2 (e.g. 2000).</param>
    /// <param name="exponents">α &gt; 0 (e.g. 1.1, 1.5, 2).</param>
    /// <param name="teacherWidths">1 ≤ M_TE &lt; D (e.g. the powers of two 4 … 512).</param>
    /// <param name="trials">Seeds per point, ≥ 1 (e.g. 3).</param>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="gridPoints">Oracle-stopping grid size, ≥ 3.</param>
    /// <param name="minScaledTime">Smallest t·λ_1 searched, &gt; 0.</param>
    /// <param name="maxScaledTime">Largest t·λ_1 searched.</param>
    /// <param name="options">Parallelism and progress; null for the defaults.</param>
    public static SweepResult<WeakToStrongRun> LinearFeatures(
        int inputDimension,
        IReadOnlyList<double> exponents,
        IReadOnlyList<int> teacherWidths,
        int trials,
        long seed,
        int gridPoints = 4000,
        double minScaledTime = 1e-2,
        double maxScaledTime = 1e4,
        SweepOptions? options = null)
    {
        Guard.AtLeast(inputDimension, 2, "the input dimension D");
        Guard.MinimumCount(exponents, 1, "at least one power-law exponent");
        Guard.AllPositive(exponents);
        Guard.MinimumCount(teacherWidths, 1, "at least one teacher width");
        foreach (var m in teacherWidths)
        {
            Guard.InRange(m, 1, inputDimension - 1, nameof(teacherWidths));
        }

        var spectra = exponents.Distinct().ToDictionary(a => a, a => LinearFeatureTeacher.PowerLawSpectrum(inputDimension, a));
        var grid = ParameterGrid.Create().Vary(Exponent, exponents).Vary(TeacherWidth, teacherWidths);
        return Run(grid, trials, seed, job => LinearFeatureTeacher.Sample(spectra[job[Exponent]], job[TeacherWidth], job.Random).InfiniteWidthStudent(), gridPoints, minScaledTime, maxScaledTime, options);
    }

    /// <summary>
    /// The same sweep for any teacher a reader builds: <paramref name="studentOf"/> makes the infinite-width student of
    /// one run's teacher (e.g. <c>new ReluTeacher(weights).InfiniteWidthStudent()</c> with given first-layer
    /// directions, or a teacher drawn from <c>job.Random</c>), and every run is oracle-stopped on the log grid of
    /// <paramref name="gridPoints"/> scaled times t·λ_ref in [<paramref name="minScaledTime"/>,
    /// <paramref name="maxScaledTime"/>] (<see cref="InfiniteWidthStudent.OracleStop"/>). <see cref="Relu"/> and
    /// <see cref="LinearFeatures"/> are this sweep with sampled teachers.
    /// </summary>
    /// <param name="grid">Any grid (its parameters reach <paramref name="studentOf"/> through the job).</param>
    /// <param name="trials">Runs per grid point, ≥ 1.</param>
    /// <param name="seed">The sweep seed (job t's stream is derived from it).</param>
    /// <param name="studentOf">The infinite-width student of the job's teacher.</param>
    /// <param name="gridPoints">Points of the oracle-stopping grid, ≥ 3.</param>
    /// <param name="minScaledTime">Smallest scaled time, &gt; 0.</param>
    /// <param name="maxScaledTime">Largest scaled time, &gt; <paramref name="minScaledTime"/>.</param>
    /// <param name="options">Parallelism, progress and cancellation.</param>
    /// <returns>One <see cref="WeakToStrongRun"/> per job.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count or time is out of range.</exception>
    public static SweepResult<WeakToStrongRun> Run(
        ParameterGrid grid,
        int trials,
        long seed,
        Func<SweepJob, InfiniteWidthStudent> studentOf,
        int gridPoints = 4000,
        double minScaledTime = 1e-2,
        double maxScaledTime = 1e4,
        SweepOptions? options = null)
    {
        Guard.NotNull(grid);
        Guard.NotNull(studentOf);
        Guard.AtLeast(trials, 1, "at least one run per grid point");
        InfiniteWidthStudent.ValidateScaledRange(minScaledTime, maxScaledTime);
        Guard.AtLeast(gridPoints, 3, "the number of grid points of the search");
        return Sweep.Run(grid, trials, seed, job => WeakToStrongRun.From(studentOf(job).OracleStop(minScaledTime, maxScaledTime, gridPoints)), options);
    }

    /// <summary>
    /// The OLS slope of ln L_ST* on ln L_TE over the runs (rows of <see cref="SweepResult.Trials"/>) with
    /// L_TE &lt; <paramref name="maxTeacherLoss"/> (default 0.05, the small-L_TE regime), by the core
    /// <see cref="LogLogFit"/>, with its
    /// classical standard error. Over a finite range this slope equals 2 + the slope of ln(L_ST*/L_TE²) on ln L_TE.
    /// </summary>
    /// <param name="result">A sweep from <see cref="Relu"/> or <see cref="LinearFeatures"/> (filter it first with
    /// <see cref="SweepResult{TResult}.Where(GridParameter{int}, int)"/> for one d, or the real overload for one α).</param>
    /// <param name="maxTeacherLoss">Only runs with L_TE below this enter the fit, &gt; 0 (default 0.05).</param>
    public static LogLogFit Slope(SweepResult<WeakToStrongRun> result, double maxTeacherLoss = 0.05) =>
        TrySlope(result, maxTeacherLoss) ?? throw new ArgumentOutOfRangeException(nameof(maxTeacherLoss), maxTeacherLoss,
            $"{nameof(maxTeacherLoss)} = {Guard.Show(maxTeacherLoss)} leaves {CountBelow(result, maxTeacherLoss)} runs with L_TE below it; a slope with a standard error needs at least 3 (use wider teachers or a larger cut).");

    /// <summary>
    /// The slope of <see cref="Slope"/>, or null when fewer than 3 runs have L_TE &lt; <paramref name="maxTeacherLoss"/>
    /// (too few for a slope with a standard error), so that a notebook can report "no fit" instead of failing.
    /// </summary>
    /// <param name="result">A sweep from <see cref="Relu"/> or <see cref="LinearFeatures"/>.</param>
    /// <param name="maxTeacherLoss">Only runs with L_TE below this enter the fit, &gt; 0 (default 0.05).</param>
    public static LogLogFit? TrySlope(SweepResult<WeakToStrongRun> result, double maxTeacherLoss = 0.05)
    {
        Guard.NotNull(result);
        Guard.Positive(maxTeacherLoss);
        var teacher = result.TrialValues(r => r.TeacherLoss);
        var student = result.TrialValues(r => r.StudentLoss);
        var keep = Enumerable.Range(0, teacher.Length).Where(i => teacher[i] < maxTeacherLoss).ToArray();
        return keep.Length < 3 ? null : LogLogFit.Fit(keep.Select(i => teacher[i]).ToArray(), keep.Select(i => student[i]).ToArray());
    }

    private static int CountBelow(SweepResult<WeakToStrongRun> result, double maxTeacherLoss) =>
        result.TrialValues(r => r.TeacherLoss).Count(v => v < maxTeacherLoss);
}
