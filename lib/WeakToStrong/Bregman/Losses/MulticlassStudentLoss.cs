using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// The objective of a softmax student on soft teacher distributions q_i (the multiclass CE and RCE of
/// Xu et al. 2025, arXiv:2505.24313): the batch
/// mean of α·(−Σ_k q_k log p_k) + β·(−Σ_k p_k log q_k), forward CE weighted by α and reverse CE by β, with
/// p = softmax(z) and log q clamped at −100 as in the authors' code. (α, β) = (1, 0) is forward CE, (0, 1) reverse
/// CE, (1, 0.1) the SL loss with the defaults of <see cref="StudentLoss.Symmetric"/>.
/// </summary>
public sealed class MulticlassStudentLoss
{
    /// <summary>Creates the loss α·CE + β·RCE.</summary>
    /// <param name="name">Table label, non-empty.</param>
    /// <param name="forwardWeight">α ≥ 0.</param>
    /// <param name="reverseWeight">β ≥ 0; α + β &gt; 0.</param>
    public MulticlassStudentLoss(string name, double forwardWeight, double reverseWeight)
    {
        Guard.NotEmpty(name);
        Guard.NonNegative(forwardWeight);
        Guard.NonNegative(reverseWeight);
        Guard.Positive(forwardWeight + reverseWeight, "forwardWeight + reverseWeight");
        Name = name;
        ForwardWeight = forwardWeight;
        ReverseWeight = reverseWeight;
    }

    /// <summary>Forward CE ("CE").</summary>
    public static MulticlassStudentLoss Forward { get; } = new("CE", 1, 0);

    /// <summary>Reverse CE ("RCE").</summary>
    public static MulticlassStudentLoss Reverse { get; } = new("RCE", 0, 1);

    /// <summary>SL_1_0.1 = CE + 0.1·RCE ("SL").</summary>
    public static MulticlassStudentLoss Symmetric { get; } = new("SL", 1, 0.1);

    /// <summary>The loss with the given name: "CE", "RCE" or "SL".</summary>
    /// <param name="name">One of the names above.</param>
    public static MulticlassStudentLoss ByName(string name) => name switch
    {
        "CE" => Forward,
        "RCE" => Reverse,
        "SL" => Symmetric,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"name = \"{name}\" is not a known multiclass loss; expected one of CE, RCE, SL."),
    };

    /// <summary>Table label.</summary>
    public string Name { get; }

    /// <summary>α.</summary>
    public double ForwardWeight { get; }

    /// <summary>β.</summary>
    public double ReverseWeight { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
