using WeakToStrong.Bregman;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.Bregman.TestLaws;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Bregman;

/// <summary>
/// Every identity the library reports is a sum of independently evaluated terms, so an error planted in one term shows
/// up as a non-zero defect of the predicted size (a defect computed as a difference of the other terms would stay 0).
/// </summary>
public sealed class PlantedErrorTests
{
    private static readonly BinaryCrossEntropyGenerator Binary = BinaryCrossEntropyGenerator.Instance;

    private static readonly double[,] JointWeights =
    {
        { 0.2367644936, 0.1002821927 },
        { 0.0152302342, 0.0061434735 },
        { 0.3022999973, 0.3392796087 },
    };

    private static DiscreteLaw<TeacherStudentDraw<double>> DependentLaw() =>
        RiskGapIdentity.FromJointWeights(0.8, new[] { 1.5, -0.5, 0.3 }.Select(Sigmoid).ToArray(), new[] { 0.8, -0.2 }.Select(Sigmoid).ToArray(), JointWeights);

    [Fact]
    public void RiskGapIdentityDefectReportsAnErrorPlantedInTheDivergence()
    {
        // Divergence + ε enters the teacher risk, the student risk and the misfit once each: defect = ε − (ε − ε) = ε.
        var law = DependentLaw();
        AssertBelow(Math.Abs(RiskGapIdentity.Evaluate(Binary, law).IdentityDefect), 1e-14);
        var planted = RiskGapIdentity.Evaluate(new PlantedErrorGenerator(Binary, divergenceOffset: 1e-3), law);
        Assert.Equal(1e-3, planted.IdentityDefect, 1e-13);
    }

    [Fact]
    public void RiskGapIdentityDefectReportsAnErrorPlantedInTheResidual()
    {
        // The cross term scaled by 1 + ε: defect = −ε·residual (the dependent law's residual is about 0.06, not 0).
        var law = DependentLaw();
        var honest = RiskGapIdentity.Evaluate(Binary, law);
        Assert.True(honest.Residual > 0.01, $"residual {honest.Residual}");
        var planted = RiskGapIdentity.Evaluate(new PlantedErrorGenerator(Binary, remainderScale: 1.01), law);
        Assert.Equal(-0.01 * honest.Residual, planted.IdentityDefect, 1e-14);
    }

    [Fact]
    public void RiskGapIdentityDefectReportsAWrongPosteriorMeanTeacher()
    {
        // Posterior-mean logits shifted by h: the residual E[(logit f̄ − logit f_s)(g − f_s)] grows by h·E(g − f_s),
        // so defect = −h·E(g − f_s). The ensemble law is built with the honest generator; only the evaluation is wrong.
        var teacher = new DiscreteLaw<double>([Sigmoid(2), Sigmoid(-1)], [0.5, 0.5]);
        var law = DualEnsemble.StudentLaw(Binary, 0.7, teacher, 3);
        AssertBelow(Math.Abs(RiskGapIdentity.Evaluate(Binary, law).IdentityDefect), 1e-14);
        const double h = 0.2;
        var planted = RiskGapIdentity.Evaluate(new PlantedErrorGenerator(Binary, dualShift: h), law);
        var meanGap = law.Expectation(d => d.Target - d.Student);
        Assert.True(Math.Abs(meanGap) > 0.01, $"E(g − f_s) = {meanGap}");
        Assert.Equal(-h * meanGap, planted.IdentityDefect, 1e-13);
    }

    [Fact]
    public void BiasVarianceDefectReportsAnErrorPlantedInTheDivergenceOrTheCentre()
    {
        var prediction = new DiscreteLaw<double>([Sigmoid(2), Sigmoid(-1)], [0.5, 0.5]);
        AssertBelow(Math.Abs(BiasVarianceDecomposition.AtDualMean(Binary, 0.7, prediction).Defect), 1e-15);

        // Divergence + ε: bias + variance − expected = ε (fixed target); noise + bias + variance − expected = 2ε.
        var offset = new PlantedErrorGenerator(Binary, divergenceOffset: 1e-3);
        Assert.Equal(1e-3, BiasVarianceDecomposition.AtDualMean(offset, 0.7, prediction).Defect, 1e-14);
        var target = new DiscreteLaw<double>([1.0, 0.0], [0.7, 0.3]);
        Assert.Equal(2e-3, BiasVarianceDecomposition.WithRandomTarget(offset, target, prediction).Defect, 1e-14);

        // A dual mean shifted by h in logit space: centre c = σ(½ + h), defect = −(logit c − E logit Ŷ)(a − c) = −h(a − c).
        const double h = 0.3;
        var shifted = BiasVarianceDecomposition.AtDualMean(new PlantedErrorGenerator(Binary, dualShift: h), 0.7, prediction);
        var c = Sigmoid(0.5 + h);
        Assert.Equal(c, shifted.Centre, 1e-15);
        Assert.Equal(-h * (0.7 - c), shifted.Defect, 1e-14);
    }

    [Fact]
    public void LinearProjectionTermsMatchAMonteCarloEvaluationOnFreshInputs()
    {
        var example = new LinearProjectionExample();
        var fitted = example.FitCoefficients(2_000, new RandomStream(5));
        var terms = example.Terms(fitted);
        Assert.True(Math.Abs(terms.IdentityDefect) < 1e-13, $"defect {terms.IdentityDefect}");

        // Each term as a sample mean over fresh inputs: g = β*ᵀx, f_w = (β* + Δ)ᵀx + κ(x₁² − 1), f_s = β̂ᵀx.
        const int n = 400_000;
        var x = new RandomStream(6).NextGaussianMatrix(n, 5);
        var g = x * example.Truth;
        var fw = x * (example.Truth + example.TeacherShift);
        var fs = x * fitted;
        var values = new double[4][];
        for (var k = 0; k < 4; k++)
        {
            values[k] = new double[n];
        }

        for (var i = 0; i < n; i++)
        {
            var teacher = fw[i] + (example.Curvature * ((x[i, 0] * x[i, 0]) - 1));
            values[0][i] = (teacher - g[i]) * (teacher - g[i]);
            values[1][i] = (fs[i] - g[i]) * (fs[i] - g[i]);
            values[2][i] = (fs[i] - teacher) * (fs[i] - teacher);
            values[3][i] = 2 * (teacher - fs[i]) * (g[i] - fs[i]);
        }

        double[] closed = [terms.TeacherRisk, terms.StudentRisk, terms.Misfit, terms.Residual];
        for (var k = 0; k < 4; k++)
        {
            var mean = values[k].Average();
            var se = Math.Sqrt(values[k].Select(v => (v - mean) * (v - mean)).Sum() / (n - 1) / n);
            Assert.True(Math.Abs(mean - closed[k]) < 4 * se + 1e-12, $"term {k}: Monte Carlo {mean} ± {se}, closed form {closed[k]}");
        }
    }

    [Fact]
    public void LinearProjectionFittedRiskMatchesTheSandwichFormula()
    {
        // 400 independent fits on N = 200 points: mean R(f_s) = ‖Δ‖² + κ²(10 + 2(d − 1))/N = 0.30 + 0.49·18/200 = 0.3441.
        var example = new LinearProjectionExample();
        Assert.Equal(0.49 * 18, example.FitCovarianceTrace, 1e-13);
        var risks = Enumerable.Range(0, 400).Select(t => example.Fit(200, new RandomStream(31, t)).StudentRisk).ToArray();
        var mean = risks.Average();
        var se = Math.Sqrt(risks.Select(r => (r - mean) * (r - mean)).Sum() / (risks.Length - 1) / risks.Length);
        Assert.Equal(0.3441, example.ExpectedFitStudentRisk(200), 1e-12);
        Assert.True(Math.Abs(mean - 0.3441) < 4 * se, $"mean fitted risk {mean} ± {se}, expected 0.3441");
        // Without the 1/N term the mean is many standard errors off: the bias is real.
        Assert.True(mean - 0.30 > 4 * se, $"mean fitted risk {mean} ± {se}");
    }

    [Fact]
    public void LinearProjectionDefectReportsAnErrorPlantedInOneTerm()
    {
        var example = new LinearProjectionExample();
        var fitted = example.FitCoefficients(500, new RandomStream(8));
        var wrong = fitted.Clone();
        wrong[0] += 0.1;
        double teacher = example.TeacherRisk(), student = example.StudentRisk(fitted), misfit = example.Misfit(fitted), residual = example.Residual(fitted);
        AssertBelow(Math.Abs(new RiskGapDecomposition(teacher, student, misfit, residual).IdentityDefect), 1e-14);

        // One term evaluated at the wrong coefficients: the defect is the change of that term (with its sign in ★).
        var e0 = fitted[0] - example.Truth[0];
        var plantedStudent = new RiskGapDecomposition(teacher, example.StudentRisk(wrong), misfit, residual).IdentityDefect;
        Assert.Equal((2 * 0.1 * e0) + 0.01, plantedStudent, 1e-12);
        var plantedMisfit = new RiskGapDecomposition(teacher, student, example.Misfit(wrong), residual).IdentityDefect;
        Assert.Equal((2 * 0.1 * (e0 - example.TeacherShift[0])) + 0.01, plantedMisfit, 1e-12);
        var plantedResidual = new RiskGapDecomposition(teacher, student, misfit, example.Residual(wrong)).IdentityDefect;
        Assert.True(Math.Abs(plantedResidual) > 1e-3, $"planted residual defect {plantedResidual}");

        // The former definition (residual := R(f_s) − R(f_w) + M) would hide the planted student-risk error.
        var hidden = example.StudentRisk(wrong) - teacher + misfit;
        Assert.Equal(0, new RiskGapDecomposition(teacher, example.StudentRisk(wrong), misfit, hidden).IdentityDefect, 1e-15);
    }

    [Fact]
    public void RandomFeatureDefectHasMeanZeroAndDetectsAWrongPosteriorMean()
    {
        // d = 30, N = 10, τ² = 2, p = 60: E[defect | G] = 0 for the true posterior mean ξ_P = P_Xξ. With ξ_P halved the
        // defect is 2δᵀ(½ξ_P − ξ), of mean −E δᵀξ_P = −E‖ξ_P‖² = −Nτ² = −20 (P_Xδ = ξ_P since the student interpolates).
        var example = new RandomFeatureStudentExample(dimension: 30, labelledSamples: 10, teacherNoiseVariance: 2);
        const int draws = 400;
        var honest = new double[draws];
        var planted = new double[draws];
        var conditionalPlanted = new double[draws];
        for (var t = 0; t < draws; t++)
        {
            var (xi, x, delta) = example.Solve(60, new RandomStream(17, t));
            var shift = RandomFeatureStudentExample.PosteriorMeanShift(x, xi);
            honest[t] = RandomFeatureStudentExample.Terms(60, xi, delta, shift, example.UnseenVariance).IdentityDefect;
            var wrong = RandomFeatureStudentExample.Terms(60, xi, delta, 0.5 * shift, example.UnseenVariance);
            planted[t] = wrong.IdentityDefect;
            conditionalPlanted[t] = wrong.ConditionalIdentityDefect;
        }

        static (double Mean, double Se) Summary(double[] v)
        {
            var mean = v.Average();
            return (mean, Math.Sqrt(v.Select(a => (a - mean) * (a - mean)).Sum() / (v.Length - 1) / v.Length));
        }

        var (honestMean, honestSe) = Summary(honest);
        Assert.True(Math.Abs(honestMean) < 4 * honestSe, $"honest mean defect {honestMean} ± {honestSe}");
        var (plantedMean, plantedSe) = Summary(planted);
        Assert.True(Math.Abs(plantedMean + 20) < 4 * plantedSe, $"planted mean defect {plantedMean} ± {plantedSe}, expected −20");
        AssertBelow(plantedMean, -10 * plantedSe);
        // The conditional form is the three-point identity: blind to the posterior mean (documented).
        AssertBelow(conditionalPlanted.Max(Math.Abs), 1e-10);
    }

    [Fact]
    public void RandomFeatureConditionalDefectReportsAnErrorPlantedInOneTerm()
    {
        var example = new RandomFeatureStudentExample(dimension: 30, labelledSamples: 10, teacherNoiseVariance: 2);
        var (xi, x, delta) = example.Solve(40, new RandomStream(3));
        var shift = RandomFeatureStudentExample.PosteriorMeanShift(x, xi);
        var draw = RandomFeatureStudentExample.Terms(40, xi, delta, shift, example.UnseenVariance);
        AssertBelow(Math.Abs(draw.ConditionalIdentityDefect), 1e-10 * (1 + draw.StudentRisk));
        // The student risk evaluated at a perturbed δ (δ + e₁): its change ‖δ + e₁‖² − ‖δ‖² = 2δ₁ + 1 is the defect.
        var moved = delta.Clone();
        moved[0] += 1;
        var other = RandomFeatureStudentExample.Terms(40, xi, moved, shift, example.UnseenVariance);
        var planted = draw with { StudentRisk = other.StudentRisk };
        Assert.Equal((2 * delta[0]) + 1, planted.ConditionalIdentityDefect, 1e-10);
        // A wrong unseen variance in the teacher term only: the defect is minus the error.
        var teacherOnly = draw with { ConditionalTeacherRisk = RandomFeatureStudentExample.Terms(40, xi, delta, shift, example.UnseenVariance + 1).ConditionalTeacherRisk };
        Assert.Equal(-1, teacherOnly.ConditionalIdentityDefect, 1e-10);
    }

    /// <summary>A generator that delegates to <paramref name="inner"/> with one planted error: an offset added to every
    /// divergence, a scale on the three-point remainder, or a shift of the dual average in dual coordinates.</summary>
    private sealed class PlantedErrorGenerator(BregmanGenerator<double> inner, double divergenceOffset = 0, double remainderScale = 1, double dualShift = 0) : BregmanGenerator<double>
    {
        public override string Name => "planted error around " + inner.Name;

        public override double Potential(double point) => inner.Potential(point);

        public override double Gradient(double point) => inner.Gradient(point);

        public override double InverseGradient(double dual) => inner.InverseGradient(dual);

        public override double Divergence(double target, double prediction) => inner.Divergence(target, prediction) + divergenceOffset;

        public override double ThreePointRemainder(double a, double c, double b) => remainderScale * inner.ThreePointRemainder(a, c, b);

        internal override double DualAverage(IReadOnlyList<double> points, IReadOnlyList<double> weights) =>
            inner.InverseGradient(inner.Gradient(inner.DualAverage(points, weights)) + dualShift);

        internal override double PrimalAverage(IReadOnlyList<double> points, IReadOnlyList<double> weights) => inner.PrimalAverage(points, weights);

        internal override void ValidateClosed(double point, string name) => inner.ValidateClosed(point, name);

        internal override void ValidateInterior(double point, string name) => inner.ValidateInterior(point, name);

        internal override bool SamePoint(double a, double b) => inner.SamePoint(a, b);
    }
}
