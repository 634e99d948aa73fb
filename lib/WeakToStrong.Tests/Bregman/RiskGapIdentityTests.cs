using MathNet.Numerics.LinearAlgebra;
using WeakToStrong.Bregman;
using static WeakToStrong.Tests.Bregman.TestLaws;
using static WeakToStrong.Tests.NumericAssert;

namespace WeakToStrong.Tests.Bregman;

public sealed class RiskGapIdentityTests
{
    private static readonly BinaryCrossEntropyGenerator Binary = BinaryCrossEntropyGenerator.Instance;
    private static readonly MulticlassCrossEntropyGenerator Simplex = MulticlassCrossEntropyGenerator.Instance;
    private static readonly SquaredLossGenerator Squared = SquaredLossGenerator.Instance;

    private static readonly double[] JointTeacherLogits = [1.5, -0.5, 0.3];
    private static readonly double[] JointStudentLogits = [0.8, -0.2];

    private static readonly double[,] JointWeights =
    {
        { 0.2367644936, 0.1002821927 },
        { 0.0152302342, 0.0061434735 },
        { 0.3022999973, 0.3392796087 },
    };

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void SquaredLossEnsembleGainEqualsMisfitAndOneMinusOneOverKTimesVariance(int members)
    {
        // Teacher ∈ {−1, 3} equally likely, target 0: Var = 4, E R(f_w) = 5.
        var teacher = new DiscreteLaw<double>([-1.0, 3.0], [0.5, 0.5]);
        var terms = RiskGapIdentity.Evaluate(Squared, DualEnsemble.StudentLaw(Squared, 0.0, teacher, members));
        Assert.Equal(5, terms.TeacherRisk, 1e-13);
        Assert.Equal((1 - 1.0 / members) * 4, terms.Gain, 1e-12);
        Assert.Equal(terms.Misfit, terms.Gain, 1e-12);
        Assert.True(Math.Abs(terms.Residual) < 1e-12, $"residual {terms.Residual}");
        AssertBelow(Math.Abs(terms.IdentityDefect), 1e-12);
        // Independent check: the student is the sample mean, so E R(f_s) = bias² + Var/K = 1 + 4/K.
        Assert.Equal(1 + 4.0 / members, terms.StudentRisk, 1e-12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.7)]
    public void CrossEntropyEnsembleGainEqualsMisfitAndGrowsWithK(double target)
    {
        var teacher = new DiscreteLaw<double>([Sigmoid(2), Sigmoid(-1)], [0.5, 0.5]);
        double previousGain = 0;
        foreach (var members in new[] { 1, 2, 3, 4, 6 })
        {
            var terms = RiskGapIdentity.Evaluate(Binary, DualEnsemble.StudentLaw(Binary, target, teacher, members));
            Assert.True(Math.Abs(terms.Gain - terms.Misfit) < 1e-13, $"K = {members}: gain {terms.Gain}, misfit {terms.Misfit}");
            Assert.True(Math.Abs(terms.Residual) < 1e-13, $"K = {members}: residual {terms.Residual}");
            if (members == 1)
            {
                Assert.Equal(0, terms.Gain, 1e-15);
            }
            else
            {
                Assert.True(terms.Gain > previousGain, $"K = {members}: gain {terms.Gain} not above {previousGain}");
            }

            previousGain = terms.Gain;
        }
    }

    [Fact]
    public void CrossEntropyEnsembleOfTwoMatchesAHandEnumeration()
    {
        // K = 2 teachers with logits in {2, −1}: the student's logit is the mean of the two draws.
        var target = 0.7;
        double[] z = [2, -1];
        double teacherRisk = 0, studentRisk = 0, misfit = 0;
        foreach (var z1 in z)
        {
            foreach (var z2 in z)
            {
                var s = Sigmoid((z1 + z2) / 2);
                teacherRisk += 0.25 * BinaryKl(target, Sigmoid(z1));
                studentRisk += 0.25 * BinaryKl(target, s);
                misfit += 0.25 * BinaryKl(s, Sigmoid(z1));
            }
        }

        var terms = RiskGapIdentity.Evaluate(Binary,
            DualEnsemble.StudentLaw(Binary, target, new DiscreteLaw<double>([Sigmoid(2), Sigmoid(-1)], [0.5, 0.5]), 2));
        Assert.Equal(teacherRisk, terms.TeacherRisk, 1e-14);
        Assert.Equal(studentRisk, terms.StudentRisk, 1e-14);
        Assert.Equal(misfit, terms.Misfit, 1e-14);
        Assert.Equal(teacherRisk - misfit, studentRisk, 1e-14);
    }

    [Fact]
    public void MulticlassEnsembleGainEqualsMisfit()
    {
        var random = Seeded(21);
        var points = Enumerable.Range(0, 3).Select(_ => RandomSimplexPoint(random, 3)).ToArray();
        var teacher = DiscreteLaw<Vector<double>>.FromWeights(points, RandomWeights(random, 3));
        var target = Vector<double>.Build.DenseOfArray([0, 1, 0]);
        var terms = RiskGapIdentity.Evaluate(Simplex, DualEnsemble.StudentLaw(Simplex, target, teacher, 3));
        Assert.True(terms.Misfit > 0.01);
        Assert.True(Math.Abs(terms.Gain - terms.Misfit) < 1e-13, $"gain {terms.Gain}, misfit {terms.Misfit}");
    }

    [Fact]
    public void DependentStudentThatIsNotThePosteriorMeanDoesWorseThanItsTeacher()
    {
        // A dependent student that is not its posterior-mean teacher: teacher logits (rows), student logits (columns),
        // joint weights J, target 0.8.
        var target = 0.8;
        var law = RiskGapIdentity.FromJointWeights(target,
            JointTeacherLogits.Select(Sigmoid).ToArray(), JointStudentLogits.Select(Sigmoid).ToArray(), JointWeights);
        var terms = RiskGapIdentity.Evaluate(Binary, law);

        // Independent computation from the definitions.
        double total = 0;
        foreach (var w in JointWeights)
        {
            total += w;
        }

        double teacherRisk = 0, studentRisk = 0, misfit = 0, residual = 0;
        for (var j = 0; j < 2; j++)
        {
            double column = 0, logitSum = 0;
            for (var i = 0; i < 3; i++)
            {
                column += JointWeights[i, j];
                logitSum += JointWeights[i, j] * JointTeacherLogits[i];
            }

            var posteriorMeanLogit = logitSum / column;
            var student = Sigmoid(JointStudentLogits[j]);
            for (var i = 0; i < 3; i++)
            {
                var p = JointWeights[i, j] / total;
                teacherRisk += p * BinaryKl(target, Sigmoid(JointTeacherLogits[i]));
                studentRisk += p * BinaryKl(target, student);
                misfit += p * BinaryKl(student, Sigmoid(JointTeacherLogits[i]));
                residual += p * (posteriorMeanLogit - JointStudentLogits[j]) * (target - student);
            }
        }

        Assert.Equal(teacherRisk, terms.TeacherRisk, 1e-14);
        Assert.Equal(studentRisk, terms.StudentRisk, 1e-14);
        Assert.Equal(misfit, terms.Misfit, 1e-14);
        Assert.Equal(residual, terms.Residual, 1e-13);
        Assert.True(Math.Abs(terms.IdentityDefect) < 1e-14, $"defect {terms.IdentityDefect}");
        Assert.True(terms.Residual > terms.Misfit && terms.Misfit > 0, $"residual {terms.Residual}, misfit {terms.Misfit}");
        Assert.True(terms.StudentRisk > terms.TeacherRisk, "W2SG must fail for this joint law");

        var posterior = RiskGapIdentity.PosteriorMeanTeachers(Binary, law);
        Assert.Equal(2, posterior.Count);
        Assert.Equal(Sigmoid((0.2367644936 * 1.5 - 0.0152302342 * 0.5 + 0.3022999973 * 0.3) / (0.2367644936 + 0.0152302342 + 0.3022999973)),
            posterior[0], 1e-14);
    }

    [Fact]
    public void StudentReplacedByItsPosteriorMeanTeacherGainsExactlyTheMisfit()
    {
        // Same joint law as the dependent-student test above but the student of column j is the posterior-mean teacher
        // of column j.
        var target = 0.8;
        var original = RiskGapIdentity.FromJointWeights(target,
            JointTeacherLogits.Select(Sigmoid).ToArray(), JointStudentLogits.Select(Sigmoid).ToArray(), JointWeights);
        var posterior = RiskGapIdentity.PosteriorMeanTeachers(Binary, original);
        var law = RiskGapIdentity.FromJointWeights(target,
            JointTeacherLogits.Select(Sigmoid).ToArray(), [posterior[0], posterior[1]], JointWeights);
        var terms = RiskGapIdentity.Evaluate(Binary, law);
        Assert.True(Math.Abs(terms.Residual) < 1e-15, $"residual {terms.Residual}");
        AssertBelow(Math.Abs(terms.Gain - terms.Misfit), 1e-14);
        Assert.True(terms.Gain > 0);
    }

    [Fact]
    public void IdentityHoldsOnRandomJointLawsWithArbitraryStudents()
    {
        var random = Seeded(22);
        for (var trial = 0; trial < 300; trial++)
        {
            int rows = 1 + random.Next(4), columns = 1 + random.Next(4);
            var weights = new double[rows, columns];
            for (var i = 0; i < rows; i++)
            {
                for (var j = 0; j < columns; j++)
                {
                    weights[i, j] = random.NextDouble();
                }
            }

            var teachers = Enumerable.Range(0, rows).Select(_ => RandomProbability(random)).ToArray();
            var students = Enumerable.Range(0, columns).Select(_ => RandomProbability(random)).ToArray();
            var target = random.Next(2) == 0 ? random.Next(2) : random.NextDouble();
            var binary = RiskGapIdentity.Evaluate(Binary, RiskGapIdentity.FromJointWeights(target, teachers, students, weights));
            Assert.True(Math.Abs(binary.IdentityDefect) < 1e-13, $"binary defect {binary.IdentityDefect}");

            var realTeachers = Enumerable.Range(0, rows).Select(_ => 4 * random.NextDouble() - 2).ToArray();
            var realStudents = Enumerable.Range(0, columns).Select(_ => 4 * random.NextDouble() - 2).ToArray();
            var squared = RiskGapIdentity.Evaluate(Squared,
                RiskGapIdentity.FromJointWeights(random.NextDouble(), realTeachers, realStudents, weights));
            Assert.True(Math.Abs(squared.IdentityDefect) < 1e-12, $"squared defect {squared.IdentityDefect}");
            // Squared loss: the residual is 2 E[(f̄ − f_s)(g − f_s)] ≤ 2 sqrt(E(f̄ − f_s)²) sqrt(E R(f_s))
            // (Cauchy–Schwarz).
            var squaredLaw = RiskGapIdentity.FromJointWeights(0.3, realTeachers, realStudents, weights);
            var posterior = RiskGapIdentity.PosteriorMeanTeachers(Squared, squaredLaw);
            var atTarget = RiskGapIdentity.Evaluate(Squared, squaredLaw);
            var distance = squaredLaw.Expectation(d => (posterior[d.Cell] - d.Student) * (posterior[d.Cell] - d.Student));
            Assert.Equal(2 * squaredLaw.Expectation(d => (posterior[d.Cell] - d.Student) * (0.3 - d.Student)), atTarget.Residual, 1e-12);
            AssertAtMost(Math.Abs(atTarget.Residual), 2 * Math.Sqrt(distance * atTarget.StudentRisk) + 1e-12);
        }
    }

    [Fact]
    public void ImitationGivesNoMisfitAndNoGain()
    {
        var teacher = new DiscreteLaw<double>([Sigmoid(2), Sigmoid(-1)], [0.5, 0.5]);
        var terms = RiskGapIdentity.Evaluate(Binary, RiskGapIdentity.Imitation(0.7, teacher));
        Assert.Equal(0, terms.Misfit);
        Assert.Equal(0, terms.Residual);
        Assert.Equal(0, terms.Gain);
    }

    [Fact]
    public void EmpiricalLawGivesSampleAverages()
    {
        var random = Seeded(23);
        var n = 40;
        var targets = Enumerable.Range(0, n).Select(_ => (double)random.Next(2)).ToArray();
        var teachers = Enumerable.Range(0, n).Select(_ => RandomProbability(random)).ToArray();
        var students = Enumerable.Range(0, n).Select(_ => RandomProbability(random)).ToArray();
        var teacherRisk = RiskGapIdentity.Risk(Binary, targets, teachers);
        var misfit = RiskGapIdentity.Misfit(Binary, students, teachers);
        Assert.Equal(Enumerable.Range(0, n).Average(i => BinaryKl(targets[i], teachers[i])), teacherRisk, 1e-13);
        Assert.Equal(Enumerable.Range(0, n).Average(i => BinaryKl(students[i], teachers[i])), misfit, 1e-13);

        // Each sample its own cell: f̄ = f_w and (★) still holds exactly.
        var law = DiscreteLaw<TeacherStudentDraw<double>>.Empirical(
            Enumerable.Range(0, n).Select(i => new TeacherStudentDraw<double>(targets[i], teachers[i], students[i], i)));
        var terms = RiskGapIdentity.Evaluate(Binary, law);
        Assert.Equal(teacherRisk, terms.TeacherRisk, 1e-13);
        Assert.Equal(misfit, terms.Misfit, 1e-13);
        AssertBelow(Math.Abs(terms.IdentityDefect), 1e-13);
    }

    [Fact]
    public void CellsMustFixTheStudent()
    {
        var law = new DiscreteLaw<TeacherStudentDraw<double>>(
            [new(0.5, 0.3, 0.4, 0), new(0.5, 0.6, 0.45, 0)], [0.5, 0.5]);
        var error = Assert.Throws<ArgumentException>(() => RiskGapIdentity.Evaluate(Binary, law));
        Assert.Equal("law", error.ParamName);
        Assert.Contains("cell 0", error.Message);
    }

    [Fact]
    public void MeanLogitEnsembleAveragesLogits()
    {
        double[][] logits = [[2, -1, 0.5], [0, 3, -0.5], [1, -2, 0]];
        var ensemble = DualEnsemble.MeanLogitProbabilities(logits);
        Assert.Equal(Sigmoid(1), ensemble[0], 1e-15);
        Assert.Equal(Sigmoid(0), ensemble[1], 1e-15);
        Assert.Equal(Sigmoid(0), ensemble[2], 1e-15);
        Assert.Equal(Sigmoid(1), DualEnsemble.Average(Binary, [Sigmoid(2), Sigmoid(0), Sigmoid(1)]), 1e-14);

        var mismatch = Assert.Throws<ArgumentException>(() => DualEnsemble.MeanLogitProbabilities([[1, 2], [1]]));
        Assert.Equal("teacherLogits[1]", mismatch.ParamName);
        Assert.Contains("= 2", mismatch.Message);
    }
}
