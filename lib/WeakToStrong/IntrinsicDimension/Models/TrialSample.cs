using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The random draws of one four-model trial, in whitened coordinates: the n labelled inputs and their label noise,
/// and the N fresh inputs (used unlabelled by W2S) with the label noise the strong ceiling sees on them.
/// Only the R relevant coordinates of z are stored; the ambient d-dimensional features are never formed.
/// </summary>
/// <param name="LabelledInputs">Z_n, n×R, rows z_i ~ N(0, I_R).</param>
/// <param name="LabelNoise">ε_n, length n, entries ~ N(0, σ²).</param>
/// <param name="UnlabelledInputs">Z_N, N×R, rows z_i ~ N(0, I_R), independent of the labelled sample.</param>
/// <param name="UnlabelledNoise">ε_N, length N, entries ~ N(0, σ²); only the strong ceiling uses these labels.</param>
public sealed record TrialSample(
    Matrix<double> LabelledInputs,
    Vector<double> LabelNoise,
    Matrix<double> UnlabelledInputs,
    Vector<double> UnlabelledNoise)
{
    /// <summary>n, the number of labelled samples.</summary>
    public int LabelledCount => LabelledInputs.RowCount;

    /// <summary>N, the number of unlabelled samples the teacher labels for the student.</summary>
    public int UnlabelledCount => UnlabelledInputs.RowCount;
}
