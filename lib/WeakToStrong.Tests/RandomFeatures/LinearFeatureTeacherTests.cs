using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.RandomFeatures;

public sealed class LinearFeatureTeacherTests
{
    [Fact]
    public void PowerLawSpectrumIsNormalisedAtTheTarget()
    {
        var spectrum = LinearFeatureTeacher.PowerLawSpectrum(5, 1.5);
        Assert.Equal(new[] { 1.0, Math.Pow(2, -1.5), Math.Pow(3, -1.5), 0.125, Math.Pow(5, -1.5) }, spectrum);
    }

    [Fact]
    public void TeacherIsTheLeastSquaresProjectionOfTheTarget()
    {
        // Independent route: normal equations in whitened coordinates, B = diag(√λ)Wᵀ, c = (BᵀB)⁻¹Bᵀe_1, f_TE = Bc.
        var lambda = LinearFeatureTeacher.PowerLawSpectrum(60, 1.1);
        var w = LinearFeatureTeacher.SampleWeights(60, 12, new RandomStream(3));
        var teacher = new LinearFeatureTeacher(lambda, w);
        var b = w.Transpose();
        for (var k = 0; k < 60; k++)
        {
            b.SetRow(k, b.Row(k) * Math.Sqrt(lambda[k]));
        }

        var e1 = Vector<double>.Build.Dense(60, k => k == 0 ? 1.0 : 0.0);
        var c = (b.TransposeThisAndMultiply(b)).Solve(b.TransposeThisAndMultiply(e1));
        var f = b * c;
        for (var k = 0; k < 60; k++)
        {
            Assert.Equal(f[k], teacher.TeacherCoefficients[k], 1e-12);
        }

        var error = f - e1;
        Assert.Equal(error.DotProduct(error), teacher.Loss, 1e-12);
        Assert.Equal(1 - teacher.Loss, teacher.TeacherCoefficients[0], 1e-14); // projection: (f_TE)_1 = ‖f_TE‖² = 1 − L_TE
    }

    [Fact]
    public void StudentLimitsAndQuadraticBound()
    {
        var lambda = LinearFeatureTeacher.PowerLawSpectrum(400, 1.5);
        foreach (var m in new[] { 8, 32, 128 })
        {
            var teacher = LinearFeatureTeacher.Sample(lambda, m, new RandomStream(m));
            var student = teacher.InfiniteWidthStudent();
            Assert.Equal(1.0, student.Loss(0), 1e-14);
            Assert.Equal(teacher.Loss, student.Loss(double.PositiveInfinity), 1e-14);
            Assert.Equal(1.0, student.ReferenceEigenvalue);
            var best = student.OracleStop();
            Assert.True(best.IsInteriorOptimum);
            AssertBelow(best.LossRatio, 1);
            Assert.True(best.StudentLoss >= teacher.Loss * teacher.Loss * (1 - 1e-12));
            // Independent evaluation of L_ST(t) = Σ_k ((1 − e^(−λ_k t))(f_TE)_k − δ_k1)² at the optimum.
            var direct = 0.0;
            for (var k = 0; k < 400; k++)
            {
                var term = (1 - Math.Exp(-lambda[k] * best.OptimalTime)) * teacher.TeacherCoefficients[k] - (k == 0 ? 1 : 0);
                direct += term * term;
            }

            Assert.Equal(direct, best.StudentLoss, 1e-12 * Math.Max(1, direct / 1e-4));
        }
    }

    [Fact]
    public void RejectsBadInput()
    {
        var lambda = LinearFeatureTeacher.PowerLawSpectrum(10, 2);
        var wide = Assert.Throws<ArgumentOutOfRangeException>(() => LinearFeatureTeacher.Sample(lambda, 10, new RandomStream(0)));
        Assert.Equal("weights", wide.ParamName);
        Assert.Contains("< D = 10", wide.Message);
        Assert.Equal("eigenvalues", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new LinearFeatureTeacher(new[] { 1.0, 0.0, 0.5 }, Matrix<double>.Build.Dense(1, 3, 1.0))).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() =>
            new LinearFeatureTeacher(lambda, Matrix<double>.Build.Dense(2, 9, 1.0))).ParamName);
        var dependent = Matrix<double>.Build.DenseOfRowArrays(
            Enumerable.Range(0, 10).Select(k => (double)k).ToArray(),
            Enumerable.Range(0, 10).Select(k => 2.0 * k).ToArray());
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => new LinearFeatureTeacher(lambda, dependent)).ParamName);
        Assert.Equal("exponent", Assert.Throws<ArgumentOutOfRangeException>(() => LinearFeatureTeacher.PowerLawSpectrum(10, -1)).ParamName);
        Assert.Equal("inputDimension", Assert.Throws<ArgumentOutOfRangeException>(() => LinearFeatureTeacher.PowerLawSpectrum(1, 1)).ParamName);
    }
}
