using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;
using Simd = System.Numerics;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The eigenvalues γ_j of a symmetric matrix A = Σ_j γ_j v_j v_jᵀ and the coordinates v_jᵀx of a few given vectors x in
/// its eigenbasis, without forming the eigenvectors: Householder reduction to tridiagonal form T = QᵀAQ (the reflectors
/// applied to the vectors as they are built), then implicit QL iterations with Wilkinson-type shifts on T whose plane
/// rotations are applied to the vectors only (Numerical Recipes' tred2/tqli without eigenvector accumulation). Cost:
/// about (4/3)n³ flops for the reduction, O(n²) for the rest, against about 9n³ for a full eigendecomposition. Every
/// quantity of the form Σ_j f(γ_j)(v_jᵀx)(v_jᵀy) = xᵀf(A)y is then exact up to rounding, whatever the signs or the
/// basis chosen inside a repeated eigenvalue.
/// </summary>
internal sealed class SpectralCoordinates
{
    private SpectralCoordinates(double[] eigenvalues, double[][] coordinates)
    {
        Eigenvalues = eigenvalues;
        Coordinates = coordinates;
    }

    /// <summary>γ_j (not sorted).</summary>
    public double[] Eigenvalues { get; }

    /// <summary>Coordinates[v][j] = v_jᵀ x_v for each input vector x_v.</summary>
    public double[][] Coordinates { get; }

    /// <summary>Eigenvalues of A (symmetric, n × n) and the coordinates of each vector in its eigenbasis.</summary>
    /// <param name="matrix">A, symmetric (only its lower triangle is read).</param>
    /// <param name="vectors">Vectors x of length n.</param>
    public static SpectralCoordinates Of(Matrix<double> matrix, params MathNet.Numerics.LinearAlgebra.Vector<double>[] vectors)
    {
        Guard.Square(matrix);
        var n = matrix.RowCount;
        foreach (var v in vectors)
        {
            Guard.Length(v, n, "matrix.RowCount", nameof(vectors));
        }

        // Lower triangle, row-major: row i holds a[i][0..i].
        var a = new double[n][];
        for (var i = 0; i < n; i++)
        {
            a[i] = new double[i + 1];
            for (var k = 0; k <= i; k++)
            {
                a[i][k] = matrix.At(i, k);
            }
        }

        var x = vectors.Select(v => v.ToArray()).ToArray();
        var d = new double[n];
        var e = new double[n];
        Tridiagonalize(a, d, e, x);
        TridiagonalQl(d, e, x);
        return new SpectralCoordinates(d, x);
    }

    /// <summary>
    /// Householder reduction of the lower triangle to tridiagonal form (d, e), applying each reflector to the vectors.
    /// The rank-2 update of step i and the symmetric matrix–vector product of step i − 1 share one pass over the
    /// triangle (rows are updated from the last to the first, and the next reflector is read from the first row that
    /// is final), which halves the memory traffic of this memory-bound reduction.
    /// </summary>
    private static void Tridiagonalize(double[][] a, double[] d, double[] e, double[][] vectors)
    {
        var n = a.Length;
        var p = new double[n];
        var q = new double[n];
        var i = n - 1;
        var h = 0.0;
        var active = i > 0 && Prepare(a, i, e, out h);
        if (active)
        {
            MatrixVector(a, i - 1, a[i], p);
        }

        for (; i > 0; i--)
        {
            var l = i - 1;
            if (!active)
            {
                // No reflector at step i: the block is unchanged; set up step i − 1 on its own.
                if (l > 0)
                {
                    active = Prepare(a, l, e, out h);
                    if (active)
                    {
                        MatrixVector(a, l - 1, a[l], p);
                    }
                }

                continue;
            }

            var u = a[i].AsSpan(0, l + 1);
            var kappa = 0.0;
            for (var j = 0; j <= l; j++)
            {
                p[j] /= h;
                kappa += p[j] * u[j];
            }

            kappa /= h + h;
            for (var j = 0; j <= l; j++)
            {
                q[j] = p[j] - (kappa * u[j]);
            }

            foreach (var x in vectors)
            {
                var s = Dot(u, x.AsSpan(0, l + 1)) / h;
                AddScaled(x.AsSpan(0, l + 1), u, -s);
            }

            // A ← A − u qᵀ − q uᵀ on rows l, l − 1, …, 0; row l is then final and gives the next reflector.
            UpdateRow(a[l].AsSpan(0, l + 1), u, q.AsSpan(0, l + 1), u[l], q[l]);
            var nextH = 0.0;
            var nextActive = l > 0 && Prepare(a, l, e, out nextH);
            if (nextActive)
            {
                var next = a[l].AsSpan(0, l);
                Array.Clear(p, 0, l);
                for (var j = l - 1; j >= 0; j--)
                {
                    var row = a[j].AsSpan(0, j + 1);
                    UpdateRow(row, u[..(j + 1)], q.AsSpan(0, j + 1), u[j], q[j]);
                    p[j] += Dot(row[..j], next[..j]) + (row[j] * next[j]);
                    AddScaled(p.AsSpan(0, j), row[..j], next[j]);
                }
            }
            else
            {
                for (var j = l - 1; j >= 0; j--)
                {
                    UpdateRow(a[j].AsSpan(0, j + 1), u[..(j + 1)], q.AsSpan(0, j + 1), u[j], q[j]);
                }
            }

            active = nextActive;
            h = nextH;
        }

        e[0] = 0.0;
        for (var k = 0; k < n; k++)
        {
            d[k] = a[k][k];
        }
    }

    /// <summary>
    /// Sets up the reflector of step i from the (final) row i: e[i] is the sub-diagonal entry; returns false when no
    /// reflection is needed (a 1-entry row or a zero row), otherwise overwrites row i with u (P = I − uuᵀ/h).
    /// </summary>
    private static bool Prepare(double[][] a, int i, double[] e, out double h)
    {
        var l = i - 1;
        var row = a[i];
        h = 0.0;
        if (l == 0)
        {
            e[i] = row[0];
            return false;
        }

        var scale = 0.0;
        for (var k = 0; k <= l; k++)
        {
            scale += Math.Abs(row[k]);
        }

        if (scale == 0.0)
        {
            e[i] = row[l];
            return false;
        }

        for (var k = 0; k <= l; k++)
        {
            row[k] /= scale;
            h += row[k] * row[k];
        }

        var f = row[l];
        var g = f >= 0 ? -Math.Sqrt(h) : Math.Sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        row[l] = f - g;
        return true;
    }

    /// <summary>p = A_(0..last) u by one pass over the lower triangle (p cleared first).</summary>
    private static void MatrixVector(double[][] a, int last, double[] u, double[] p)
    {
        Array.Clear(p, 0, last + 1);
        for (var j = 0; j <= last; j++)
        {
            var row = a[j].AsSpan(0, j + 1);
            p[j] += Dot(row[..j], u.AsSpan(0, j)) + (row[j] * u[j]);
            AddScaled(p.AsSpan(0, j), row[..j], u[j]);
        }
    }

    /// <summary>row_k −= u_j q_k + q_j u_k for k ≤ j (row j of the lower triangle).</summary>
    private static void UpdateRow(Span<double> row, ReadOnlySpan<double> u, ReadOnlySpan<double> q, double uj, double qj)
    {
        AddScaled(row, u, -qj);
        AddScaled(row, q, -uj);
    }

    private static void TridiagonalQl(double[] d, double[] e, double[][] vectors)
    {
        var n = d.Length;
        for (var i = 1; i < n; i++)
        {
            e[i - 1] = e[i];
        }

        if (n > 0)
        {
            e[n - 1] = 0.0;
        }

        for (var l = 0; l < n; l++)
        {
            var iterations = 0;
            int m;
            do
            {
                for (m = l; m < n - 1; m++)
                {
                    var dd = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(e[m]) <= double.Epsilon || Math.Abs(e[m]) <= 2.220446049250313e-16 * dd)
                    {
                        break;
                    }
                }

                if (m == l)
                {
                    continue;
                }

                if (iterations++ == 60)
                {
                    throw new InvalidOperationException("The tridiagonal QL iteration did not converge in 60 sweeps.");
                }

                var g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                var r = Hypot(g, 1.0);
                g = d[m] - d[l] + (e[l] / (g + (g >= 0 ? Math.Abs(r) : -Math.Abs(r))));
                double s = 1.0, c = 1.0, p = 0.0;
                var i = m - 1;
                var deflated = false;
                for (; i >= l; i--)
                {
                    var f = s * e[i];
                    var b = c * e[i];
                    e[i + 1] = r = Hypot(f, g);
                    if (r == 0.0)
                    {
                        d[i + 1] -= p;
                        e[m] = 0.0;
                        deflated = true;
                        break;
                    }

                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = ((d[i] - g) * s) + (2.0 * c * b);
                    p = s * r;
                    d[i + 1] = g + p;
                    g = (c * r) - b;
                    foreach (var x in vectors)
                    {
                        var t = x[i + 1];
                        x[i + 1] = (s * x[i]) + (c * t);
                        x[i] = (c * x[i]) - (s * t);
                    }
                }

                if (deflated)
                {
                    continue;
                }

                d[l] -= p;
                e[l] = g;
                e[m] = 0.0;
            }
            while (m != l);
        }
    }

    private static double Hypot(double a, double b)
    {
        var absA = Math.Abs(a);
        var absB = Math.Abs(b);
        if (absA > absB)
        {
            var ratio = absB / absA;
            return absA * Math.Sqrt(1.0 + (ratio * ratio));
        }

        if (absB == 0.0)
        {
            return 0.0;
        }

        var r2 = absA / absB;
        return absB * Math.Sqrt(1.0 + (r2 * r2));
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var lanes = Simd.Vector<double>.Count;
        var sum = Simd.Vector<double>.Zero;
        var j = 0;
        for (; j <= a.Length - lanes; j += lanes)
        {
            sum += new Simd.Vector<double>(a[j..]) * new Simd.Vector<double>(b[j..]);
        }

        var total = Simd.Vector.Sum(sum);
        for (; j < a.Length; j++)
        {
            total += a[j] * b[j];
        }

        return total;
    }

    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        var lanes = Simd.Vector<double>.Count;
        var scale = new Simd.Vector<double>(factor);
        var j = 0;
        for (; j <= source.Length - lanes; j += lanes)
        {
            (new Simd.Vector<double>(target[j..]) + (scale * new Simd.Vector<double>(source[j..]))).CopyTo(target[j..]);
        }

        for (; j < source.Length; j++)
        {
            target[j] += factor * source[j];
        }
    }
}
