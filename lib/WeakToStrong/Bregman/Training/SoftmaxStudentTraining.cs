using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// Full-batch Adam training of a softmax student softmax(Wx + b) on soft teacher distributions q_i (rows of an
/// n×K matrix) with α·CE + β·RCE (<see cref="MulticlassStudentLoss"/>). Per sample, with p = softmax(z) and
/// a_k = −max(log q_k, −100): ℓ = α(−Σ q_k log p_k) + β Σ p_k a_k and ∂ℓ/∂z = α(p − q) + β p ⊙ (a − pᵀa)
/// (the gradients of <see cref="MulticlassSoftLabelLoss"/>); ∂/∂W = Σ_i (∂ℓ_i/∂z_i) x_iᵀ / n. Starts at W = 0, b = 0,
/// so a run is deterministic.
/// </summary>
public static class SoftmaxStudentTraining
{
    /// <summary>Trains the student.</summary>
    /// <param name="inputs">n×d inputs, finite, n ≥ 1.</param>
    /// <param name="teacherProbabilities">n×K teacher distributions (each row in the closed simplex), K ≥ 2.</param>
    /// <param name="loss">α·CE + β·RCE.</param>
    /// <param name="settings">Adam hyper-parameters and step count.</param>
    /// <param name="recordEvery">Record the curve every this many steps (0: first and last step only).</param>
    /// <param name="truth">Optional ground-truth classes of the training inputs, for the curve's accuracy.</param>
    public static SoftmaxStudentFit Train(
        Matrix<double> inputs,
        Matrix<double> teacherProbabilities,
        MulticlassStudentLoss loss,
        AdamSettings settings,
        int recordEvery = 0,
        IReadOnlyList<int>? truth = null)
    {
        Guard.NotNull(inputs);
        Guard.AllFinite(inputs);
        Guard.NotEmpty(inputs.RowCount, nameof(inputs));
        Guard.NotNull(teacherProbabilities);
        Guard.Rows(teacherProbabilities, inputs.RowCount, "the number of rows of inputs");
        Guard.AtLeast(teacherProbabilities.ColumnCount, 2, "at least two classes", "teacherProbabilities.ColumnCount");
        Guard.NotNull(loss);
        AdamTrainingLoop.Validate(settings, recordEvery, truth, inputs.RowCount);

        int n = inputs.RowCount, d = inputs.ColumnCount, classes = teacherProbabilities.ColumnCount;
        var q = teacherProbabilities.ToRowMajorArray();
        var cost = new double[q.Length];
        var canMeasureMisfit = true;
        for (var i = 0; i < n; i++)
        {
            Guard.Simplex(teacherProbabilities.Row(i), strictlyPositive: false, $"{nameof(teacherProbabilities)} row {i}");
            for (var k = 0; k < classes; k++)
            {
                var value = q[(i * classes) + k];
                cost[(i * classes) + k] = value <= 0 ? -SoftLabelLoss.LogFloor : -Math.Max(Math.Log(value), SoftLabelLoss.LogFloor);
                canMeasureMisfit &= value > 0;
            }
        }

        var x = inputs.ToRowMajorArray();
        var parameters = new double[(classes * d) + classes]; // W row-major (class k: k·d .. k·d + d − 1), then b
        var logits = Matrix<double>.Build.Dense(n, classes);
        var z = new double[classes];
        var p = new double[classes];
        var g = new double[classes];
        var curve = AdamTrainingLoop.Run(parameters, settings, recordEvery, (step, record, gradient) =>
        {
            Array.Clear(gradient);
            double total = 0, misfit = 0;
            for (var i = 0; i < n; i++)
            {
                var row = i * d;
                var max = double.NegativeInfinity;
                for (var k = 0; k < classes; k++)
                {
                    var sum = parameters[(classes * d) + k];
                    var w = k * d;
                    for (var j = 0; j < d; j++)
                    {
                        sum += parameters[w + j] * x[row + j];
                    }

                    z[k] = sum;
                    logits[i, k] = sum;
                    max = Math.Max(max, sum);
                }

                double partition = 0;
                for (var k = 0; k < classes; k++)
                {
                    p[k] = Math.Exp(z[k] - max);
                    partition += p[k];
                }

                var logPartition = max + Math.Log(partition);
                double forward = 0, reverse = 0;
                for (var k = 0; k < classes; k++)
                {
                    p[k] /= partition;
                    var qk = q[(i * classes) + k];
                    forward -= qk == 0 ? 0 : qk * (z[k] - logPartition);
                    reverse += p[k] * cost[(i * classes) + k];
                    if (canMeasureMisfit && p[k] > 0)
                    {
                        misfit += p[k] * ((z[k] - logPartition) - Math.Log(qk));
                    }
                }

                total += (loss.ForwardWeight * forward) + (loss.ReverseWeight * reverse);
                for (var k = 0; k < classes; k++)
                {
                    g[k] = ((loss.ForwardWeight * (p[k] - q[(i * classes) + k])) + (loss.ReverseWeight * p[k] * (cost[(i * classes) + k] - reverse))) / n;
                    var w = k * d;
                    for (var j = 0; j < d; j++)
                    {
                        gradient[w + j] += g[k] * x[row + j];
                    }

                    gradient[(classes * d) + k] += g[k];
                }
            }

            return record
                ? new TrainingRecord(
                    step,
                    total / n,
                    SoftmaxStudent.MeanEntropyOfLogits(logits),
                    canMeasureMisfit ? Math.Max(misfit / n, 0) : double.PositiveInfinity,
                    truth is null ? null : SoftmaxStudent.ArgmaxAccuracy(logits, truth))
                : null;
        });

        var weights = Matrix<double>.Build.Dense(classes, d, (k, j) => parameters[(k * d) + j]);
        var bias = Vector<double>.Build.Dense(classes, k => parameters[(classes * d) + k]);
        return new SoftmaxStudentFit(new SoftmaxStudent(weights, bias), curve);
    }
}
