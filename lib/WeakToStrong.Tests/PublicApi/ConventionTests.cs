using System.Reflection;
using WeakToStrong.Sweeps;

namespace WeakToStrong.Tests.PublicApi;

/// <summary>The conventions of lib/WeakToStrong/README.md, checked over every public member of the library.</summary>
public sealed class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(LibraryInfo).Assembly.GetExportedTypes();

    private static IEnumerable<(string Member, ParameterInfo[] Parameters)> PublicSignatures() =>
        PublicMembers().Select(m => (m.Member, m.Parameters));

    private static IEnumerable<(string Member, ParameterInfo[] Parameters, Type Returns)> PublicMembers() =>
        PublicTypes.SelectMany(t =>
            t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Select(m => ($"{t.Name}.{m.Name}", m.GetParameters(), m.ReturnType))
                .Concat(t.GetConstructors().Select(c => ($"{t.Name}..ctor", c.GetParameters(), t))));

    private static bool IsStudent(string name) => name.StartsWith("student", StringComparison.OrdinalIgnoreCase) || name is "logit" or "logits";

    private static bool IsTeacher(string name) => name.StartsWith("teacher", StringComparison.OrdinalIgnoreCase);

    /// <summary>A record class or record struct: both have the compiler's PrintMembers.</summary>
    private static bool IsRecord(string member) =>
        PublicTypes.Any(t => member.StartsWith(t.Name + ".", StringComparison.Ordinal) && t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is not null);

    /// <summary>What a loss returns: a number, one number per sample or class, or a value with its gradient.</summary>
    private static bool IsLossValue(Type type) =>
        type == typeof(double) || type == typeof(double[]) || type == typeof(MathNet.Numerics.LinearAlgebra.Vector<double>) || type == typeof(IReadOnlyList<double>)
        || type.Name == "LossWithGradient" || (type.IsGenericType && type.Name.StartsWith("ValueTuple`", StringComparison.Ordinal) && type.GetGenericArguments()[0] == typeof(double));

    /// <summary>A value a loss compares: a probability, a logit or a vector, matrix or span of them.</summary>
    private static bool IsLossSlot(Type type) =>
        type.IsGenericParameter || type == typeof(double) || type == typeof(MathNet.Numerics.LinearAlgebra.Vector<double>) || type == typeof(MathNet.Numerics.LinearAlgebra.Matrix<double>)
        || type == typeof(ReadOnlySpan<double>) || type == typeof(double[]) || type == typeof(IReadOnlyList<double>) || type.Name == "DiscreteLaw"
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && IsLossSlot(type.GetGenericArguments()[0]));

    /// <summary>The first student and teacher parameters of the members whose signature has both.</summary>
    private static List<(string Member, ParameterInfo[] Parameters, ParameterInfo Student, ParameterInfo Teacher, bool IsLoss)> StudentTeacherPairs() =>
        PublicMembers()
            .Select(s => (s.Member, s.Parameters, s.Returns, Student: s.Parameters.FirstOrDefault(p => IsStudent(p.Name!)), Teacher: s.Parameters.FirstOrDefault(p => IsTeacher(p.Name!))))
            .Where(s => s.Student is not null && s.Teacher is not null && !s.Member.EndsWith(".Deconstruct", StringComparison.Ordinal) && !IsRecord(s.Member))
            .Select(s => (s.Member, s.Parameters, s.Student!, s.Teacher!, IsLoss: IsLossValue(s.Returns) && IsLossSlot(s.Student!.ParameterType) && IsLossSlot(s.Teacher!.ParameterType)))
            .ToList();

    [Fact]
    public void EveryLossOfAStudentAgainstItsTeacherTakesTheStudentFirst()
    {
        var losses = StudentTeacherPairs().Where(s => s.IsLoss).ToList();
        Assert.True(losses.Count >= 8, $"only {losses.Count} public members compare a student's values with a teacher's; the test no longer sees the losses");
        var reversed = losses.Where(s => s.Teacher.Position < s.Student.Position).Select(s => $"{s.Member}({string.Join(", ", s.Parameters.Select(p => p.Name))})").ToList();
        Assert.True(reversed.Count == 0, "teacher before student in:\n" + string.Join("\n", reversed));
    }

    [Fact]
    public void EverySetupListsTheWeakTeacherFirst()
    {
        // The other half of the rule: models and set-ups (dimensions, features, a teacher model, a joint law of teacher and
        // student values) follow the pipeline, weak teacher first. Records of results are not set-ups: they list what was measured.
        var setups = StudentTeacherPairs().Where(s => !s.IsLoss).ToList();
        Assert.True(setups.Count >= 4, $"only {setups.Count} set-ups with a teacher and a student");
        var reversed = setups.Where(s => s.Student.Position < s.Teacher.Position).Select(s => $"{s.Member}({string.Join(", ", s.Parameters.Select(p => p.Name))})").ToList();
        Assert.True(reversed.Count == 0, "student before teacher in a set-up:\n" + string.Join("\n", reversed));
    }

    [Fact]
    public void EveryStrongAndWeakPairListsTheStrongSpaceFirst()
    {
        // Dong et al. write (d_s, d_w, d_s∧w): set-ups named by strong and weak spaces follow that order.
        // Records of results list the four models in pipeline order instead (EveryFourModelRecordListsTheModelsInTheOneOrder).
        static bool IsStrong(string name) => name.StartsWith("strong", StringComparison.OrdinalIgnoreCase);
        static bool IsWeak(string name) => name.StartsWith("weak", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("weakToStrong", StringComparison.OrdinalIgnoreCase);
        var pairs = PublicSignatures()
            .Where(s => !IsRecord(s.Member) && s.Parameters.Any(p => IsStrong(p.Name!)) && s.Parameters.Any(p => IsWeak(p.Name!)))
            .ToList();
        Assert.True(pairs.Count >= 8, $"only {pairs.Count} public members take a strong and a weak space");
        var reversed = pairs.Where(s => Array.FindIndex(s.Parameters, p => IsWeak(p.Name!)) < Array.FindIndex(s.Parameters, p => IsStrong(p.Name!)))
            .Select(s => $"{s.Member}({string.Join(", ", s.Parameters.Select(p => p.Name))})").ToList();
        Assert.True(reversed.Count == 0, "weak before strong in:\n" + string.Join("\n", reversed));
    }

    [Fact]
    public void EveryStudentWithGradientDescentHasTheOneSignatureAndStepSizeBound()
    {
        var students = PublicTypes.Where(t => t.GetMethods().Any(m => m.Name.Contains("AfterSteps", StringComparison.Ordinal))).ToList();
        Assert.Contains(students, t => t.Name == "InfiniteWidthStudent");
        Assert.Contains(students, t => t.Name == "FiniteWidthStudent");
        Assert.Contains(students, t => t.Name == "GradientFlow");
        foreach (var type in students)
        {
            var descent = type.GetMethods().Where(m => m.Name.Contains("AfterSteps", StringComparison.Ordinal) && m.Name.StartsWith("Loss", StringComparison.Ordinal)).ToList();
            Assert.All(descent, m =>
            {
                Assert.Equal("LossesAfterSteps", m.Name);
                var parameters = m.GetParameters();
                Assert.Equal(typeof(IReadOnlyList<int>), parameters[^2].ParameterType);
                Assert.Equal("steps", parameters[^2].Name);
                Assert.Equal(typeof(double), parameters[^1].ParameterType);
                Assert.Equal("stepSize", parameters[^1].Name);
            });
            Assert.NotNull(type.GetProperty("MaximumStableStepSize"));
        }

        var strays = PublicSignatures().SelectMany(s => s.Parameters.Where(p => p.Name is "learningRate" or "eta").Select(p => $"{s.Member}: {p.Name}"))
            .Where(s => !s.StartsWith("Adam", StringComparison.Ordinal)).ToList();
        Assert.True(strays.Count == 0, "gradient descent's step is called stepSize everywhere (Adam keeps its LearningRate):\n" + string.Join("\n", strays));
    }

    [Fact]
    public void EveryLossCurveAndOracleStopHasTheSameDefaults()
    {
        foreach (var name in new[] { "LossCurve", "OracleStop" })
        {
            var defaults = PublicTypes.SelectMany(t => t.GetMethods().Where(m => m.Name == name))
                .Select(m => (m.DeclaringType!.Name, Defaults: string.Join(", ", m.GetParameters().Select(p => $"{p.Name}={p.DefaultValue}"))))
                .ToList();
            Assert.True(defaults.Count >= 2, $"{name}: found on {defaults.Count} types");
            Assert.True(defaults.Select(d => d.Defaults).Distinct().Count() == 1, $"{name} defaults differ:\n" + string.Join("\n", defaults.Select(d => $"{d.Name}: {d.Defaults}")));
        }
    }

    [Fact]
    public void EverySamplingParameterDefaultsToDesignMatrices()
    {
        var samplings = PublicSignatures().SelectMany(s => s.Parameters.Where(p => p.ParameterType.Name == "TrialSampling" && p.HasDefaultValue).Select(p => (s.Member, p.DefaultValue))).ToList();
        Assert.True(samplings.Count >= 4, $"only {samplings.Count} sampling parameters with a default");
        Assert.All(samplings, s => Assert.Equal("DesignMatrices", s.DefaultValue!.ToString()));
    }

    [Fact]
    public void EveryFourModelRecordListsTheModelsInTheOneOrder()
    {
        string[] order = ["Weak", "WeakToStrong", "StrongBaseline", "StrongCeiling"];
        foreach (var name in new[] { "WeakToStrongRisks", "FourModelRisks", "FourModelTrial", "RealDataTrial" })
        {
            var type = PublicTypes.Single(t => t.Name == name);
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var positions = order.Select(n => Array.FindIndex(constructor.GetParameters(), p => p.Name == n)).ToArray();
            Assert.True(positions.All(p => p >= 0) && positions.Zip(positions.Skip(1)).All(p => p.First < p.Second),
                $"{name}({string.Join(", ", constructor.GetParameters().Select(p => p.Name))}) does not list {string.Join(", ", order)} in this order");
        }
    }

    [Fact]
    public void EveryLibrarySweepReturnsTypedResults()
    {
        var sweeps = PublicTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => typeof(SweepResult).IsAssignableFrom(m.ReturnType) && m.DeclaringType != typeof(SweepResult))
                .Select(m => (Member: $"{t.Name}.{m.Name}", m.ReturnType)))
            .ToList();
        Assert.True(sweeps.Count >= 5, $"only {sweeps.Count} methods return a sweep");
        var plain = sweeps.Where(s => !s.ReturnType.IsGenericType).Select(s => s.Member).ToList();
        Assert.True(plain.Count == 0, "returns an untyped SweepResult (readers would need column-name strings):\n" + string.Join("\n", plain));
    }
}
