using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;

namespace WeakToStrong.Dynamics;

/// <summary>
/// R(w₀ + U r) for many displacement vectors r, precomputed for one (flow, risk) pair:
/// R = ‖h + C r‖² + R_min with h = F(w₀ − w°), C = FU. When CᵀC is diagonal (D), h is split as h = Cz + h⊥
/// and R = ‖h⊥‖² + Σ_k D_k (z_k + r_k)² + R_min, which costs O(d) per evaluation.
/// </summary>
internal sealed class RiskAlongTrajectory
{
    private const int BlockSize = 256;
    private readonly Matrix<double> _coupling;
    private readonly Vector<double> _offset;
    private readonly double _floor;
    private readonly double[]? _diagonal;
    private readonly double[]? _centre;
    private readonly double _orthogonalPart;

    public RiskAlongTrajectory(GradientFlow flow, QuadraticRisk risk)
    {
        Guard.NotNull(risk);
        if (risk.Dimension != flow.Dimension)
        {
            throw new ArgumentException($"risk has dimension {risk.Dimension}; expected {flow.Dimension} to match the flow's dimension.", nameof(risk));
        }

        _coupling = risk.Factor * flow.Basis;
        _offset = risk.Factor * (flow.Initial - risk.Minimiser);
        _floor = risk.Floor;
        var gram = _coupling.TransposeThisAndMultiply(_coupling);
        var d = gram.RowCount;
        var largestDiagonal = 0.0;
        for (var k = 0; k < d; k++)
        {
            largestDiagonal = Math.Max(largestDiagonal, gram[k, k]);
        }

        var largestOffDiagonal = 0.0;
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < d; i++)
            {
                if (i != j)
                {
                    largestOffDiagonal = Math.Max(largestOffDiagonal, Math.Abs(gram[i, j]));
                }
            }
        }

        if (largestOffDiagonal <= 1e-12 * largestDiagonal)
        {
            var diagonal = new double[d];
            var centre = new double[d];
            var projected = _coupling.TransposeThisAndMultiply(_offset);
            var cutoff = 1e-14 * largestDiagonal;
            for (var k = 0; k < d; k++)
            {
                if (gram[k, k] > cutoff)
                {
                    diagonal[k] = gram[k, k];
                    centre[k] = projected[k] / gram[k, k];
                }
            }

            var orthogonal = _offset - (_coupling * Vector<double>.Build.Dense(centre));
            _diagonal = diagonal;
            _centre = centre;
            _orthogonalPart = orthogonal.DotProduct(orthogonal);
        }
    }

    public double Evaluate(Vector<double> displacement)
    {
        if (_diagonal is not null)
        {
            var sum = _orthogonalPart;
            for (var k = 0; k < _diagonal.Length; k++)
            {
                var e = _centre![k] + displacement[k];
                sum += _diagonal[k] * e * e;
            }

            return sum + _floor;
        }

        var residual = _offset + (_coupling * displacement);
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
            var block = Matrix<double>.Build.Dense(_coupling.ColumnCount, count);
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
                    var e = residuals[i, j] + _offset[i];
                    sum += e * e;
                }

                result[start + j] = sum + _floor;
            }
        }

        return result;
    }
}
