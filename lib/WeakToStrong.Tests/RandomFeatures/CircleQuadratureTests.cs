using WeakToStrong.RandomFeatures;
using WeakToStrong.Randomness;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.RandomFeatures;

/// <summary>
/// An independent computation of the infinite-width student's loss L_ST(t) (the closed form of
/// <c>ReluTeacher.InfiniteWidthStudent()</c>) that uses neither the
/// Funk–Hecke coefficients nor the Legendre recurrence: on the circle (d = 2) the kernel operator
/// (Kf)(φ) = E_φ'[k1(cos(φ − φ'))/2 · f(φ')] is discretised on N equispaced angles, where it is a circulant matrix;
/// its eigenvalues are the DFT of its first row and its eigenvectors the Fourier modes. Then
/// f_ST,t = (I − e^(−tK)) f_TE is formed mode by mode and L_ST = mean over the grid of (f_ST,t − f*)², f* = √2 cos φ.
/// The quadrature error decays algebraically in N (the ReLU kink); it is estimated by the change from N to 2N.
/// </summary>
public sealed class CircleQuadratureTests
{
    /// <summary>The circulant discretisation on N angles: returns L_ST(t) as a function of t.</summary>
    private static Func<double, double> QuadratureLoss(ReluTeacher teacher, int n)
    {
        var w = teacher.Weights;
        var a = teacher.OutputWeights;
        var angles = Enumerable.Range(0, n).Select(i => 2 * Math.PI * i / n).ToArray();
        var fTe = angles.Select(p => Enumerable.Range(0, a.Count).Sum(m => a[m] * Math.Max(0, Math.Cos(p) * w[m, 0] + Math.Sin(p) * w[m, 1]))).ToArray();
        var fStar = angles.Select(p => Math.Sqrt(2) * Math.Cos(p)).ToArray();
        var row = angles.Select(p => ArcCosineKernel.K1(Math.Cos(p)) / 2 / n).ToArray();
        var cos = angles.Select(Math.Cos).ToArray();
        var sin = angles.Select(Math.Sin).ToArray();
        var eigenvalues = new double[n];
        var teacherRe = new double[n];
        var teacherIm = new double[n];
        var targetRe = new double[n];
        var targetIm = new double[n];
        for (var k = 0; k < n; k++)
        {
            for (var j = 0; j < n; j++)
            {
                var index = (int)((long)j * k % n);
                eigenvalues[k] += row[j] * cos[index];
                teacherRe[k] += fTe[j] * cos[index];
                teacherIm[k] -= fTe[j] * sin[index];
                targetRe[k] += fStar[j] * cos[index];
                targetIm[k] -= fStar[j] * sin[index];
            }
        }

        return time =>
        {
            var loss = 0.0;
            for (var k = 0; k < n; k++)
            {
                var g = 1 - Math.Exp(-Math.Max(eigenvalues[k], 0) * time);
                var re = g * teacherRe[k] - targetRe[k];
                var im = g * teacherIm[k] - targetIm[k];
                loss += re * re + im * im;
            }

            return loss / ((double)n * n); // Parseval: (1/N) Σ_i e_i² = (1/N²) Σ_k |ê_k|²
        };
    }

    [Theory]
    [InlineData(6, 0)]
    [InlineData(12, 1)]
    public void HarmonicFormulaMatchesTheCirculantDiscretisation(int width, int seed)
    {
        var teacher = ReluTeacher.Sample(2, width, new RandomStream(seed), maxDegree: 400);
        var student = teacher.InfiniteWidthStudent();
        var coarseLoss = QuadratureLoss(teacher, 1024);
        var fineLoss = QuadratureLoss(teacher, 2048);
        foreach (var scaled in new[] { 0.1, 1.0, 5.0, 30.0, 1e3 })
        {
            var t = scaled / student.ReferenceEigenvalue;
            var coarse = coarseLoss(t);
            var fine = fineLoss(t);
            var tolerance = 4 * Math.Abs(fine - coarse) + 1e-13;
            Assert.True(Math.Abs(student.Loss(t) - fine) <= tolerance,
                $"t·λ_1 = {scaled}: harmonic {student.Loss(t):E10}, quadrature {fine:E10} (N = 1024: {coarse:E10})");
        }

        // The oracle optimum of the harmonic formula is also the optimum of the independent curve (to its resolution).
        var stop = student.OracleStop(gridPoints: 400);
        AssertBelow(fineLoss(stop.OptimalTime), fineLoss(2 * stop.OptimalTime));
        AssertBelow(fineLoss(stop.OptimalTime), fineLoss(stop.OptimalTime / 2));
    }
}
