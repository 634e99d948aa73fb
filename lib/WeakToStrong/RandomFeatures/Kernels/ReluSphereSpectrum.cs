using MathNet.Numerics;
using WeakToStrong.Validation;

namespace WeakToStrong.RandomFeatures;

/// <summary>
/// The eigen-decomposition of the ReLU random-feature kernel K(x, x') = E_w[relu(w·x) relu(w·x')] = k1(x·x')/d on
/// S^(d−1), with x and w uniform on the sphere (the ReLU random features of Medvedev et al. 2025, arXiv:2503.02877,
/// in this library's spherical setting). By Funk–Hecke, relu(w·x) = Σ_k μ_k N_k P_k(w·x), and
/// the kernel's integral operator acts on the degree-k spherical harmonics (a space of dimension N_k) as the
/// eigenvalue λ_k = μ_k². Built once for degrees 0…K; every per-degree quantity is computed in log space through
/// log-gamma, so nothing overflows for large d or K.
/// <list type="bullet">
/// <item>μ_0 = Γ(d/2) / (√π Γ((d−1)/2) (d−1)), μ_1 = 1/(2d), μ_k = 0 for odd k ≥ 3,</item>
/// <item>μ_k = (−1)^(k/2−1) Γ(d/2) (k−2)! / (√π 2^k Γ(k/2) Γ((k+d+1)/2)) for even k ≥ 2,</item>
/// <item>N_0 = 1, N_k = (2k+d−2)/k · C(k+d−3, k−1),</item>
/// <item>Σ_k N_k λ_k = K(x, x) = 1/(2d) and Σ_k λ_k N_k P_k(ρ) = k1(ρ)/d.</item>
/// </list>
/// </summary>
public sealed class ReluSphereSpectrum
{
    private readonly double[] _coefficients;
    private readonly double[] _eigenvalues;
    private readonly double[] _logEigenvalues;
    private readonly double[] _logMultiplicities;
    private readonly double[] _multiplicities;
    private readonly double[] _eigenvalueMasses;

    /// <summary>Tabulates μ_k, λ_k and N_k for k = 0, …, <paramref name="maxDegree"/> in dimension d.</summary>
    /// <param name="dimension">d ≥ 2.</param>
    /// <param name="maxDegree">K ≥ 1, the truncation degree (default 200). The trace tail Σ_(k&gt;K) N_k λ_k decays only like
    /// K^(−3): at K = 200 it is 4e-8 (d = 3) to 8e-7 (d = 20) of the trace, so the identities at ρ = ±1 hold to that
    /// accuracy; for |ρ| ≤ 0.9 the kernel identity holds to 1e-10 (d = 3) … 1e-14 (d ≥ 10). <see cref="TailTrace"/> gives the
    /// missing trace exactly.</param>
    public ReluSphereSpectrum(int dimension, int maxDegree = 200)
    {
        Guard.AtLeast(dimension, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(dimension));
        Guard.AtLeast(maxDegree, 1, "the truncation degree K");
        Dimension = dimension;
        MaxDegree = maxDegree;
        _coefficients = new double[maxDegree + 1];
        _eigenvalues = new double[maxDegree + 1];
        _logEigenvalues = new double[maxDegree + 1];
        _logMultiplicities = new double[maxDegree + 1];
        _multiplicities = new double[maxDegree + 1];
        _eigenvalueMasses = new double[maxDegree + 1];
        var truncatedTrace = 0.0;
        for (var k = 0; k <= maxDegree; k++)
        {
            _coefficients[k] = FunkHeckeCoefficientUnchecked(k, dimension);
            var logAbs = LogAbsFunkHeckeCoefficientUnchecked(k, dimension);
            _logEigenvalues[k] = 2 * logAbs;
            _eigenvalues[k] = Math.Exp(_logEigenvalues[k]);
            _logMultiplicities[k] = LogMultiplicityUnchecked(k, dimension);
            _multiplicities[k] = Math.Exp(_logMultiplicities[k]);
            _eigenvalueMasses[k] = double.IsNegativeInfinity(logAbs) ? 0.0 : Math.Exp(_logMultiplicities[k] + _logEigenvalues[k]);
            truncatedTrace += _eigenvalueMasses[k];
        }

        TruncatedTrace = truncatedTrace;
    }

    /// <summary>The input dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The truncation degree K: degrees 0…K are tabulated.</summary>
    public int MaxDegree { get; }

    /// <summary>Funk–Hecke coefficients μ_k = E[relu(t) P_k(t)], t = w·x, for k = 0…K (with sign).</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <summary>Kernel eigenvalues λ_k = μ_k² on the degree-k harmonics, k = 0…K (λ_1 = 1/(4d²); zero for odd k ≥ 3).</summary>
    public IReadOnlyList<double> Eigenvalues => _eigenvalues;

    /// <summary>ln λ_k for k = 0…K (−∞ where λ_k = 0), from log-gamma without overflow or underflow.</summary>
    public IReadOnlyList<double> LogEigenvalues => _logEigenvalues;

    /// <summary>ln N_k for k = 0…K.</summary>
    public IReadOnlyList<double> LogMultiplicities => _logMultiplicities;

    /// <summary>N_k for k = 0…K as doubles (exp of <see cref="LogMultiplicities"/>; +∞ only beyond ~1e308).</summary>
    public IReadOnlyList<double> Multiplicities => _multiplicities;

    /// <summary>N_k λ_k for k = 0…K: the share of the kernel's trace K(x, x) = 1/(2d) carried by degree k.</summary>
    public IReadOnlyList<double> TraceShares => _eigenvalueMasses;

    /// <summary>The exact trace Σ_k N_k λ_k = K(x, x) = k1(1)/d = 1/(2d).</summary>
    public double Trace => 1.0 / (2.0 * Dimension);

    /// <summary>Σ_(k ≤ K) N_k λ_k, a sum of non-negative terms.</summary>
    public double TruncatedTrace { get; }

    /// <summary>The trace carried by degrees above K: max(0, 1/(2d) − Σ_(k ≤ K) N_k λ_k).</summary>
    public double TailTrace => Math.Max(0.0, Trace - TruncatedTrace);

    /// <summary>The degree-1 (target) eigenvalue λ_1 = 1/(4d²), the natural time unit (times are reported as t·λ_1).</summary>
    public double LinearEigenvalue => _eigenvalues[1];

    /// <summary>The kernel rebuilt from its harmonics, Σ_(k ≤ K) λ_k N_k P_k(ρ); it tends to k1(ρ)/d as K grows.</summary>
    /// <param name="cosine">ρ ∈ [−1, 1].</param>
    public double KernelFromHarmonics(double cosine)
    {
        var p = SphericalLegendre.Values(MaxDegree, Dimension, cosine);
        var sum = 0.0;
        for (var k = 0; k <= MaxDegree; k++)
        {
            sum += _eigenvalueMasses[k] * p[k];
        }

        return sum;
    }

    /// <summary>The Funk–Hecke coefficient μ_k = E[relu(t) P_k(t)] of ReLU in dimension d, closed form with sign (see the type summary).</summary>
    /// <param name="degree">k ≥ 0.</param>
    /// <param name="dimension">d ≥ 2.</param>
    public static double FunkHeckeCoefficient(int degree, int dimension)
    {
        Guard.AtLeast(degree, 0, "the harmonic degree k");
        Guard.AtLeast(dimension, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(dimension));
        return FunkHeckeCoefficientUnchecked(degree, dimension);
    }

    /// <summary>ln |μ_k| (−∞ for odd k ≥ 3), computed with log-gamma so it stays finite for large k and d.</summary>
    /// <param name="degree">k ≥ 0.</param>
    /// <param name="dimension">d ≥ 2.</param>
    public static double LogAbsFunkHeckeCoefficient(int degree, int dimension)
    {
        Guard.AtLeast(degree, 0, "the harmonic degree k");
        Guard.AtLeast(dimension, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(dimension));
        return LogAbsFunkHeckeCoefficientUnchecked(degree, dimension);
    }

    /// <summary>The kernel eigenvalue λ_k = μ_k² on degree-k harmonics.</summary>
    /// <param name="degree">k ≥ 0.</param>
    /// <param name="dimension">d ≥ 2.</param>
    public static double Eigenvalue(int degree, int dimension) => Math.Exp(2 * LogAbsFunkHeckeCoefficient(degree, dimension));

    /// <summary>The dimension N_k of the degree-k spherical harmonics on S^(d−1): N_0 = 1, N_k = (2k+d−2)/k · C(k+d−3, k−1).</summary>
    /// <param name="degree">k ≥ 0.</param>
    /// <param name="dimension">d ≥ 2.</param>
    public static double Multiplicity(int degree, int dimension) => Math.Exp(LogMultiplicity(degree, dimension));

    /// <summary>ln N_k, from log-gamma (N_k itself overflows a double for large k and d).</summary>
    /// <param name="degree">k ≥ 0.</param>
    /// <param name="dimension">d ≥ 2.</param>
    public static double LogMultiplicity(int degree, int dimension)
    {
        Guard.AtLeast(degree, 0, "the harmonic degree k");
        Guard.AtLeast(dimension, 2, "the sphere S^(d−1) needs an input dimension d >= 2", nameof(dimension));
        return LogMultiplicityUnchecked(degree, dimension);
    }

    internal static double LogMultiplicityUnchecked(int k, int d)
    {
        if (k == 0)
        {
            return 0.0;
        }

        // ln[(2k+d−2)/k] + ln C(k+d−3, k−1), C(n, r) = Γ(n+1)/(Γ(r+1)Γ(n−r+1)).
        return Math.Log(2.0 * k + d - 2) - Math.Log(k)
               + SpecialFunctions.GammaLn(k + d - 2.0) - SpecialFunctions.GammaLn(k) - SpecialFunctions.GammaLn(d - 1.0);
    }

    internal static double LogAbsFunkHeckeCoefficientUnchecked(int k, int d)
    {
        var halfLogPi = 0.5 * Math.Log(Math.PI);
        if (k == 0)
        {
            return SpecialFunctions.GammaLn(d / 2.0) - halfLogPi - SpecialFunctions.GammaLn((d - 1) / 2.0) - Math.Log(d - 1.0);
        }

        if (k == 1)
        {
            return -Math.Log(2.0 * d);
        }

        if (k % 2 == 1)
        {
            return double.NegativeInfinity;
        }

        return SpecialFunctions.GammaLn(d / 2.0) + SpecialFunctions.GammaLn(k - 1.0) - halfLogPi - k * Math.Log(2.0)
               - SpecialFunctions.GammaLn(k / 2.0) - SpecialFunctions.GammaLn((k + d + 1) / 2.0);
    }

    internal static double FunkHeckeCoefficientUnchecked(int k, int d)
    {
        if (k == 1)
        {
            return 1.0 / (2.0 * d);
        }

        if (k >= 3 && k % 2 == 1)
        {
            return 0.0;
        }

        var magnitude = Math.Exp(LogAbsFunkHeckeCoefficientUnchecked(k, d));
        var negative = k >= 2 && (k / 2 - 1) % 2 == 1;
        return negative ? -magnitude : magnitude;
    }
}
