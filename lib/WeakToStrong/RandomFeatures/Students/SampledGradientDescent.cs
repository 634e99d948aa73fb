using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Statistics;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// An empirical check of the closed forms that uses none of them: sample n training inputs
/// x ∼ Unif(S^(d−1)), build the feature matrices, label the inputs with the population teacher f_TE(x) = Σ a_i relu(w_i·x)
/// (the teacher is trained on the population, so its top layer a is the population least-squares solution of
/// <see cref="ReluTeacher"/>),
/// run plain explicit gradient descent on the student's top layer, and measure the student's loss against the true
/// target f*(x) = √d·x_1 on fresh test inputs:
/// <code>
/// Φ_ij = relu(u_j·x_i)/√M_S,   y_i = f_TE(x_i),   θ_0 = 0,   θ_(s+1) = θ_s − η Φᵀ(Φθ_s − y)/n,
/// L̂_ST(s) = (1/n_test) Σ_i (f_θs(x'_i) − f*(x'_i))²   (standard error: sample s.d. of the squared errors / √n_test).
/// </code>
/// The loop is an ordinary loop, with no eigendecomposition. Its expectation differs from the population closed form
/// (<see cref="FiniteWidthStudent.LossesAfterSteps"/>, same η and step counts) only by the finite-n training error, which is
/// small when n ≫ M_S, so the two agree within the Monte Carlo error of the test estimate.
/// </summary>
public static class SampledGradientDescent
{
    /// <summary>Runs the sampled experiment.</summary>
    /// <param name="teacher">The population-trained teacher (labels and d).</param>
    /// <param name="studentWeights">M_S × d unit rows u_j of the student.</param>
    /// <param name="trainingSamples">n ≥ 1 training inputs (n ≫ M_S for agreement with the population closed form).</param>
    /// <param name="testSamples">n_test ≥ 2 fresh test inputs.</param>
    /// <param name="stepSize">η &gt; 0 (stable when η &lt; 2/λ_max of ΦᵀΦ/n; the population 1/λ_max of G_S/M_S is a safe choice).</param>
    /// <param name="steps">Step counts at which the test loss is recorded, each ≥ 0 (any order; at most 10⁷).</param>
    /// <param name="random">The random stream for the training and test inputs (normally a core <see cref="RandomStream"/>).</param>
    public static SampledGradientDescentResult Run(
        ReluTeacher teacher,
        Matrix<double> studentWeights,
        int trainingSamples,
        int testSamples,
        double stepSize,
        IReadOnlyList<int> steps,
        Random random)
    {
        Guard.NotNull(teacher);
        Guard.NotNull(studentWeights);
        Guard.UnitRows(studentWeights);
        if (studentWeights.ColumnCount != teacher.Dimension)
        {
            throw new ArgumentException(
                $"{nameof(studentWeights)} has {studentWeights.ColumnCount} columns; expected the teacher's input dimension d = {teacher.Dimension}.",
                nameof(studentWeights));
        }

        Guard.AtLeast(studentWeights.RowCount, 1, "the student width M_S", nameof(studentWeights) + ".RowCount");
        Guard.AtLeast(trainingSamples, 1, "the number of training inputs n");
        Guard.AtLeast(testSamples, 2, "a standard error needs at least two test inputs");
        Guard.Positive(stepSize);
        Guard.NotNull(steps);
        Guard.MinimumCount(steps, 1, "at least one step count to record");
        foreach (var s in steps)
        {
            Guard.InRange(s, 0, 10_000_000, nameof(steps));
        }

        Guard.NotNull(random);
        var d = teacher.Dimension;
        var width = studentWeights.RowCount;
        var teacherWeights = teacher.Weights;
        var a = teacher.OutputWeights;

        // Training data: inputs, student features (scaled by 1/√M_S) and teacher labels.
        var train = random.NextUnitVectors(trainingSamples, d);
        var features = Features(train, studentWeights);
        var labels = Features(train, teacherWeights, scaled: false) * a;

        // Plain explicit gradient descent on ½‖Φθ − y‖²/n, recording θ at the requested step counts. Φ is kept row-major
        // so that both passes of a step (residual r = Φθ − y, gradient Φᵀr/n) run over contiguous memory.
        var rows = new double[trainingSamples * width];
        for (var i = 0; i < trainingSamples; i++)
        {
            for (var j = 0; j < width; j++)
            {
                rows[i * width + j] = features[i, j];
            }
        }

        var y = labels.ToArray();
        var order = steps.Distinct().OrderBy(s => s).ToArray();
        var recorded = new Dictionary<int, Vector<double>>();
        var theta = new double[width];
        var gradient = new double[width];
        var done = 0;
        foreach (var target in order)
        {
            for (; done < target; done++)
            {
                Array.Clear(gradient);
                for (var i = 0; i < trainingSamples; i++)
                {
                    var row = rows.AsSpan(i * width, width);
                    var residual = Dot(row, theta) - y[i];
                    AddScaled(gradient, row, residual);
                }

                var scale = stepSize / trainingSamples;
                for (var j = 0; j < width; j++)
                {
                    theta[j] -= scale * gradient[j];
                }
            }

            if (!theta.All(double.IsFinite))
            {
                throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize,
                    $"{nameof(stepSize)} = {Guard.Show(stepSize)} is out of range; gradient descent diverged by step {done}: use a step below 2/λ_max of ΦᵀΦ/n.");
            }

            recorded[target] = Vector<double>.Build.Dense((double[])theta.Clone());
        }

        // Test: fresh inputs, squared error against the true target f*(x) = √d·x_1.
        var test = random.NextUnitVectors(testSamples, d);
        var testFeatures = Features(test, studentWeights);
        var truth = test.Column(0) * Math.Sqrt(d);
        var teacherErrors = (Features(test, teacherWeights, scaled: false) * a - truth).PointwisePower(2.0).ToArray();
        var losses = new double[steps.Count];
        var errors = new double[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var squared = (testFeatures * recorded[steps[i]] - truth).PointwisePower(2.0).ToArray();
            losses[i] = Descriptive.Mean(squared);
            errors[i] = StandardError(squared);
        }

        return new SampledGradientDescentResult(
            steps.ToArray(),
            steps.Select(s => s * stepSize / (4.0 * d * d)).ToArray(),
            losses,
            errors,
            Descriptive.Mean(teacherErrors),
            StandardError(teacherErrors),
            trainingSamples,
            testSamples,
            stepSize);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var lanes = System.Numerics.Vector<double>.Count;
        var sum = System.Numerics.Vector<double>.Zero;
        var j = 0;
        for (; j <= a.Length - lanes; j += lanes)
        {
            sum += new System.Numerics.Vector<double>(a[j..]) * new System.Numerics.Vector<double>(b[j..]);
        }

        var total = System.Numerics.Vector.Sum(sum);
        for (; j < a.Length; j++)
        {
            total += a[j] * b[j];
        }

        return total;
    }

    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        var lanes = System.Numerics.Vector<double>.Count;
        var scale = new System.Numerics.Vector<double>(factor);
        var j = 0;
        for (; j <= source.Length - lanes; j += lanes)
        {
            (new System.Numerics.Vector<double>(target[j..]) + scale * new System.Numerics.Vector<double>(source[j..])).CopyTo(target[j..]);
        }

        for (; j < source.Length; j++)
        {
            target[j] += factor * source[j];
        }
    }

    /// <summary>relu(X Uᵀ), divided by √M when <paramref name="scaled"/> (the student's f = M^(−1/2) Σ θ_j φ_j).</summary>
    private static Matrix<double> Features(Matrix<double> inputs, Matrix<double> weights, bool scaled = true)
    {
        var product = inputs.TransposeAndMultiply(weights);
        var factor = scaled ? 1.0 / Math.Sqrt(weights.RowCount) : 1.0;
        product.MapInplace(z => z > 0 ? z * factor : 0.0);
        return product;
    }

    private static double StandardError(double[] values)
    {
        var mean = Descriptive.Mean(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / (values.Length - 1) / values.Length);
    }
}
