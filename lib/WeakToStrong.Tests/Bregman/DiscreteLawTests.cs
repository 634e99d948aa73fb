using WeakToStrong.Bregman;

namespace WeakToStrong.Tests.Bregman;

public sealed class DiscreteLawTests
{
    [Fact]
    public void ExpectationIsTheWeightedSum()
    {
        var law = new DiscreteLaw<double>([1.0, 2.0, 4.0], [0.5, 0.25, 0.25]);
        Assert.Equal(2.0, law.Expectation(x => x), 1e-15);
        Assert.Equal(0.5 + 1 + 4, law.Expectation(x => x * x), 1e-15);
        Assert.Equal(3, law.Count);
    }

    [Fact]
    public void WeightsAreNormalisedAndEmpiricalLawsAreUniform()
    {
        var law = DiscreteLaw<string>.FromWeights(["a", "b"], [1, 3]);
        Assert.Equal([0.25, 0.75], law.Probabilities);
        var sample = DiscreteLaw<double>.Empirical([1.0, 2.0, 6.0]);
        Assert.Equal(3.0, sample.Expectation(x => x), 1e-15);
    }

    [Fact]
    public void IndependentCopiesEnumerateTheProductLaw()
    {
        var law = new DiscreteLaw<int>([0, 1], [0.25, 0.75]);
        var pairs = law.IndependentCopies(2);
        Assert.Equal(4, pairs.Count);
        Assert.Equal([0, 1], pairs.Outcomes[1]);
        Assert.Equal(0.25 * 0.75, pairs.Probabilities[1], 1e-15);
        Assert.Equal(0.75 * 0.75, pairs.Probabilities[3], 1e-15);
        Assert.Equal(2 * 0.75, pairs.Expectation(t => t[0] + t[1]), 1e-15);
    }

    [Fact]
    public void BadLawsAreRejectedWithTheParameterAndValue()
    {
        var sum = Assert.Throws<ArgumentException>(() => new DiscreteLaw<double>([1.0, 2.0], [0.5, 0.6]));
        Assert.Equal("probabilities", sum.ParamName);
        Assert.Contains("1.1", sum.Message);

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteLaw<double>([1.0, 2.0], [1.5, -0.5]));
        Assert.Equal("probabilities[1]", negative.ParamName);
        Assert.Contains("-0.5", negative.Message);

        var empty = Assert.Throws<ArgumentException>(() => new DiscreteLaw<double>([], []));
        Assert.Equal("outcomes", empty.ParamName);

        var length = Assert.Throws<ArgumentException>(() => new DiscreteLaw<double>([1.0, 2.0], [1.0]));
        Assert.Equal("probabilities", length.ParamName);
        Assert.Contains("the lengths must be equal", length.Message);

        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => DiscreteLaw<double>.FromWeights([1.0], [double.NaN]));
        Assert.Equal("weights[0]", nan.ParamName);
        Assert.Contains("NaN", nan.Message);

        var zero = Assert.Throws<ArgumentException>(() => DiscreteLaw<double>.FromWeights([1.0], [0.0]));
        Assert.Equal("weights", zero.ParamName);

        var copies = Assert.Throws<ArgumentOutOfRangeException>(() => new DiscreteLaw<int>([0, 1], [0.5, 0.5]).IndependentCopies(0));
        Assert.Equal("copies", copies.ParamName);
    }
}
