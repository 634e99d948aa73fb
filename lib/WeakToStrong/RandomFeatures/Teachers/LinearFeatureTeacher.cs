using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The weak teacher of the linear random-feature model with anisotropic Gaussian input (the linear random-feature
/// case of Medvedev et al. 2025, arXiv:2503.02877, in this library's normalisation):
/// x ∼ N(0, diag(λ_1, …, λ_D)), features φ_i(x) = w_i·x with w_i ∼ N(0, I_D), target f*(x) = x_1/√λ_1.
/// In whitened coordinates z = Σ^(−1/2)x (so ‖·‖ is the L2(D) norm and the target is e_1) the features span the column
/// space of diag(√λ)Wᵀ; with Q an orthonormal basis of it (thin QR), the population least-squares teacher is
/// f_TE = QQᵀe_1 and L_TE = ‖f_TE − e_1‖² = 1 − ‖Qᵀe_1‖².
/// </summary>
public sealed class LinearFeatureTeacher
{
    private readonly double[] _eigenvalues;
    private readonly double[] _teacherCoefficients;

    /// <summary>The teacher for the given input spectrum and feature weights.</summary>
    /// <param name="eigenvalues">λ_1, …, λ_D &gt; 0 (D ≥ 2), the input covariance's eigenvalues; the target is the first
    /// coordinate (usually non-increasing, so that the target is the top direction; not required).</param>
    /// <param name="weights">M_TE × D matrix of finite feature weights, 1 ≤ M_TE &lt; D, of full row rank.</param>
    public LinearFeatureTeacher(IReadOnlyList<double> eigenvalues, Matrix<double> weights)
    {
        Guard.AllPositive(eigenvalues);
        Guard.AtLeast(eigenvalues.Count, 2, "the input dimension D", nameof(eigenvalues) + ".Count");
        Guard.NotNull(weights);
        var inputDimension = eigenvalues.Count;
        if (weights.ColumnCount != inputDimension)
        {
            throw new ArgumentException(
                $"{nameof(weights)} has {weights.ColumnCount} columns but there are {inputDimension} eigenvalues: the weight rows must have length D.",
                nameof(weights));
        }

        Guard.AtLeast(weights.RowCount, 1, "the teacher width M_TE", nameof(weights) + ".RowCount");
        if (weights.RowCount >= inputDimension)
        {
            throw new ArgumentOutOfRangeException(nameof(weights), weights.RowCount,
                $"{nameof(weights)}.RowCount = {weights.RowCount}: the teacher width M_TE must be < D = {inputDimension} " +
                "(a teacher spanning every direction fits the target exactly, L_TE = 0).");
        }

        Guard.AllFinite(weights);
        _eigenvalues = eigenvalues.ToArray();
        InputDimension = inputDimension;
        Width = weights.RowCount;

        // Column span of diag(√λ) Wᵀ (D × M_TE).
        var span = weights.Transpose();
        for (var k = 0; k < inputDimension; k++)
        {
            span.SetRow(k, span.Row(k) * Math.Sqrt(_eigenvalues[k]));
        }

        var qr = span.QR(QRMethod.Thin);
        var diagonal = qr.R.Diagonal().Select(Math.Abs).ToArray();
        if (diagonal.Min() <= 1e-12 * diagonal.Max())
        {
            throw new ArgumentException(
                $"{nameof(weights)}: the features are linearly dependent (smallest/largest |R_jj| of the QR of diag(√λ)Wᵀ is " +
                $"{Guard.Show(diagonal.Min() / diagonal.Max())}); use weights of full row rank.", nameof(weights));
        }

        var q = qr.Q;
        var firstRow = q.Row(0);
        _teacherCoefficients = (q * firstRow).ToArray();
        Loss = 1.0 - firstRow.DotProduct(firstRow);
        if (!(Loss > 0))
        {
            throw new ArgumentException(
                $"{nameof(weights)}: the teacher's loss came out as L_TE = {Guard.Show(Loss)}; the target lies in the feature span to rounding.",
                nameof(weights));
        }
    }

    /// <summary>A teacher with M_TE Gaussian weight rows w_i ∼ N(0, I_D) drawn from <paramref name="random"/> (see <see cref="SampleWeights"/>).</summary>
    /// <param name="eigenvalues">λ_1, …, λ_D &gt; 0.</param>
    /// <param name="width">1 ≤ M_TE &lt; D.</param>
    /// <param name="random">The random stream (normally a core <see cref="RandomStream"/>).</param>
    public static LinearFeatureTeacher Sample(IReadOnlyList<double> eigenvalues, int width, Random random)
    {
        Guard.NotNull(eigenvalues);
        Guard.AtLeast(eigenvalues.Count, 2, "the input dimension D", nameof(eigenvalues) + ".Count");
        return new LinearFeatureTeacher(eigenvalues, SampleWeights(eigenvalues.Count, width, random));
    }

    /// <summary>
    /// An M × D matrix of independent standard normal entries (the weight law w_i ∼ N(0, I_D)) from the
    /// core's <see cref="RandomDraws.NextGaussianMatrix"/> (column-major fill). A deterministic function of the stream's state.
    /// </summary>
    /// <param name="inputDimension">D ≥ 2.</param>
    /// <param name="width">M ≥ 1.</param>
    /// <param name="random">The random stream (normally a core <see cref="RandomStream"/>).</param>
    public static Matrix<double> SampleWeights(int inputDimension, int width, Random random)
    {
        Guard.AtLeast(inputDimension, 2, "the input dimension D");
        Guard.AtLeast(width, 1, "the number of features M");
        Guard.NotNull(random);
        return random.NextGaussianMatrix(width, inputDimension);
    }

    /// <summary>The power-law input spectrum λ_k = k^(−α), k = 1…D (λ_1 = 1, so f* = x_1).</summary>
    /// <param name="inputDimension">D ≥ 2.</param>
    /// <param name="exponent">α &gt; 0.</param>
    public static double[] PowerLawSpectrum(int inputDimension, double exponent)
    {
        Guard.AtLeast(inputDimension, 2, "the input dimension D");
        Guard.Positive(exponent);
        return Enumerable.Range(1, inputDimension).Select(k => Math.Pow(k, -exponent)).ToArray();
    }

    /// <summary>The input dimension D.</summary>
    public int InputDimension { get; }

    /// <summary>The teacher width M_TE.</summary>
    public int Width { get; }

    /// <summary>The input covariance's eigenvalues λ_1…λ_D (the student kernel x·x' has these eigenvalues on z_1…z_D).</summary>
    public IReadOnlyList<double> Eigenvalues => _eigenvalues;

    /// <summary>f_TE = QQᵀe_1 in whitened coordinates: (f_TE)_k = ⟨f_TE, z_k⟩ for k = 1…D.</summary>
    public IReadOnlyList<double> TeacherCoefficients => _teacherCoefficients;

    /// <summary>L_TE = ‖f_TE − e_1‖² = 1 − ‖Qᵀe_1‖².</summary>
    public double Loss { get; }

    /// <summary>
    /// The infinite-width student with kernel x·x': L_ST(t) = Σ_k ((1 − e^(−λ_k t))(f_TE)_k − δ_k1)²,
    /// with the target term formed as L_TE + (f_TE)_1 e^(−λ_1 t). Times are reported as t·λ_1.
    /// </summary>
    public InfiniteWidthStudent InfiniteWidthStudent()
    {
        var n = InputDimension;
        var theta = new double[n];
        var residual = new double[n];
        theta[0] = 1.0;
        residual[0] = Loss; // 1 − (f_TE)_1 = 1 − ‖Qᵀe_1‖² = L_TE
        for (var k = 1; k < n; k++)
        {
            residual[k] = -_teacherCoefficients[k];
        }

        return new InfiniteWidthStudent(_eigenvalues.ToArray(), _teacherCoefficients.ToArray(), theta, residual, Loss, _eigenvalues[0]);
    }
}
