using WeakToStrong.Bregman;
using WeakToStrong.Randomness;
using static WeakToStrong.ElementaryFunctions;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Bregman;

/// <summary>What a <see cref="StudentLoss"/> minimises, evaluated from outside training.</summary>
public sealed class StudentLossEvaluationTests
{
    private static readonly double[] Logits = [-3.0, -0.4, 0.0, 0.7, 2.5];
    private static readonly double[] Teacher = [0.1, 0.35, 0.5, 0.8, 0.95];

    [Fact]
    public void ForwardCrossEntropyIsTheMeanOfMinusQLogSigmaMinusOneMinusQLogOneMinusSigma()
    {
        var expected = Logits.Zip(Teacher, (z, q) => -((q * LogSigmoid(z)) + ((1 - q) * LogSigmoid(-z)))).Average();
        AssertClose(expected, StudentLoss.ForwardCrossEntropy.Evaluate(Logits, Teacher), rtol: 1e-14);
    }

    [Fact]
    public void ReverseCrossEntropyIsTheMeanOfMinusSigmaLogQMinusOneMinusSigmaLogOneMinusQ()
    {
        var expected = Logits.Zip(Teacher, (z, q) => -((Sigmoid(z) * Math.Log(q)) + ((1 - Sigmoid(z)) * Math.Log(1 - q)))).Average();
        AssertClose(expected, StudentLoss.ReverseCrossEntropy().Evaluate(Logits, Teacher), rtol: 1e-14);
    }

    [Fact]
    public void TheSymmetricLossIsItsWeightedSumAndExposesItsWeights()
    {
        var loss = StudentLoss.Symmetric(forwardWeight: 0.7, reverseWeight: 0.3);
        var expected = (0.7 * StudentLoss.ForwardCrossEntropy.Evaluate(Logits, Teacher)) + (0.3 * StudentLoss.ReverseCrossEntropy().Evaluate(Logits, Teacher));
        AssertClose(expected, loss.Evaluate(Logits, Teacher), rtol: 1e-14);
        var perSample = Assert.IsType<SymmetricCrossEntropyLoss>(loss.PerSampleLoss(Teacher));
        Assert.Equal(0.7, perSample.ForwardWeight);
        Assert.Equal(0.3, perSample.ReverseWeight);
        Assert.Null(loss.Auxiliary);
    }

    [Fact]
    public void TheAuxiliaryLossHasNoPerSampleFormButItsSettingsAreVisible()
    {
        var loss = StudentLoss.AuxiliaryConfidence(auxCoefficient: 0.4, warmupFraction: 0.25);
        Assert.Null(loss.PerSampleLoss(Teacher));
        Assert.Equal(0.4, loss.Auxiliary!.AuxCoefficient);
        Assert.Equal(0.25, loss.Auxiliary.WarmupFraction);
        // Before any training the coefficient is 0 and the objective is forward cross-entropy.
        AssertClose(StudentLoss.ForwardCrossEntropy.Evaluate(Logits, Teacher), loss.Evaluate(Logits, Teacher, stepFraction: 0), rtol: 1e-14);
    }

    [Fact]
    public void TheEvaluatedLossAtTheTrainedLogitsIsTheLastRecordedTrainingLoss()
    {
        var random = new RandomStream(3);
        var inputs = random.NextGaussianMatrix(200, 4);
        var teacher = Enumerable.Range(0, 200).Select(i => Sigmoid((1.5 * inputs[i, 0]) - inputs[i, 2] + (0.3 * random.NextGaussian()))).ToArray();
        foreach (var loss in new[] { StudentLoss.ForwardCrossEntropy, StudentLoss.ReverseCrossEntropy(), StudentLoss.ConfidenceAdaptive(), StudentLoss.AuxiliaryConfidence() })
        {
            var fit = LogisticStudentTraining.Train(inputs, teacher, loss, new AdamSettings(LearningRate: 0.05, Steps: 200));
            AssertClose(fit.Curve[^1].Loss, loss.Evaluate(fit.Student.Logits(inputs), teacher), rtol: 1e-13);
        }
    }

    [Fact]
    public void BadInputsAreNamed()
    {
        Assert.Contains("teacherProbabilities[1]", Assert.Throws<ArgumentOutOfRangeException>(() => StudentLoss.ForwardCrossEntropy.Evaluate(Logits, [0.1, 1.2, 0.5, 0.5, 0.5])).Message, StringComparison.Ordinal);
        Assert.Contains("logits", Assert.Throws<ArgumentException>(() => StudentLoss.ForwardCrossEntropy.Evaluate([0.0], Teacher)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => StudentLoss.ForwardCrossEntropy.Evaluate([double.NaN, 0, 0, 0, 0], Teacher));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentLoss.ForwardCrossEntropy.Evaluate(Logits, Teacher, stepFraction: 1.5));
    }
}
