using WeakToStrong.Validation;

namespace WeakToStrong.Bregman;

/// <summary>
/// Adam (Kingma and Ba 2015), in PyTorch's form, the optimizer of the authors' code for Xu et al. 2025,
/// arXiv:2505.24313, and of the synthetic students (<see cref="LogisticStudentTraining"/>). At step t with gradient g:
/// m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², θ ← θ − η·(m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε).
/// Fully deterministic: the same gradients give the same iterates to the bit.
/// </summary>
public sealed class AdamOptimizer
{
    private readonly double[] _firstMoment;
    private readonly double[] _secondMoment;
    private double _beta1Power = 1;
    private double _beta2Power = 1;

    /// <summary>Creates the optimizer state for <paramref name="dimension"/> parameters (moments start at 0).</summary>
    /// <param name="dimension">Number of parameters, ≥ 1.</param>
    /// <param name="settings">Step size, β₁, β₂ and ε.</param>
    public AdamOptimizer(int dimension, AdamSettings settings)
    {
        Guard.Positive(dimension);
        Guard.NotNull(settings);
        settings.Validate();
        Settings = settings;
        _firstMoment = new double[dimension];
        _secondMoment = new double[dimension];
    }

    /// <summary>The hyper-parameters.</summary>
    public AdamSettings Settings { get; }

    /// <summary>Number of parameters.</summary>
    public int Dimension => _firstMoment.Length;

    /// <summary>Number of steps taken so far.</summary>
    public int StepsTaken { get; private set; }

    /// <summary>One Adam update of <paramref name="parameters"/> in place, given the gradient at the current parameters.</summary>
    /// <param name="parameters">θ, length <see cref="Dimension"/>; updated in place.</param>
    /// <param name="gradient">∇L(θ), length <see cref="Dimension"/>, finite.</param>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        Guard.SameLength(parameters.Length, Dimension, "the optimizer's dimension", nameof(parameters));
        Guard.SameLength(gradient.Length, Dimension, "the optimizer's dimension", nameof(gradient));
        var (rate, beta1, beta2, epsilon) = (Settings.LearningRate, Settings.Beta1, Settings.Beta2, Settings.Epsilon);
        StepsTaken++;
        _beta1Power *= beta1;
        _beta2Power *= beta2;
        var correction1 = 1 - _beta1Power;
        var correction2 = 1 - _beta2Power;
        for (var k = 0; k < parameters.Length; k++)
        {
            var g = gradient[k];
            if (!double.IsFinite(g))
            {
                throw new ArgumentException($"gradient[{k}] = {Guard.Show(g)} is not a finite number at Adam step {StepsTaken}; every entry must be finite.", nameof(gradient));
            }

            _firstMoment[k] = (beta1 * _firstMoment[k]) + ((1 - beta1) * g);
            _secondMoment[k] = (beta2 * _secondMoment[k]) + ((1 - beta2) * g * g);
            parameters[k] -= rate * (_firstMoment[k] / correction1) / (Math.Sqrt(_secondMoment[k] / correction2) + epsilon);
        }
    }
}
