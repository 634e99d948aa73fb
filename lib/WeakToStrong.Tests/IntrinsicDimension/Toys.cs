using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.IntrinsicDimension;

namespace WeakToStrong.Tests.IntrinsicDimension;

/// <summary>Small configurations for checking the exact Gaussian expectations against Monte Carlo.</summary>
internal static class Toys
{
    public static int[] Range(int start, int count) => Enumerable.Range(start, count).ToArray();

    /// <summary>R = 25, S = 0–9, W = 5–24 (d_{s∧w} = 5), f* = 0.</summary>
    public static GaussianFeatureModel PureVariance(double noiseVariance = 1.0) =>
        GaussianFeatureModel.CoordinateAligned(Vector<double>.Build.Dense(25), Range(0, 10), Range(5, 20), noiseVariance);

    /// <summary>R = 30, S = 0–9, W = 10–29 (d_{s∧w} = 0), f* = 0.</summary>
    public static GaussianFeatureModel ZeroOverlap() =>
        GaussianFeatureModel.CoordinateAligned(Vector<double>.Build.Dense(30), Range(0, 10), Range(10, 20), 1.0);

    /// <summary>c_0 = 0.3, c_7 = 0.5, c_20 = 0.4, c_27 = 0.2 in R^30.</summary>
    public static Vector<double> MisspecifiedTarget()
    {
        var c = Vector<double>.Build.Dense(30);
        c[0] = 0.3;
        c[7] = 0.5;
        c[20] = 0.4;
        c[27] = 0.2;
        return c;
    }

    /// <summary>R = 30, S = 0–9, W = 5–24, the misspecified target: ρ_w = 0.13, ρ_s = 0.20, ‖c_{S\W}‖² = 0.09, ‖c_{W\S}‖² = 0.16.</summary>
    public static GaussianFeatureModel Misspecified() =>
        GaussianFeatureModel.CoordinateAligned(MisspecifiedTarget(), Range(0, 10), Range(5, 20), 1.0);

    /// <summary>Random orthonormal U_s (30×10), U_w (30×20), with the misspecified target.</summary>
    public static GaussianFeatureModel GeneralSubspaces(bool withTarget) =>
        GaussianFeatureModel.WithBases(
            withTarget ? MisspecifiedTarget() : Vector<double>.Build.Dense(30),
            GaussianFeatureModel.RandomOrthonormalBasis(30, 10, seed: 101),
            GaussianFeatureModel.RandomOrthonormalBasis(30, 20, seed: 202),
            1.0);
}
