using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;
using static WeakToStrong.Bregman.StableFunctions;

namespace WeakToStrong.Bregman;

/// <summary>
/// Multiclass forward and reverse cross-entropy of a softmax student p = softmax(z) on a soft teacher label q
/// (the multiclass CE and RCE of Xu et al. 2025, arXiv:2505.24313), each with its gradient with respect to the
/// student's logits z.
/// </summary>
public static class MulticlassSoftLabelLoss
{
    /// <summary>
    /// Forward CE ℓ = −Σ_k q_k log p_k = −Σ_k q_k (z_k − LSE(z)), with ∂ℓ/∂z = p − q (q sums to one).
    /// </summary>
    /// <param name="logits">The student's logits z (finite).</param>
    /// <param name="teacher">The teacher's label q in the closed simplex, same dimension.</param>
    /// <returns>The loss and its gradient vector.</returns>
    public static (double Value, Vector<double> Gradient) Forward(Vector<double> logits, Vector<double> teacher)
    {
        Validate(logits, teacher);
        var logP = LogSoftmax(logits);
        double value = 0;
        for (var k = 0; k < logits.Count; k++)
        {
            value -= teacher[k] == 0 ? 0 : teacher[k] * logP[k];
        }

        return (value, logP.PointwiseExp() - teacher);
    }

    /// <summary>
    /// Reverse CE ℓ = −Σ_k p_k log q_k with p = softmax(z); with a_k = −log q_k (clamped at 100, the PyTorch
    /// convention, so hard labels give finite values), ∂ℓ/∂z_j = p_j (a_j − Σ_k p_k a_k).
    /// </summary>
    /// <param name="logits">The student's logits z (finite).</param>
    /// <param name="teacher">The teacher's label q in the closed simplex, same dimension.</param>
    /// <returns>The loss and its gradient vector.</returns>
    public static (double Value, Vector<double> Gradient) Reverse(Vector<double> logits, Vector<double> teacher)
    {
        Validate(logits, teacher);
        var p = Softmax(logits);
        var cost = teacher.Map(q => q <= 0 ? -SoftLabelLoss.LogFloor : -Math.Max(Math.Log(q), SoftLabelLoss.LogFloor));
        var value = p.DotProduct(cost);
        return (value, p.PointwiseMultiply(cost - value));
    }

    private static void Validate(Vector<double> logits, Vector<double> teacher)
    {
        Guard.FiniteNonEmpty(logits);
        Guard.Simplex(teacher, strictlyPositive: false);
        Guard.Length(teacher, logits.Count, nameof(logits));
    }
}
