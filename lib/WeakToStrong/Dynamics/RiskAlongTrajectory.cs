using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Dynamics;

/// <summary>
/// R(w₀ + U r) for many displacement vectors r (U the flow's eigenbasis), precomputed for one (flow, risk) pair,
/// choosing the cheapest exact form:
/// <list type="number">
/// <item>M equals the flow's curvature A: R = Σ_k λ_k (z_k + r_k)² + R_min with z = Uᵀ(w₀ − w°). O(d²) set-up.</item>
/// <item>UᵀMU is diagonal (M commutes with A), D = diag(UᵀMU): R = Σ_k D_k (z_k + r_k)² + R_min. O(d³) set-up.</item>
/// <item>Otherwise, with M = FᵀF: R = ‖h + C r‖² + R_min, h = F(w₀ − w°), C = FU. O(d³) set-up, O(rank(M)·d) per r.</item>
/// </list>
/// All three are sums of non-negative terms.
/// </summary>
internal sealed class RiskAlongTrajectory
{
    private const int BlockSize = 256;
    private readonly double _floor;
    private readonly double[]? _diagonal;
    private readonly double[]? _centre;
    private readonly Matrix<double>? _coupling;
    private readonly Vector<double>? _offset;

    public RiskAlongTrajectory(GradientFlow flow, QuadraticRisk risk)
    {
        Guard.NotNull(risk);
        if (risk.Dimension != flow.Dimension)
        {
            throw new ArgumentException($"risk has dimension {risk.Dimension}; expected {flow.Dimension} to match the flow's dimension.", nameof(risk));
        }

        _floor = risk.Floor;
        var basis = flow.Basis;
        var displacement = flow.Initial - risk.MinimiserView;
        if (risk.MetricView.Equals(flow.Curvature))
        {
            _diagonal = flow.Eigenvalues.ToArray();
            _centre = basis.TransposeThisAndMultiply(displacement).ToArray();
            return;
        }

        var projected = basis.TransposeThisAndMultiply(risk.MetricView * basis);
        var d = projected.RowCount;
        var largestDiagonal = 0.0;
        var largestOffDiagonal = 0.0;
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < d; i++)
            {
                if (i == j)
                {
                    largestDiagonal = Math.Max(largestDiagonal, Math.Abs(projected[i, i]));
                }
                else
                {
                    largestOffDiagonal = Math.Max(largestOffDiagonal, Math.Abs(projected[i, j]));
                }
            }
        }

        if (largestOffDiagonal <= 1e-12 * largestDiagonal)
        {
            var threshold = 10 * d * LinearAlgebra.ThinSvd.MachineEpsilon * largestDiagonal;
            var diagonal = new double[d];
            for (var k = 0; k < d; k++)
            {
                var value = projected[k, k];
                if (value < -threshold)
                {
                    throw new ArgumentException(
                        $"metric is not positive semidefinite: u_{k}ᵀ M u_{k} = {value.ToString("G6", CultureInfo.InvariantCulture)} < 0 for an eigenvector of the flow (largest {largestDiagonal.ToString("G6", CultureInfo.InvariantCulture)}); expected a positive semidefinite metric.",
                        "metric");
                }

                diagonal[k] = Math.Max(value, 0.0);
            }

            _diagonal = diagonal;
            _centre = basis.TransposeThisAndMultiply(displacement).ToArray();
            return;
        }

        var factor = risk.Factor;
        _coupling = factor * basis;
        _offset = factor * displacement;
    }

    public double Evaluate(Vector<double> displacement)
    {
        if (_diagonal is not null)
        {
            var sum = 0.0;
            for (var k = 0; k < _diagonal.Length; k++)
            {
                var e = _centre![k] + displacement[k];
                sum += _diagonal[k] * e * e;
            }

            return sum + _floor;
        }

        var residual = _offset! + (_coupling! * displacement);
        return residual.DotProduct(residual) + _floor;
    }

    public double[] Evaluate(IReadOnlyList<Vector<double>> displacements)
    {
        var result = new double[displacements.Count];
        if (_diagonal is not null)
        {
            for (var j = 0; j < result.Length; j++)
            {
                result[j] = Evaluate(displacements[j]);
            }

            return result;
        }

        for (var start = 0; start < result.Length; start += BlockSize)
        {
            var count = Math.Min(BlockSize, result.Length - start);
            var block = Matrix<double>.Build.Dense(_coupling!.ColumnCount, count);
            for (var j = 0; j < count; j++)
            {
                block.SetColumn(j, displacements[start + j]);
            }

            var residuals = _coupling * block;
            for (var j = 0; j < count; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < residuals.RowCount; i++)
                {
                    var e = residuals[i, j] + _offset![i];
                    sum += e * e;
                }

                result[start + j] = sum + _floor;
            }
        }

        return result;
    }
}
