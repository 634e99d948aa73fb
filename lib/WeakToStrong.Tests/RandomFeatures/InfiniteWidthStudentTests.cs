using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;
using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class InfiniteWidthStudentTests
{
    [Theory]
    [InlineData(3, 30, 0)]
    [InlineData(10, 50, 1)]
    [InlineData(10, 200, 2)]
    [InlineData(20, 100, 3)]
    public void StartsAtTheTargetNormAndConvergesToTheTeacher(int d, int m, int seed)
    {
        var teacher = ReluTeacher.Sample(d, m, new RandomStream(seed));
        var student = teacher.InfiniteWidthStudent();
        Assert.Equal(1.0, student.Loss(0), 1e-14);
        Assert.Equal(teacher.Loss, student.Loss(double.PositiveInfinity), 1e-13);
        Assert.Equal(teacher.Loss, student.TeacherLoss);
        Assert.Equal(1.0 / (4.0 * d * d), student.ReferenceEigenvalue, 1e-15 / (d * d));
        // Late but finite: every learnt degree is converged, the loss is back at L_TE.
        Assert.Equal(teacher.Loss, student.Loss(1e30), 1e-13);
    }

    [Fact]
    public void PerDegreeLossEqualsTheExpandedFunctionSpaceFormula()
    {
        // Independent route: L_ST = ‖f*‖² − 2⟨f_ST, f*⟩ + ‖f_ST‖² with f_ST = Σ_k g_k [f_TE]_k, ⟨f_ST, f*⟩ = g_1 bᵀa and
        // ‖f_ST‖² = Σ_k g_k² μ_k² N_k aᵀP_k(WWᵀ)a, P_k from the explicit Gegenbauer sum, up to degree 16 (the omitted
        // degrees carry ≪ 1e-10 at these times).
        const int d = 6;
        var teacher = ReluTeacher.Sample(d, 14, new RandomStream(17));
        var student = teacher.InfiniteWidthStudent();
        var w = teacher.Weights;
        var a = teacher.OutputWeights;
        var forms = new double[17];
        for (var k = 0; k <= 16; k++)
        {
            for (var i = 0; i < 14; i++)
            {
                for (var j = 0; j < 14; j++)
                {
                    forms[k] += a[i] * a[j] * IndependentFormulas.NormalisedGegenbauer(k, d, Math.Clamp(w.Row(i).DotProduct(w.Row(j)), -1, 1));
                }
            }
        }

        var bTa = teacher.TargetCorrelations.DotProduct(a);
        foreach (var scaled in new[] { 0.05, 0.5, 2.0 })
        {
            var t = scaled / student.ReferenceEigenvalue;
            var expanded = 1.0;
            for (var k = 0; k <= 16; k++)
            {
                var mu = ReluSphereSpectrum.FunkHeckeCoefficient(k, d);
                var g = 1 - Math.Exp(-mu * mu * t);
                if (k == 1)
                {
                    expanded -= 2 * g * bTa;
                }

                expanded += g * g * mu * mu * ReluSphereSpectrum.Multiplicity(k, d) * forms[k];
            }

            Assert.Equal(expanded, student.Loss(t), 1e-11);
        }
    }

    [Fact]
    public void LossComponentsSumToTheLoss()
    {
        var student = ReluTeacher.Sample(8, 40, new RandomStream(4)).InfiniteWidthStudent();
        foreach (var t in new[] { 0.0, 10.0, 1e3, 1e5 })
        {
            Assert.Equal(student.Loss(t), student.LossComponents(t).Sum(), 1e-15);
            Assert.All(student.LossComponents(t), c => Assert.True(c >= 0));
        }
    }

    [Fact]
    public void GradientDescentConvergesToGradientFlowAtFirstOrderInTheStep()
    {
        var student = ReluTeacher.Sample(10, 60, new RandomStream(6)).InfiniteWidthStudent();
        var t = 3.0 / student.ReferenceEigenvalue;
        var flow = student.Loss(t);
        var errors = new List<double>();
        foreach (var fraction in new[] { 1e-2, 5e-3, 2.5e-3 })
        {
            var eta = fraction / student.LargestEigenvalue;
            var steps = checked((int)Math.Round(t / eta));
            var etaExact = t / steps;
            errors.Add(Math.Abs(student.LossesAfterSteps([steps], etaExact)[0] - flow));
        }

        Assert.True(errors[0] < 1e-2 * flow, $"GD with ηλ_max = 1e-2 is off by {errors[0]:R} (flow {flow:R})");
        Assert.InRange(errors[0] / errors[1], 1.8, 2.2); // halving η halves the error
        Assert.InRange(errors[1] / errors[2], 1.8, 2.2);
    }

    [Fact]
    public void GradientDescentMatchesPowersExactly()
    {
        // One eigen-direction, θ = 1, β = 0.9: L = (1 − 0.9(1 − (1 − ηλ)^n))², including the oscillating regime ηλ > 1.
        var student = new InfiniteWidthStudent(new[] { 2.0 }, new[] { 0.9 }, new[] { 1.0 });
        foreach (var (eta, n) in new[] { (0.1, 7), (0.45, 3), (0.5, 4), (0.7, 5), (0.7, 6), (0.99, 1) })
        {
            var expected = Math.Pow(1 - 0.9 * (1 - Math.Pow(1 - 2 * eta, n)), 2);
            Assert.Equal(expected, student.LossesAfterSteps([n], eta)[0], 1e-14);
        }

        var twoCounts = student.LossesAfterSteps([0, 2], 0.3);
        Assert.Equal(1.0, twoCounts[0]);
        Assert.Equal(Math.Pow(1 - 0.9 * (1 - Math.Pow(0.4, 2)), 2), twoCounts[1], 1e-14);
        Assert.Equal(1.0, student.MaximumStableStepSize);
    }

    [Fact]
    public void OracleOptimumIsAStationaryMinimum()
    {
        foreach (var (d, m, seed) in new[] { (10, 50, 0), (10, 200, 1), (5, 100, 2) })
        {
            var student = ReluTeacher.Sample(d, m, new RandomStream(seed)).InfiniteWidthStudent();
            var best = student.OracleStop();
            Assert.True(best.IsInteriorOptimum);
            var u = Math.Log(best.OptimalTime);
            double L(double logT) => student.Loss(Math.Exp(logT));
            const double h = 1e-4;
            var slope = (L(u + h) - L(u - h)) / (2 * h); // dL/d(ln t) by central differences
            Assert.True(Math.Abs(slope) < 1e-6 * best.StudentLoss, $"dL/dln t = {slope:R} at the optimum, L* = {best.StudentLoss:R}");
            Assert.True(L(u + 0.05) > best.StudentLoss && L(u - 0.05) > best.StudentLoss);
            Assert.Equal(best.StudentLoss, student.Loss(best.OptimalTime));
            Assert.Equal(best.OptimalTime * student.ReferenceEigenvalue, best.OptimalScaledTime, 1e-12 * best.OptimalScaledTime);
            Assert.True(student.LossCurve().StudentLosses.All(l => l >= best.StudentLoss));
            Assert.Equal(1 - best.StudentLoss / best.TeacherLoss, best.Pgr, 1e-15);
        }
    }

    [Fact]
    public void LossCurveHasTheUShapeOfFigureF1()
    {
        var teacher = ReluTeacher.Sample(10, 128, new RandomStream(0));
        var curve = teacher.InfiniteWidthStudent().LossCurve(1e-2, 1e4, 400);
        var ratios = curve.LossRatios;
        Assert.Equal(400, ratios.Count);
        Assert.Equal(1e-2, curve.ScaledTimes[0]);
        Assert.Equal(1e4, curve.ScaledTimes[^1]);
        AssertBelow(0.9 / teacher.Loss, ratios[0]);     // starts near 1/L_TE
        AssertBelow(ratios.Min(), 0.1);                 // dips far below 1
        AssertBelow(ratios[^1], 1.0);                   // rises back towards 1 ...
        AssertBelow(ratios.Min(), ratios[^1]);          // ... from its minimum
        var argmin = Enumerable.Range(0, 400).MinBy(i => ratios[i]);
        Assert.InRange(curve.ScaledTimes[argmin], 1.0, 100.0); // t·λ_1 of order ten
    }

    [Fact]
    public void RatioFallsAsTheTeacherWidens()
    {
        // Fig. 2(a) of Medvedev et al. 2025 (arXiv:2503.02877): min_t L_ST/L_TE
        // < 1 and decreasing (in seed-mean) in M_TE, at d = 10.
        double MeanRatio(int m) => Enumerable.Range(0, 3).Average(s => ReluTeacher.Sample(10, m, new RandomStream(s)).InfiniteWidthStudent().OracleStop().LossRatio);
        var r50 = MeanRatio(50);
        var r100 = MeanRatio(100);
        var r400 = MeanRatio(400);
        AssertBelow(r50, 1);
        Assert.True(r100 < r50 && r400 < r100, $"ratios {r50:R}, {r100:R}, {r400:R}");
    }

    [Fact]
    public void NeverBeatsTheSquareOfTheTeachersLoss()
    {
        // f* = √d x_1 is an eigenfunction of the student kernel, so L_ST(t) ≥ L_TE² at every t
        // (QuadraticLowerBound.ForEigenfunctionTarget).
        for (var seed = 0; seed < 4; seed++)
        {
            foreach (var m in new[] { 20, 80, 300 })
            {
                var teacher = ReluTeacher.Sample(7, m, new RandomStream(seed));
                var student = teacher.InfiniteWidthStudent();
                var bound = QuadraticLowerBound.ForEigenfunctionTarget(teacher.Loss);
                Assert.True(student.OracleStop().StudentLoss >= bound * (1 - 1e-12));
                Assert.True(student.LossCurve(1e-3, 1e6, 300).StudentLosses.All(l => l >= bound * (1 - 1e-12)));
                Assert.True(student.OracleStop().StudentLoss >= QuadraticLowerBound.Value(teacher.Loss));
            }
        }
    }

    [Fact]
    public void StudentWithTheTeachersOwnFeaturesGainsNothing()
    {
        // Student features = teacher features. In the orthonormal eigenbasis ψ_j = Σ_i V_ij φ_i/√γ_j of the span (G = VΓVᵀ),
        // f_TE and f* have the same coefficients √γ_j (V_jᵀa) (since b = Ga), and f* − f_TE (norm² L_TE) lies outside the
        // span, where the student's kernel is zero. Hence L_ST(t) ≥ L_TE for every t.
        var teacher = ReluTeacher.Sample(6, 25, new RandomStream(9));
        var evd = teacher.Gram.Evd();
        var gammas = evd.EigenValues.Real();
        var v = evd.EigenVectors;
        var coefficients = Enumerable.Range(0, 25).Select(j => Math.Sqrt(gammas[j]) * v.Column(j).DotProduct(teacher.OutputWeights)).ToList();
        var eigenvalues = gammas.ToList();
        eigenvalues.Add(0.0);
        var beta = coefficients.Append(0.0).ToArray();
        var theta = coefficients.Append(Math.Sqrt(teacher.Loss)).ToArray();
        var sameFeatures = new InfiniteWidthStudent(eigenvalues, beta, theta, referenceEigenvalue: gammas.Maximum());
        Assert.Equal(teacher.Loss, sameFeatures.TeacherLoss, 1e-15);
        var best = sameFeatures.OracleStop();
        Assert.False(best.IsInteriorOptimum);
        Assert.True(best.LossRatio >= 1 - 1e-12, $"ratio {best.LossRatio:R}");
        Assert.True(sameFeatures.LossCurve(1e-3, 1e6, 200).StudentLosses.All(l => l >= teacher.Loss * (1 - 1e-12)));

        // The same student directly in weight space: θ(t) = (I − e^(−tG))a, L = θᵀGθ − 2θᵀb + 1 (finite-width formula).
        foreach (var scaled in new[] { 0.1, 1.0, 10.0, 1000.0 })
        {
            var t = scaled / gammas.Maximum();
            var decay = Vector<double>.Build.Dense(25, j => 1 - Math.Exp(-t * gammas[j]));
            var thetaT = v * (decay.PointwiseMultiply(v.TransposeThisAndMultiply(teacher.OutputWeights)));
            var direct = thetaT.DotProduct(teacher.Gram * thetaT) - 2 * thetaT.DotProduct(teacher.TargetCorrelations) + 1;
            Assert.Equal(direct, sameFeatures.Loss(t), 1e-12);
            Assert.True(direct >= teacher.Loss - 1e-12);
        }
    }

    [Fact]
    public void GenericFormulaOnRandomInstancesStaysAboveTheLowerBound()
    {
        // Random spectra, targets and projection teachers (f_TE = P f* for a random subspace): QuadraticLowerBound's LB
        // holds for every t.
        var random = new Xoshiro256StarStar(2024);
        for (var instance = 0; instance < 40; instance++)
        {
            var n = 5 + random.Next(25);
            var rank = 1 + random.Next(n - 1);
            var lambda = Enumerable.Range(0, n).Select(_ => Math.Exp(-12 * random.NextDouble())).ToArray();
            var target = Vector<double>.Build.Dense(n, _ => random.NextDouble() - 0.5);
            target /= target.L2Norm();
            var basis = Matrix<double>.Build.Dense(n, rank, (_, _) => random.NextDouble() - 0.5).QR().Q.SubMatrix(0, n, 0, rank);
            var teacherVector = basis * basis.TransposeThisAndMultiply(target);
            var student = new InfiniteWidthStudent(lambda, teacherVector.ToArray(), target.ToArray(), referenceEigenvalue: lambda.Max());
            var teacherLoss = (teacherVector - target).L2Norm() * (teacherVector - target).L2Norm();
            Assert.Equal(teacherLoss, student.TeacherLoss, 1e-14);
            var bound = QuadraticLowerBound.Value(Math.Min(teacherLoss, 1.0));
            Assert.True(student.LossCurve(1e-4, 1e8, 500).StudentLosses.All(l => l >= bound - 1e-15), $"instance {instance}");
            Assert.True(student.OracleStop(1e-4, 1e8, 500).StudentLoss >= bound - 1e-15);
            Assert.Equal(1.0, student.Loss(0), 1e-14);
        }
    }

    [Fact]
    public void SmallLossesKeepTheirDigits()
    {
        // L = (ε + β e^{−λt})² for θ = 1, β = 1 − ε: for large t the loss is ε² to full relative precision.
        var student = new InfiniteWidthStudent(new[] { 1.0 }, new[] { 1 - 1e-7 }, new[] { 1.0 });
        Assert.Equal(1e-14, student.Loss(double.PositiveInfinity), 1e-14 * 1e-7);
        // θ = 0: L = β² (1 − e^{−λt})², accurate at tiny λt where 1 − e^{−λt} would cancel (g = t − t²/2 + t³/6 − … by Taylor).
        var orthogonal = new InfiniteWidthStudent(new[] { 1.0 }, new[] { 1e-3 }, new[] { 0.0 }, referenceEigenvalue: 1.0);
        var t = 1e-9;
        var g = t - t * t / 2 + t * t * t / 6;
        Assert.Equal(1e-6 * g * g, orthogonal.Loss(t), 1e-14 * 1e-6 * g * g);
    }

    [Fact]
    public void RejectsBadInput()
    {
        var student = new InfiniteWidthStudent(new[] { 1.0, 0.5 }, new[] { 0.5, 0.1 }, new[] { 1.0, 0.0 });
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => student.Loss(-1));
        Assert.Equal("time", negative.ParamName);
        Assert.Contains(">= 0", negative.Message);
        Assert.Equal("time", Assert.Throws<ArgumentOutOfRangeException>(() => student.Loss(double.NaN)).ParamName);
        Assert.Equal("times", Assert.Throws<ArgumentOutOfRangeException>(() => student.Losses(new[] { 1.0, -2.0 })).ParamName);
        var eta = Assert.Throws<ArgumentOutOfRangeException>(() => student.LossesAfterSteps([10], 2.0));
        Assert.Equal("stepSize", eta.ParamName);
        Assert.Contains("2/λ_max", eta.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => student.LossesAfterSteps([10], 0));
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => student.LossesAfterSteps([-1], 0.1)).ParamName);
        Assert.Equal("eigenvalues", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new InfiniteWidthStudent(new[] { -1.0 }, new[] { 0.5 }, new[] { 1.0 })).ParamName);
        Assert.Throws<ArgumentException>(() => new InfiniteWidthStudent(new[] { 1.0, 2.0 }, new[] { 0.5 }, new[] { 1.0, 0.0 }));
        Assert.Equal("teacherCoefficients", Assert.Throws<ArgumentException>(() =>
            new InfiniteWidthStudent(new[] { 1.0 }, new[] { double.NaN }, new[] { 1.0 })).ParamName);
        Assert.Equal("referenceEigenvalue", Assert.Throws<ArgumentException>(() =>
            new InfiniteWidthStudent(new[] { 1.0 }, new[] { 0.5 }, new[] { 0.0 })).ParamName);
        Assert.Equal("minScaledTime", Assert.Throws<ArgumentOutOfRangeException>(() => student.OracleStop(0, 10)).ParamName);
        Assert.Equal("maxScaledTime", Assert.Throws<ArgumentOutOfRangeException>(() => student.LossCurve(10, 1)).ParamName);
        Assert.Equal("gridPoints", Assert.Throws<ArgumentOutOfRangeException>(() => student.OracleStop(1, 10, 2)).ParamName);
    }
}
