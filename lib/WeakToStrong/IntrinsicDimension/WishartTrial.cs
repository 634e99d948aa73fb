using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The four-model trial of §1.3 from sufficient statistics (<see cref="TrialSampling.SufficientStatistics"/>):
/// for each sample (n labelled, N unlabelled) draw G = ZᵀZ and Zᵀε, then solve every OLS fit from its normal
/// equations: teacher U_wᵀG_nU_w·b = U_wᵀ(G_n c + Z_nᵀε_n); baseline likewise on U_s; W2S
/// U_sᵀG_NU_s·b = U_sᵀG_N β_w (noiseless pseudo-labels Z_Nβ_w); ceiling (U_sᵀ(G_n + G_N)U_s)·b =
/// U_sᵀ(G_n c + G_N c + Z_nᵀε_n + Z_Nᵀε_N).
/// </summary>
internal static class WishartTrial
{
    public static FourModelRisks Run(GaussianFeatureModel model, long seed, int trial, int labelledCount, int unlabelledCount)
    {
        var random = TrialRandom.Create(seed, trial, TrialRandom.WishartData);
        var rank = model.RelevantRank;
        var sigma = Math.Sqrt(model.NoiseVariance);
        var (gramLabelled, noiseLabelled) = Draw(random, rank, labelledCount, sigma);
        var (gramUnlabelled, noiseUnlabelled) = Draw(random, rank, unlabelledCount, sigma);
        var c = model.GroundTruthView;

        var labelled = Matrix<double>.Build.Dense(rank, 2);
        labelled.SetColumn(0, gramLabelled * c);
        labelled.SetColumn(1, noiseLabelled);

        var teacher = model.LiftWeak(Solve(model.CompressWeak(gramLabelled), model.ProjectWeak(labelled)));
        var strongLabelled = model.CompressStrong(gramLabelled);
        var baseline = model.LiftStrong(Solve(strongLabelled, model.ProjectStrong(labelled)));
        var strongUnlabelled = model.CompressStrong(gramUnlabelled);
        var student = model.LiftStrong(Solve(strongUnlabelled, model.ProjectStrong(gramUnlabelled * teacher)));

        var all = Matrix<double>.Build.Dense(rank, 2);
        all.SetColumn(0, labelled.Column(0) + gramUnlabelled * c);
        all.SetColumn(1, noiseLabelled + noiseUnlabelled);
        var ceiling = model.LiftStrong(Solve(strongLabelled + strongUnlabelled, model.ProjectStrong(all)));

        return new FourModelRisks(model.Decompose(teacher), model.Decompose(student), model.Decompose(baseline), model.Decompose(ceiling));
    }

    /// <summary>(G, Zᵀε) for m samples: G = AAᵀ by Bartlett, Zᵀε = σ·A·g.</summary>
    private static (Matrix<double> Gram, Vector<double> Noise) Draw(Random random, int rank, int samples, double sigma)
    {
        var factor = Matrix<double>.Build.Dense(rank, rank);
        for (var i = 0; i < rank; i++)
        {
            // χ²_k = Gamma(shape k/2, rate 1/2), with k = m − i (0-based i).
            factor[i, i] = Math.Sqrt(Gamma.Sample(random, 0.5 * (samples - i), 0.5));
            for (var j = 0; j < i; j++)
            {
                factor[i, j] = Normal.Sample(random, 0.0, 1.0);
            }
        }

        var g = new double[rank];
        Normal.Samples(random, g, 0.0, 1.0);
        var noise = factor * Vector<double>.Build.Dense(g) * sigma;
        return (factor.TransposeAndMultiply(factor), noise);
    }

    private static Matrix<double> Solve(Matrix<double> normalMatrix, Matrix<double> rightHandSides)
    {
        // Symmetrise exactly: the Cholesky factorisation reads one triangle.
        var symmetric = (normalMatrix + normalMatrix.Transpose()) * 0.5;
        return symmetric.Cholesky().Solve(rightHandSides);
    }
}
