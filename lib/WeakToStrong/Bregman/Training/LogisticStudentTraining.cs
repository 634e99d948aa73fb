using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// Full-batch Adam training of a binary logistic student σ(wᵀx + b) on soft teacher labels q_i with any
/// <see cref="StudentLoss"/> (the synthetic classification of <see cref="NoisyTeacherClassification"/> initialises at
/// zero and uses step 0.05, β = (0.9, 0.999), 3000 steps).
/// The gradient of the mean loss is ∂L/∂w = Σ_i (∂L/∂z_i) x_i, ∂L/∂b = Σ_i ∂L/∂z_i. Deterministic: zero
/// initialisation (or a seeded Gaussian one) and a fixed summation order give bit-identical runs.
/// </summary>
public static class LogisticStudentTraining
{
    /// <summary>Trains the student.</summary>
    /// <param name="inputs">n×d training inputs, finite, n ≥ 1.</param>
    /// <param name="teacherProbabilities">Teacher labels q_i ∈ [0, 1], length n (hard labels 0/1 allowed for CE).</param>
    /// <param name="loss">The objective.</param>
    /// <param name="settings">Adam hyper-parameters and step count.</param>
    /// <param name="recordEvery">Record the curve every this many steps (0: only the first and last step).</param>
    /// <param name="truth">Optional ground-truth labels 0/1 of the training inputs, for the accuracy column of the curve.</param>
    /// <param name="initialization">Optional random stream: weights start i.i.d. N(0, 1/d) instead of 0 (bias 0).</param>
    /// <returns>The student and its curve.</returns>
    public static LogisticStudentFit Train(
        Matrix<double> inputs,
        IReadOnlyList<double> teacherProbabilities,
        StudentLoss loss,
        AdamSettings settings,
        int recordEvery = 0,
        IReadOnlyList<int>? truth = null,
        Random? initialization = null)
    {
        Guard.NotNull(inputs);
        Guard.AllFinite(inputs);
        Guard.NotEmpty(inputs.RowCount, nameof(inputs));
        Guard.NotNull(teacherProbabilities);
        Guard.SameLength(teacherProbabilities.Count, inputs.RowCount, "the number of rows of inputs", nameof(teacherProbabilities));
        Guard.NotNull(loss);
        AdamTrainingLoop.Validate(settings, recordEvery, truth, inputs.RowCount);

        int n = inputs.RowCount, d = inputs.ColumnCount;
        var labels = new double[n];
        for (var i = 0; i < n; i++)
        {
            Guard.Probability(teacherProbabilities[i], $"{nameof(teacherProbabilities)}[{i}]");
            labels[i] = teacherProbabilities[i];
        }

        var x = inputs.ToRowMajorArray();
        var objective = loss.Bind(labels);
        var parameters = new double[d + 1]; // w_1..w_d, b
        if (initialization is not null)
        {
            for (var j = 0; j < d; j++)
            {
                parameters[j] = MathNet.Numerics.Distributions.Normal.Sample(initialization, 0, 1 / Math.Sqrt(d));
            }
        }

        var logits = new double[n];
        var logitGradient = new double[n];
        var canMeasureMisfit = labels.All(q => q > 0 && q < 1);
        var curve = AdamTrainingLoop.Run(parameters, settings, recordEvery, (step, record, gradient) =>
        {
            ComputeLogits(x, parameters, n, d, logits);
            var value = objective(logits, (double)step / settings.Steps, logitGradient, record);
            Array.Clear(gradient);
            for (var i = 0; i < n; i++)
            {
                var g = logitGradient[i];
                var row = i * d;
                for (var j = 0; j < d; j++)
                {
                    gradient[j] += g * x[row + j];
                }

                gradient[d] += g;
            }

            return record
                ? new TrainingRecord(
                    step,
                    value,
                    LogisticStudent.MeanEntropyOfLogits(logits),
                    canMeasureMisfit ? LogisticStudent.MisfitOfLogits(logits, labels) : double.PositiveInfinity,
                    truth is null ? null : LogisticStudent.BinaryAccuracy(logits, truth))
                : null;
        });

        return new LogisticStudentFit(new LogisticStudent(parameters[..d], parameters[d]), curve);
    }

    private static void ComputeLogits(double[] x, double[] parameters, int n, int d, double[] logits)
    {
        for (var i = 0; i < n; i++)
        {
            var sum = parameters[d];
            var row = i * d;
            for (var j = 0; j < d; j++)
            {
                sum += x[row + j] * parameters[j];
            }

            logits[i] = sum;
        }
    }
}
