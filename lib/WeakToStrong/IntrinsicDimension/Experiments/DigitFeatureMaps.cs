using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Randomness;
using WeakToStrong.Validation;

namespace WeakToStrong.IntrinsicDimension;

/// <summary>
/// Weak and strong feature maps of the 8×8 digit images (pixel counts 0–16, row-major) for notebook 02's real-data
/// section (a stand-in for the pretrained networks of the real-data experiments of Dong et al. 2025, arXiv:2502.05075,
/// which are not available offline). All maps scale pixels to [0, 1].
/// </summary>
public static class DigitFeatureMaps
{
    /// <summary>The strong map: the 64 pixels divided by 16.</summary>
    /// <param name="images">m×64 pixel counts.</param>
    /// <returns>m×64 features.</returns>
    /// <exception cref="ArgumentException">The matrix does not have 64 columns or has non-finite entries.</exception>
    public static Matrix<double> Pixels(Matrix<double> images)
    {
        RequireImages(images);
        return images / 16.0;
    }

    /// <summary>
    /// A coarse view: the means of the 2×2 pixel blocks (a 4×4 image, 16 features) divided by 16. Its span lies inside
    /// the span of <see cref="Pixels"/>: a weak map with no discrepancy directions.
    /// </summary>
    /// <param name="images">m×64 pixel counts.</param>
    /// <returns>m×16 features.</returns>
    /// <exception cref="ArgumentException">The matrix does not have 64 columns or has non-finite entries.</exception>
    public static Matrix<double> Coarse(Matrix<double> images)
    {
        RequireImages(images);
        var coarse = Matrix<double>.Build.Dense(images.RowCount, 16);
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                var column = (4 * r) + c;
                foreach (var (dr, dc) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
                {
                    coarse.SetColumn(column, coarse.Column(column) + (images.Column((8 * ((2 * r) + dr)) + (2 * c) + dc) / 64.0));
                }
            }
        }

        return coarse;
    }

    /// <summary>
    /// Random ReLU features of the coarse view: max(0, g_jᵀx̃ + b_j) for j = 1 … width, where x̃ is the coarse view
    /// centred by its own column means over the given images, g_j ~ N(0, I_16/16) and b_j ~ N(0, 1/16) (seeded). Being
    /// nonlinear, these functions leave the span of the pixels: a weak map with discrepancy directions.
    /// </summary>
    /// <param name="images">m×64 pixel counts.</param>
    /// <param name="width">Number of random features, ≥ 1.</param>
    /// <param name="seed">Seed of the random weights.</param>
    /// <returns>m×width features.</returns>
    /// <exception cref="ArgumentException">The matrix does not have 64 columns or has non-finite entries.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is below 1.</exception>
    public static Matrix<double> CoarseRandomRelu(Matrix<double> images, int width, long seed = 42)
    {
        Guard.Positive(width);
        var coarse = Coarse(images);
        for (var j = 0; j < coarse.ColumnCount; j++)
        {
            var column = coarse.Column(j);
            coarse.SetColumn(j, column - column.Average());
        }

        var random = new RandomStream(seed, width, RandomStreams.Projection);
        var weights = random.NextGaussianMatrix(16, width, 0.25);
        var biases = random.NextGaussianVector(width, 0.25);
        var features = coarse * weights;
        for (var i = 0; i < features.RowCount; i++)
        {
            for (var j = 0; j < width; j++)
            {
                features[i, j] = Math.Max(0.0, features[i, j] + biases[j]);
            }
        }

        return features;
    }

    private static void RequireImages(Matrix<double> images)
    {
        Guard.AllFinite(images);
        if (images.ColumnCount != 64)
        {
            throw new ArgumentException($"images has {images.ColumnCount} columns; expected 64 (8×8 pixels, row-major).", nameof(images));
        }
    }
}
