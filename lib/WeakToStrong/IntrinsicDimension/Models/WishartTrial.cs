using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// The four-model trial (weak teacher, W2S student, strong baseline, strong ceiling; see
/// <see cref="GaussianFeatureModel"/>) from sufficient statistics (<see cref="TrialSampling.SufficientStatistics"/>):
/// for each sample (n labelled, N unlabelled) draw G = ZᵀZ and Zᵀε, then solve every OLS fit from its normal
/// equations: teacher U_wᵀG_nU_w·b = U_wᵀ(G_n c + Z_nᵀε_n); baseline likewise on U_s; W2S
/// U_sᵀG_NU_s·b = U_sᵀG_N β_w (noiseless pseudo-labels Z_Nβ_w); ceiling (U_sᵀ(G_n + G_N)U_s)·b =
/// U_sᵀ(G_n c + G_N c + Z_nᵀε_n + Z_Nᵀε_N).
/// </summary>
internal static class WishartTrial
{
    public static FourModelRisks Run(GaussianFeatureModel model, Random random, int labelledCount, int unlabelledCount)
    {
        var rank = model.RelevantRank;
        var sigma = Math.Sqrt(model.NoiseVariance);
        var (labelledLead, unlabelledLead) = model.LeadingCoordinates;
        var gramLabelled = PartialWishart.Draw(random, rank, labelledCount, sigma, labelledLead);
        var gramUnlabelled = PartialWishart.Draw(random, rank, unlabelledCount, sigma, unlabelledLead);
        var c = model.GroundTruthView;
        var truth = Matrix<double>.Build.DenseOfColumnVectors(c);

        var labelled = Matrix<double>.Build.Dense(rank, 2);
        labelled.SetColumn(0, gramLabelled.Times(truth).Column(0));
        labelled.SetColumn(1, gramLabelled.Noise);

        var teacher = model.LiftWeak(Solve(model.CompressWeak(gramLabelled.Leading), model.ProjectWeak(labelled)));
        var strongLabelled = model.CompressStrong(gramLabelled.Leading);
        var baseline = model.LiftStrong(Solve(strongLabelled, model.ProjectStrong(labelled)));
        var strongUnlabelled = model.CompressStrong(gramUnlabelled.Leading);
        var student = model.LiftStrong(Solve(strongUnlabelled, model.ProjectStrong(gramUnlabelled.Times(teacher))));

        var all = Matrix<double>.Build.Dense(rank, 2);
        all.SetColumn(0, labelled.Column(0) + gramUnlabelled.Times(truth).Column(0));
        all.SetColumn(1, gramLabelled.Noise + gramUnlabelled.Noise);
        var ceiling = model.LiftStrong(Solve(strongLabelled + strongUnlabelled, model.ProjectStrong(all)));

        return model.Assemble(teacher, student, baseline, ceiling);
    }

    private static Matrix<double> Solve(Matrix<double> normalMatrix, Matrix<double> rightHandSides)
    {
        // Symmetrise exactly: the Cholesky factorisation reads one triangle.
        var symmetric = (normalMatrix + normalMatrix.Transpose()) * 0.5;
        return symmetric.Cholesky().Solve(rightHandSides);
    }

    /// <summary>
    /// The leading rows of a Wishart draw G = ZᵀZ ~ W_R(m, I) and of Zᵀε, by the Bartlett decomposition G = AAᵀ
    /// (A lower triangular, A_ii² ~ χ²_{m−i}, A_ij ~ N(0, 1) for j &lt; i) and Zᵀε = σ·A·g with g ~ N(0, I_R).
    /// Because A is lower triangular, rows [0, L) of G and of Zᵀε depend only on the first L columns of A and the first
    /// L entries of g: G[0:L, :] = A[0:L, 0:L]·A[:, 0:L]ᵀ. So only R×L entries of A are drawn, which is exact (same law
    /// for those rows) and much cheaper when the fits read only the leading coordinates.
    /// </summary>
    private sealed class PartialWishart
    {
        private readonly Matrix<double> _columns;
        private readonly Matrix<double> _lead;

        private PartialWishart(Matrix<double> columns, Matrix<double> lead, Vector<double> noise)
        {
            _columns = columns;
            _lead = lead;
            Leading = lead.TransposeAndMultiply(lead);
            Noise = noise;
        }

        /// <summary>G[0:L, 0:L].</summary>
        public Matrix<double> Leading { get; }

        /// <summary>Zᵀε with rows [0, L) filled and the rest zero.</summary>
        public Vector<double> Noise { get; }

        public static PartialWishart Draw(Random random, int rank, int samples, double sigma, int leading)
        {
            var factor = Matrix<double>.Build.Dense(rank, leading);
            for (var i = 0; i < rank; i++)
            {
                if (i < leading)
                {
                    // χ²_k = Gamma(shape k/2, rate 1/2), with k = m − i (0-based i).
                    factor[i, i] = Math.Sqrt(Gamma.Sample(random, 0.5 * (samples - i), 0.5));
                }

                for (var j = 0; j < Math.Min(i, leading); j++)
                {
                    factor[i, j] = Normal.Sample(random, 0.0, 1.0);
                }
            }

            var g = new double[leading];
            Normal.Samples(random, g, 0.0, 1.0);
            var lead = factor.SubMatrix(0, leading, 0, leading);
            var noise = Vector<double>.Build.Dense(rank);
            noise.SetSubVector(0, leading, lead * Vector<double>.Build.Dense(g) * sigma);
            return new PartialWishart(factor, lead, noise);
        }

        /// <summary>G·V with rows [0, L) filled (= A[0:L, 0:L]·(A[:, 0:L]ᵀV)) and the rest zero.</summary>
        public Matrix<double> Times(Matrix<double> vectors)
        {
            var result = Matrix<double>.Build.Dense(_columns.RowCount, vectors.ColumnCount);
            result.SetSubMatrix(0, 0, _lead * _columns.TransposeThisAndMultiply(vectors));
            return result;
        }
    }
}
