using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Validation;
using static WeakToStrong.Bregman.StableFunctions;

namespace WeakToStrong.Bregman;

/// <summary>
/// Cross-entropy, entropy and the cross-entropy form of the misfit (behind the entropy result
/// of Xu et al. 2025, arXiv:2505.24313: for cross-entropy, lowering the entropy of the student's predictions promotes
/// weak-to-strong generalisation):
/// CE(a, b) = H(a) + KL(a ‖ b), and for the misfit (student p in the first slot, teacher q in the second)
/// KL(p ‖ q) = RCE(p, q) − H(p), where RCE(p, q) = −Σ_k p_k log q_k is the reverse cross-entropy of the student
/// against its teacher. These are the exact mathematical functions (no −100 clamp; see
/// <see cref="ReverseCrossEntropyLoss"/> for the training loss with the authors' clamp and smoothing).
/// </summary>
public static class CrossEntropy
{
    /// <summary>Binary entropy H(p) = −p log p − (1 − p) log(1 − p) in nats (0 log 0 = 0).</summary>
    /// <param name="probability">p ∈ [0, 1].</param>
    public static double Entropy(double probability)
    {
        Guard.Probability(probability);
        return -(XLogX(probability) + XLogX(1 - probability));
    }

    /// <summary>Entropy H(p) = −Σ_k p_k log p_k in nats.</summary>
    /// <param name="probabilities">p in the closed simplex.</param>
    public static double Entropy(Vector<double> probabilities)
    {
        Guard.Simplex(probabilities, strictlyPositive: false);
        return -probabilities.Sum(XLogX);
    }

    /// <summary>
    /// Forward binary cross-entropy of a student against its teacher, the usual soft-label loss with the teacher's
    /// label in the target slot: CE(q, p) = −q log p − (1 − q) log(1 − p) = H(q) + KL(q ‖ p). Student first, teacher
    /// second, as in every loss of this namespace.
    /// </summary>
    /// <param name="student">p ∈ (0, 1), the student's probability.</param>
    /// <param name="teacher">q ∈ [0, 1], the teacher's probability (the label).</param>
    public static double Forward(double student, double teacher)
    {
        Guard.OpenUnitInterval(student);
        Guard.Probability(teacher);
        return -(teacher * Math.Log(student) + (1 - teacher) * ElementaryFunctions.Log1p(-student));
    }

    /// <summary>Forward cross-entropy CE(q, p) = −Σ_k q_k log p_k of a student p against its teacher q (the label).</summary>
    /// <param name="student">p in the open simplex.</param>
    /// <param name="teacher">q in the closed simplex, same dimension.</param>
    public static double Forward(Vector<double> student, Vector<double> teacher)
    {
        Guard.Simplex(student, strictlyPositive: true);
        Guard.Simplex(teacher, strictlyPositive: false);
        Guard.Length(teacher, student.Count, nameof(student));
        double sum = 0;
        for (var k = 0; k < student.Count; k++)
        {
            sum -= teacher[k] == 0 ? 0 : teacher[k] * Math.Log(student[k]);
        }

        return sum;
    }

    /// <summary>
    /// Reverse binary cross-entropy of a student against its teacher (the loss the paper finds less sensitive to the
    /// teacher's uncertainty, arXiv:2505.24313, §5):
    /// RCE(p, q) = −p log q − (1 − p) log(1 − q) = p·(−logit q) − log(1 − q), linear in p.
    /// </summary>
    /// <param name="student">p ∈ [0, 1].</param>
    /// <param name="teacher">q ∈ (0, 1).</param>
    public static double Reverse(double student, double teacher)
    {
        Guard.Probability(student);
        Guard.OpenUnitInterval(teacher);
        return -(student * Math.Log(teacher) + (1 - student) * ElementaryFunctions.Log1p(-teacher));
    }

    /// <summary>Reverse cross-entropy RCE(p, q) = −Σ_k p_k log q_k of a student p against its teacher q.</summary>
    /// <param name="student">p in the closed simplex.</param>
    /// <param name="teacher">q in the open simplex, same dimension.</param>
    public static double Reverse(Vector<double> student, Vector<double> teacher)
    {
        Guard.Simplex(student, strictlyPositive: false);
        Guard.Simplex(teacher, strictlyPositive: true);
        Guard.Length(teacher, student.Count, nameof(student));
        double sum = 0;
        for (var k = 0; k < student.Count; k++)
        {
            sum -= student[k] == 0 ? 0 : student[k] * Math.Log(teacher[k]);
        }

        return sum;
    }

    /// <summary>
    /// The per-sample misfit of the cross-entropy geometry, KL(p ‖ q) with the student p in the first slot,
    /// computed as a sum of non-negative terms. Equals <see cref="Reverse(double, double)"/> − <see cref="Entropy(double)"/>.
    /// </summary>
    /// <param name="student">p ∈ [0, 1].</param>
    /// <param name="teacher">q ∈ (0, 1).</param>
    public static double Misfit(double student, double teacher) =>
        BinaryCrossEntropyGenerator.Instance.Divergence(student, teacher);

    /// <summary>The multiclass misfit KL(p ‖ q) = RCE(p, q) − H(p), student p first.</summary>
    /// <param name="student">p in the closed simplex.</param>
    /// <param name="teacher">q in the open simplex, same dimension.</param>
    public static double Misfit(Vector<double> student, Vector<double> teacher) =>
        MulticlassCrossEntropyGenerator.Instance.Divergence(student, teacher);
}
