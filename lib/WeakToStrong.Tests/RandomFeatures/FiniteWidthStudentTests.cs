using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class FiniteWidthStudentTests
{
    [Fact]
    public void StartsAtTheTargetNormAndMatchesTheDirectQuadraticForm()
    {
        // Independent route: θ(t) from the flow's weights, then
        // L_ST = θᵀG_Sθ/M_S − 2θᵀb_S/√M_S + 1 formed directly from the exact Gram matrices.
        var teacher = ReluTeacher.Sample(6, 20, new RandomStream(3));
        var student = FiniteWidthStudent.Sample(50, teacher, new RandomStream(3, 0, 1));
        var u = student.Weights;
        var gram = ArcCosineKernel.Gram(u);
        var bS = u.Column(0) / (2 * Math.Sqrt(6.0));
        var m = Math.Sqrt(50.0);
        Assert.Equal(1.0, student.Loss(0), 1e-14);
        foreach (var scaled in new[] { 0.1, 1.0, 10.0, 300.0 })
        {
            var t = scaled / student.ReferenceEigenvalue;
            var theta = student.Flow.Weights(t);
            var direct = theta.DotProduct(gram * theta) / 50 - 2 * theta.DotProduct(bS) / m + 1;
            Assert.Equal(direct, student.Loss(t), 1e-11);
        }
    }

    [Fact]
    public void LossesMatchTheCoreGradientFlowWithTheQuadraticRisk()
    {
        // The same losses from the core: GradientFlow(A, β) with one full eigendecomposition and QuadraticRisk(A, θ°, L_S).
        var teacher = ReluTeacher.Sample(8, 30, new RandomStream(5));
        var student = FiniteWidthStudent.Sample(120, teacher, new RandomStream(5, 0, 1));
        var times = new[] { 0.0, 0.3, 3.0, 30.0, 3e3 }.Select(s => s / student.ReferenceEigenvalue).ToArray();
        var core = student.Flow.Losses(student.Risk, times);
        var fast = student.Losses(times);
        for (var i = 0; i < times.Length; i++)
        {
            Assert.Equal(core[i], fast[i], 1e-12);
        }

        var eta = 1.0 / student.LargestEigenvalue;
        int[] steps = [0, 1, 17, 400];
        var coreSteps = student.Flow.LossesAfterSteps(student.Risk, steps, eta);
        var fastSteps = student.LossesAfterSteps(steps, eta);
        for (var i = 0; i < steps.Length; i++)
        {
            Assert.Equal(coreSteps[i], fastSteps[i], 1e-12);
        }

        Assert.Equal(student.Flow.LargestEigenvalue, student.LargestEigenvalue, 1e-14);
        Assert.Equal(student.Risk.Evaluate(student.Flow.Limit()), student.LimitLoss, 1e-11);
    }

    [Fact]
    public void TrainingForcesMatchTheTeachersLabels()
    {
        // β = C a/√M_S is the gradient at θ = 0 of ½E[(f_θ − f_TE)²], i.e. E[φ_j f_TE]/√M_S; check against a Monte Carlo
        // estimate over 200 000 sphere points (standard error ≈ 1e-3 of the entries' scale; tolerance 5 s.e.).
        var teacher = ReluTeacher.Sample(4, 6, new RandomStream(8));
        var u = ReluTeacher.SampleWeights(4, 3, new RandomStream(8, 0, 1));
        var student = new FiniteWidthStudent(u, teacher);
        var x = new RandomStream(8, 0, 2).NextUnitVectors(200_000, 4);
        var fTe = x.TransposeAndMultiply(teacher.Weights).Map(z => Math.Max(z, 0)) * teacher.OutputWeights;
        var phi = x.TransposeAndMultiply(u).Map(z => Math.Max(z, 0));
        var estimate = phi.TransposeThisAndMultiply(fTe) / 200_000 / Math.Sqrt(3);
        var products = phi.Transpose().PointwiseMultiply(Matrix<double>.Build.DenseOfRowVectors(fTe, fTe, fTe));
        // The flow's forcing, recovered as A·θ(∞) with A = G_S/M_S (A is positive definite here).
        var exact = ArcCosineKernel.Gram(u) / 3 * student.Flow.Limit();
        for (var j = 0; j < 3; j++)
        {
            var se = Math.Sqrt(products.Row(j).Select(v => v * v).Average() / 200_000) / Math.Sqrt(3);
            Assert.InRange(estimate[j] - exact[j], -5 * se, 5 * se);
        }
    }

    [Fact]
    public void StudentWithTheTeachersOwnFeaturesNeverBeatsTheTeacher()
    {
        // f_TE is the best function in the teacher's span, so a student inside that span has L_ST(t) ≥ L_TE for all t,
        // and converges to the teacher.
        var teacher = ReluTeacher.Sample(10, 40, new RandomStream(2));
        var own = FiniteWidthStudent.WithTeacherFeatures(teacher);
        var curve = own.LossCurve(1e-2, 1e5, 300);
        Assert.All(curve.StudentLosses, loss => Assert.True(loss >= teacher.Loss * (1 - 1e-10), $"{loss:R} < L_TE = {teacher.Loss:R}"));
        Assert.Equal(teacher.Loss, own.LimitLoss, 1e-12);
        Assert.Equal(1.0, own.OracleStop(gridPoints: 200).LossRatio, 1e-9);
        Assert.Equal(teacher.Loss, own.OwnLoss, 1e-12);
    }

    [Fact]
    public void ConvergedStudentIsTheCeilingPlusTheTeachersErrorInTheStudentSpan()
    {
        // Independent route with the exact Gram matrices: the converged student is the least-squares fit of f_TE in the
        // span of the student's features, θ∞ = G_S⁻¹ C a (unscaled features); its loss against f*, the ceiling
        // L_S = 1 − b_Sᵀ G_S⁻¹ b_S, and the teacher's error in the span, ‖Π_S e‖² = (Ca − b_S)ᵀ G_S⁻¹ (Ca − b_S).
        var teacher = ReluTeacher.Sample(8, 24, new RandomStream(11));
        var student = FiniteWidthStudent.Sample(90, teacher, new RandomStream(11, 0, 1));
        var u = student.Weights;
        var gram = ArcCosineKernel.Gram(u);
        var cholesky = gram.Cholesky();
        var cross = ArcCosineKernel.CrossGram(u, teacher.Weights) * teacher.OutputWeights;
        var bS = u.Column(0) / (2 * Math.Sqrt(8.0));
        var theta = cholesky.Solve(cross);
        var converged = theta.DotProduct(gram * theta) - 2 * theta.DotProduct(bS) + 1;
        var ceiling = 1 - bS.DotProduct(cholesky.Solve(bS));
        var error = cross - bS;
        var captured = error.DotProduct(cholesky.Solve(error));
        Assert.Equal(converged, student.LimitLoss, 1e-11);
        Assert.Equal(ceiling, student.OwnLoss, 1e-11);
        Assert.Equal(captured, student.CapturedTeacherError, 1e-11);
        Assert.Equal(converged, ceiling + captured, 1e-11);
        // The captured error is part of the teacher's error: 0 ≤ ‖Π_S e‖² ≤ ‖e‖² = L_TE.
        Assert.InRange(student.CapturedTeacherError, 0.0, teacher.Loss);
    }

    [Fact]
    public void ApproachesTheInfiniteWidthCurveAsTheStudentWidens()
    {
        // Finite-M_S curves approach the M_S = ∞ curve (≈ 1/M_S); the sup-distance over t·λ_1 ∈ [0.01, 3]
        // (where the learnt degrees are well resolved) falls monotonically in the mean over three student draws.
        var teacher = ReluTeacher.Sample(5, 12, new RandomStream(4));
        var infinite = teacher.InfiniteWidthStudent().LossCurve(1e-2, 3, 60).StudentLosses;
        double Distance(int width) => Enumerable.Range(0, 3).Average(s =>
        {
            var finite = FiniteWidthStudent.Sample(width, teacher, new RandomStream(4, s, 1)).LossCurve(1e-2, 3, 60).StudentLosses;
            return finite.Zip(infinite, (f, i) => Math.Abs(f - i)).Max();
        });
        var distances = new[] { 16, 64, 256 }.Select(Distance).ToArray();
        Assert.True(distances[0] > distances[1] && distances[1] > distances[2], string.Join(", ", distances));
        Assert.True(distances[2] < distances[0] / 4, $"distance at 256 = {distances[2]:E2} vs {distances[0]:E2} at 16: expected ≈ 1/M_S decay");
    }

    [Fact]
    public void GradientDescentTendsToGradientFlowAsTheStepShrinks()
    {
        var teacher = ReluTeacher.Sample(5, 10, new RandomStream(6));
        var student = FiniteWidthStudent.Sample(30, teacher, new RandomStream(6, 0, 1));
        var flow = student.Loss(2.0 / student.ReferenceEigenvalue);
        double Gd(double eta) => student.LossesAfterSteps([(int)Math.Round(2.0 / student.ReferenceEigenvalue / eta)], eta)[0];
        var coarse = Math.Abs(Gd(0.5 / student.Flow.LargestEigenvalue) - flow);
        var fine = Math.Abs(Gd(0.05 / student.Flow.LargestEigenvalue) - flow);
        Assert.True(fine < coarse / 5, $"GD error {fine:E2} at η/10 vs {coarse:E2}: expected first-order convergence in η");
    }

    [Fact]
    public void RejectsBadInput()
    {
        var teacher = ReluTeacher.Sample(4, 5, new RandomStream(1));
        var wrongDimension = ReluTeacher.SampleWeights(3, 4, new RandomStream(1));
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => new FiniteWidthStudent(wrongDimension, teacher)).ParamName);
        var notUnit = Matrix<double>.Build.Dense(2, 4, 1.0);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FiniteWidthStudent(notUnit, teacher));
        Assert.Equal("weights", e.ParamName);
        Assert.Contains("unit sphere", e.Message);
        var duplicate = Matrix<double>.Build.DenseOfRowVectors(teacher.Weights.Row(0), teacher.Weights.Row(0));
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => new FiniteWidthStudent(duplicate, teacher)).ParamName);
        var student = FiniteWidthStudent.Sample(6, teacher, new RandomStream(2));
        Assert.Equal("times", Assert.Throws<ArgumentOutOfRangeException>(() => student.Losses([1.0, -1.0])).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() => student.LossesAfterSteps([1], 3 * student.MaximumStableStepSize)).ParamName);
        Assert.Equal("gridPoints", Assert.Throws<ArgumentOutOfRangeException>(() => student.OracleStop(gridPoints: 2)).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => FiniteWidthStudent.Sample(0, teacher, new RandomStream(2))).ParamName);
    }
}
