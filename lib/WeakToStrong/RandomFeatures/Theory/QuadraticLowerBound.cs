using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The quadratic lower bound on the student's loss as a function of the teacher's loss. This is
/// the library's own derivation: it has the form of the quantitative limits of Medvedev et al. 2025 (arXiv:2503.02877:
/// at most a quadratic improvement, L_ST ≳ L_TE², so the student's error can go to 0 only if the teacher's does), but
/// it is not the paper's statement.
/// Conditions: the teacher is an orthogonal projection of f* (so e = f_TE − f* ⟂ f_TE), and the student's output is
/// A f_TE with A self-adjoint, spectrum in [0, 1] (gradient flow from 0 at any time, or ridge, with any student features).
/// Then with r = √(‖f*‖² − L_TE), ε = √L_TE and s* = (−r + √(r² + 4rε))/2:
/// <code>L_ST ≥ LB(L_TE) = (ε − s*)² = L_TE²(1 − O(√L_TE)).</code>
/// </summary>
public static class QuadraticLowerBound
{
    /// <summary>
    /// LB(L_TE) = (ε − s*)², evaluated without cancellation as (4rε² / (r + √(r² + 4rε))²)² (an algebraically equal
    /// form); LB = L_TE when r = 0 (a chance-level teacher: no boosting).
    /// </summary>
    /// <param name="teacherLoss">L_TE ∈ [0, ‖f*‖²].</param>
    /// <param name="targetNormSquared">‖f*‖² &gt; 0 (1 for the library's targets √d·x_1 and e_1).</param>
    public static double Value(double teacherLoss, double targetNormSquared = 1.0)
    {
        Validate(teacherLoss, targetNormSquared);
        var r = Math.Sqrt(targetNormSquared - teacherLoss);
        if (r == 0)
        {
            return teacherLoss;
        }

        var epsilon = Math.Sqrt(teacherLoss);
        var root = r + Math.Sqrt(r * r + 4 * r * epsilon);
        var gap = 4 * r * teacherLoss / (root * root); // ε − s*
        return gap * gap;
    }

    /// <summary>LB(L_TE) at each teacher loss (for drawing the bound curve on the log–log plot of
    /// L_ST* against L_TE, cf. Fig. 2(b) of arXiv:2503.02877).</summary>
    /// <param name="teacherLosses">Values L_TE ∈ [0, ‖f*‖²].</param>
    /// <param name="targetNormSquared">‖f*‖² &gt; 0.</param>
    public static double[] Values(IReadOnlyList<double> teacherLosses, double targetNormSquared = 1.0)
    {
        Guard.NotNull(teacherLosses);
        return teacherLosses.Select(loss => Value(loss, targetNormSquared)).ToArray();
    }

    /// <summary>
    /// The sharper bound when f* is itself an eigenfunction of the student's kernel (the ReLU linear-target and linear-RF
    /// instances): the student's coefficient on f*/‖f*‖ is g·(‖f*‖² − L_TE)/‖f*‖ with g ∈ [0, 1], so
    /// L_ST(t) ≥ L_TE²/‖f*‖² (= L_TE² for ‖f*‖ = 1) at every t.
    /// </summary>
    /// <param name="teacherLoss">L_TE ∈ [0, ‖f*‖²].</param>
    /// <param name="targetNormSquared">‖f*‖² &gt; 0.</param>
    public static double ForEigenfunctionTarget(double teacherLoss, double targetNormSquared = 1.0)
    {
        Validate(teacherLoss, targetNormSquared);
        return teacherLoss * teacherLoss / targetNormSquared;
    }

    private static void Validate(double teacherLoss, double targetNormSquared)
    {
        Guard.Positive(targetNormSquared);
        Guard.InInterval(teacherLoss, 0.0, targetNormSquared, "the teacher's loss L_TE (a projection's error is between 0 and ‖f*‖²)", nameof(teacherLoss));
    }
}
