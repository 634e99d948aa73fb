namespace WeakToStrong.RandomFeatures;

/// <summary>The outcome of <see cref="SampledGradientDescent.Run"/> (a simulation check of the closed-form ReLU teacher
/// and student).</summary>
/// <param name="Steps">The recorded step counts n.</param>
/// <param name="ScaledTimes">The corresponding t·λ_1 = nη/(4d²).</param>
/// <param name="TestLosses">L̂_ST at each step count: the mean squared error against f* on the test inputs.</param>
/// <param name="StandardErrors">The Monte Carlo standard error of each test loss.</param>
/// <param name="TeacherTestLoss">The teacher's test loss (an estimate of L_TE).</param>
/// <param name="TeacherStandardError">Its standard error.</param>
/// <param name="TrainingSamples">n.</param>
/// <param name="TestSamples">n_test.</param>
/// <param name="StepSize">η.</param>
public sealed record SampledGradientDescentResult(
    IReadOnlyList<int> Steps,
    IReadOnlyList<double> ScaledTimes,
    IReadOnlyList<double> TestLosses,
    IReadOnlyList<double> StandardErrors,
    double TeacherTestLoss,
    double TeacherStandardError,
    int TrainingSamples,
    int TestSamples,
    double StepSize);
