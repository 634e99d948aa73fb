using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class ReluTeacherTests
{
    [Fact]
    public void SingleUnitHasTheHandComputedLoss()
    {
        // One unit w: a = b/G_11 with b = w_1/(2√d), G_11 = 1/(2d), so L_TE = 1 − b²/G_11 = 1 − w_1²/2.
        const int d = 4;
        var w = Matrix<double>.Build.DenseOfRowArrays(new[] { 0.6, 0.0, 0.8, 0.0 });
        var teacher = new ReluTeacher(w);
        Assert.Equal(1 - 0.36 / 2, teacher.Loss, 1e-15);
        Assert.Equal(0.6 * Math.Sqrt(d), teacher.OutputWeights[0], 1e-14);
    }

    [Fact]
    public void AntipodalPairSpansTheLinearFeature()
    {
        // relu(w·x) − relu(−w·x) = w·x and relu(w·x) + relu(−w·x) = |w·x| (even, ⟂ f*), so the teacher is the projection of
        // √d x_1 onto w·x: L_TE = 1 − w_1² = sin²θ for w = (cos θ, sin θ, 0).
        var theta = 0.3;
        var w = Matrix<double>.Build.DenseOfRowArrays(
            new[] { Math.Cos(theta), Math.Sin(theta), 0.0 },
            new[] { -Math.Cos(theta), -Math.Sin(theta), 0.0 });
        var teacher = new ReluTeacher(w);
        Assert.Equal(Math.Sin(theta) * Math.Sin(theta), teacher.Loss, 1e-14);
        Assert.Equal(1 - teacher.Loss, teacher.TargetCoefficient, 1e-14);
        // Its linear part v = Wᵀa/2 is the whole teacher's odd part: p_1 = ‖v‖²/d − c_1², with ‖f_TE‖² = 1 − L_TE.
        Assert.Equal(teacher.TargetCoefficient * Math.Tan(theta), teacher.LinearPart[1] / Math.Sqrt(3), 1e-13);
    }

    [Theory]
    [InlineData(3, 40, 1)]
    [InlineData(10, 50, 2)]
    [InlineData(10, 200, 3)]
    [InlineData(20, 400, 4)]
    public void DegreeMassesAddUpToTheTeachersNorm(int d, int m, int seed)
    {
        var teacher = ReluTeacher.Sample(d, m, new RandomStream(seed));
        var a = teacher.OutputWeights;
        var normSquared = a.DotProduct(teacher.Gram * a); // ‖f_TE‖² = aᵀGa, = bᵀa = 1 − L_TE for the projection
        Assert.Equal(1 - teacher.Loss, normSquared, 1e-12);
        Assert.Equal(1 - teacher.Loss, teacher.TargetCoefficient, 1e-13);
        var sum = teacher.DegreeMasses.Sum();
        Assert.True(Math.Abs(normSquared - sum) < 1e-5, $"Σ m_k = {sum:R} vs ‖f_TE‖² = {normSquared:R}");
        Assert.Equal(1 - teacher.Loss - sum, teacher.TailMass, 1e-15);
        for (var k = 0; k <= teacher.MaxDegree; k++)
        {
            Assert.True(teacher.DegreeMasses[k] >= 0, $"m_{k} = {teacher.DegreeMasses[k]:R}");
            if (k >= 3 && k % 2 == 1)
            {
                Assert.Equal(0.0, teacher.DegreeMasses[k]);
            }
        }

        Assert.Equal(teacher.TargetCoefficient * teacher.TargetCoefficient + teacher.OrthogonalLinearMass, teacher.DegreeMasses[1], 1e-15);
    }

    [Theory]
    [InlineData(5, 12, 3)]
    [InlineData(10, 64, 8)]
    public void DegreeErrorsAreTheTeachersErrorPerDegreeAndAddUpToItsLoss(int d, int m, int seed)
    {
        var teacher = ReluTeacher.Sample(d, m, new RandomStream(seed));
        var errors = teacher.DegreeErrors;

        // Degree 1 independently: [e]_1(x) = (v − √d e_1)·x with v = Wᵀa/2, and E_x[(u·x)²] = ‖u‖²/d on the sphere.
        var v = teacher.Weights.TransposeThisAndMultiply(teacher.OutputWeights) / 2.0;
        v[0] -= Math.Sqrt(d);
        Assert.Equal(v.DotProduct(v) / d, errors[1], 1e-13);

        // Other degrees: f* has no degree-k part, so the error there is the teacher's own mass.
        for (var k = 0; k <= teacher.MaxDegree; k++)
        {
            if (k != 1)
            {
                Assert.Equal(Math.Max(0.0, teacher.DegreeMasses[k]), errors[k]);
            }
        }

        // ‖e‖² = L_TE = 1 − bᵀG⁻¹b, from a fresh solve of the exact Gram system.
        var gram = ArcCosineKernel.Gram(teacher.Weights);
        var b = teacher.Weights.Column(0) / (2 * Math.Sqrt(d));
        var loss = 1 - b.DotProduct(gram.Cholesky().Solve(b));
        Assert.Equal(loss, errors.Sum() + teacher.TailMass, 1e-10);
    }

    [Fact]
    public void HigherTruncationShrinksTheTail()
    {
        var w = ReluTeacher.SampleWeights(10, 60, new RandomStream(8));
        var coarse = new ReluTeacher(w, 60);
        var fine = new ReluTeacher(w, 300);
        Assert.True(Math.Abs(fine.TailMass) < Math.Abs(coarse.TailMass) / 10,
            $"tail at K = 300: {fine.TailMass:R}, at K = 60: {coarse.TailMass:R}");
        for (var k = 0; k <= 60; k++)
        {
            Assert.Equal(coarse.DegreeMasses[k], fine.DegreeMasses[k], 1e-14);
        }
    }

    [Fact]
    public void DegreeMassesMatchAnIndependentHarmonicExpansion()
    {
        // m_k = μ_k² N_k Σ_ij a_i a_j P_k(w_i·w_j) with P_k from the explicit Gegenbauer sum.
        const int d = 5;
        var teacher = ReluTeacher.Sample(d, 12, new RandomStream(21));
        var w = teacher.Weights;
        var a = teacher.OutputWeights;
        for (var k = 0; k <= 8; k++)
        {
            var form = 0.0;
            for (var i = 0; i < 12; i++)
            {
                for (var j = 0; j < 12; j++)
                {
                    form += a[i] * a[j] * IndependentFormulas.NormalisedGegenbauer(k, d, Math.Clamp(w.Row(i).DotProduct(w.Row(j)), -1, 1));
                }
            }

            var mu = ReluSphereSpectrum.FunkHeckeCoefficient(k, d);
            var expected = mu * mu * ReluSphereSpectrum.Multiplicity(k, d) * form;
            Assert.Equal(expected, teacher.DegreeMasses[k], 1e-12 * (1 + Math.Abs(form)));
        }
    }

    [Fact]
    public void MoreUnitsNeverIncreaseTheLoss()
    {
        // Nested spans: the projection onto a larger span is at least as good.
        var w = ReluTeacher.SampleWeights(10, 120, new RandomStream(5));
        var losses = new[] { 15, 30, 60, 120 }.Select(m => new ReluTeacher(w.SubMatrix(0, m, 0, 10)).Loss).ToArray();
        for (var i = 1; i < losses.Length; i++)
        {
            Assert.True(losses[i] < losses[i - 1], $"L_TE({i}) = {losses[i]:R} not below {losses[i - 1]:R}");
        }

        Assert.InRange(losses[0], 0.0, 1.0);
    }

    [Fact]
    public void SamplingIsReproducibleAndOnTheSphere()
    {
        var first = ReluTeacher.SampleWeights(7, 30, new RandomStream(42));
        var second = ReluTeacher.SampleWeights(7, 30, new RandomStream(42));
        var other = ReluTeacher.SampleWeights(7, 30, new RandomStream(43));
        Assert.Equal(first.ToColumnMajorArray(), second.ToColumnMajorArray());
        Assert.NotEqual(first.ToColumnMajorArray(), other.ToColumnMajorArray());
        foreach (var norm in first.RowNorms(2))
        {
            Assert.Equal(1.0, norm, 1e-15);
        }

        Assert.Equal(ReluTeacher.Sample(7, 30, new RandomStream(42)).Loss, new ReluTeacher(first).Loss);
    }

    [Fact]
    public void RejectsBadWeights()
    {
        var notUnit = Matrix<double>.Build.DenseOfRowArrays(new[] { 1.0, 0, 0 }, new[] { 0.0, 2.0, 0 });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReluTeacher(notUnit));
        Assert.Equal("weights", e.ParamName);
        Assert.Contains("unit sphere", e.Message);

        var withNaN = Matrix<double>.Build.DenseOfRowArrays(new[] { double.NaN, 0, 0 });
        Assert.Equal("weights", Assert.Throws<ArgumentOutOfRangeException>(() => new ReluTeacher(withNaN)).ParamName);

        var oneDimensional = Matrix<double>.Build.DenseOfRowArrays(new[] { 1.0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReluTeacher(oneDimensional));

        var duplicate = Matrix<double>.Build.DenseOfRowArrays(new[] { 0.6, 0.8, 0 }, new[] { 0.0, 0, 1.0 }, new[] { 0.6, 0.8, 0 });
        var dup = Assert.Throws<ArgumentException>(() => new ReluTeacher(duplicate));
        Assert.Equal("weights", dup.ParamName);
        Assert.Contains("rows 0 and 2", dup.Message);

        Assert.Equal("maxDegree", Assert.Throws<ArgumentOutOfRangeException>(() => new ReluTeacher(ReluTeacher.SampleWeights(3, 2, new RandomStream(0)), 0)).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => ReluTeacher.Sample(1, 5, new RandomStream(0))).ParamName);
        var width = Assert.Throws<ArgumentOutOfRangeException>(() => ReluTeacher.Sample(3, 0, new RandomStream(0)));
        Assert.Equal("width", width.ParamName);
        Assert.Contains(">= 1", width.Message);
    }
}
