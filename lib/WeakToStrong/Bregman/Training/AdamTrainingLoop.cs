using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// The one training loop of the Bregman students (<see cref="LogisticStudentTraining"/>, <see cref="SoftmaxStudentTraining"/>):
/// full-batch Adam for <see cref="AdamSettings.Steps"/> steps from the given parameters, with a
/// <see cref="TrainingRecord"/> at step 0, every <c>recordEvery</c> steps and at the last step.
/// </summary>
internal static class AdamTrainingLoop
{
    /// <summary>
    /// Evaluates the objective at the current parameters: writes its full gradient into <c>gradient</c> and returns the
    /// step's record when <c>record</c> is true (null otherwise).
    /// </summary>
    internal delegate TrainingRecord? Evaluation(int step, bool record, double[] gradient);

    /// <summary>The checks every trainer makes of the loop's settings and of the optional true labels.</summary>
    /// <param name="settings">Adam settings (validated here).</param>
    /// <param name="recordEvery">Steps between records, ≥ 0.</param>
    /// <param name="truth">True labels for the accuracy column, one per row, or null.</param>
    /// <param name="rows">The number of training rows.</param>
    internal static void Validate(AdamSettings settings, int recordEvery, IReadOnlyList<int>? truth, int rows)
    {
        Guard.NotNull(settings);
        settings.Validate();
        Guard.NonNegative(recordEvery);
        if (truth is not null)
        {
            Guard.SameLength(truth.Count, rows, "the number of rows of inputs", nameof(truth));
        }
    }

    /// <summary>Runs the loop; <paramref name="parameters"/> is updated in place and ends at the last step's values.</summary>
    /// <param name="parameters">The starting parameters.</param>
    /// <param name="settings">Validated Adam settings.</param>
    /// <param name="recordEvery">Steps between records, ≥ 0 (0: first and last only).</param>
    /// <param name="evaluate">The objective.</param>
    /// <returns>The records, in step order.</returns>
    internal static List<TrainingRecord> Run(double[] parameters, AdamSettings settings, int recordEvery, Evaluation evaluate)
    {
        var adam = new AdamOptimizer(parameters.Length, settings);
        var gradient = new double[parameters.Length];
        var curve = new List<TrainingRecord>();
        for (var step = 0; ; step++)
        {
            var last = step == settings.Steps;
            var record = step == 0 || last || (recordEvery > 0 && step % recordEvery == 0);
            if (evaluate(step, record, gradient) is { } entry)
            {
                curve.Add(entry);
            }

            if (last)
            {
                return curve;
            }

            adam.Step(parameters, gradient);
        }
    }
}
