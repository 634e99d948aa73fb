using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using NotebookEngine.Directives;
using NotebookEngine.Formatting;
using NotebookEngine.Model;
using NotebookEngine.Packages;
using NotebookKernelApi;

namespace NotebookEngine.Execution;

/// <summary>
/// A C# kernel without a front end: executes cell sources one after another in one shared Roslyn script state, handles
/// the directives (<c>#r nuget</c>, <c>#i</c>, <c>#r dll</c>, <c>#load</c>, <c>#!time</c>, <c>#!set</c>), captures console
/// output and displayed values, and displays each cell's trailing value. A notebook runner and a Jupyter kernel both
/// drive it with <see cref="ExecuteCellAsync"/>.
/// </summary>
public sealed class NotebookSession
{
    /// <summary>One cell runs at a time per process: the working directory and the console are process-wide.</summary>
    private static readonly SemaphoreSlim ProcessGate = new(1, 1);

    private readonly PackageRestorer _restorer;
    private readonly InteractiveAssemblyLoader _assemblyLoader = ScriptEnvironment.CreateAssemblyLoader();
    private readonly Dictionary<string, PackageReference> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sources = [];
    private readonly Dictionary<string, string> _referencedAssemblies = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<KernelExtension> _activeExtensions = [];
    private ScriptOptions _options;
    private ScriptState<object>? _state;

    /// <summary>Creates a session whose working directory (and base of relative paths in directives) is <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">The notebook's folder.</param>
    /// <param name="restorer">The package restorer (default: caching under the user's cache folder).</param>
    public NotebookSession(string workingDirectory, PackageRestorer? restorer = null)
    {
        WorkingDirectory = Path.GetFullPath(workingDirectory);
        _restorer = restorer ?? new PackageRestorer();
        _options = ScriptEnvironment.CreateOptions(WorkingDirectory);
        ConsoleRouter.Install();
    }

    /// <summary>The notebook's folder: the working directory while a cell runs, and the base of relative directive paths.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The number of cells executed so far (the last execution count).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The packages added with <c>#r "nuget: ..."</c>, by name.</summary>
    public IReadOnlyDictionary<string, PackageReference> Packages => _packages;

    /// <summary>The number of package restores that ran <c>dotnet restore</c> (not served from the cache).</summary>
    public int RestoresRun { get; private set; }

    /// <summary>Raised while a cell runs, for each console write and each new display (a front end streams these; the cell's result holds them too).</summary>
    public event EventHandler<OutputProducedEventArgs>? OutputProduced;

    /// <summary>Raised when a cell updates a display, of this cell or of an earlier one (<see cref="DisplayUpdatedEventArgs.IsInCurrentCell"/>).</summary>
    public event EventHandler<DisplayUpdatedEventArgs>? DisplayUpdated;

    /// <summary>
    /// True when <paramref name="source"/> is a complete submission (no unclosed braces or strings), for a front end's
    /// is-complete request; directive lines are ignored.
    /// </summary>
    public static bool IsCompleteSubmission(string source)
    {
        string code;
        try
        {
            code = DirectiveParser.Parse(source).Code;
        }
        catch (DirectiveSyntaxException)
        {
            return true;
        }

        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        return SyntaxFactory.IsCompleteSubmission(tree);
    }

    /// <summary>The current value of the top-level variable <paramref name="name"/>.</summary>
    public bool TryGetVariable(string name, out object? value)
    {
        if (_state?.Variables.LastOrDefault(v => v.Name == name) is { } variable)
        {
            value = variable.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Executes one C# cell: its directives, then its code; its trailing expression's value is displayed.</summary>
    /// <param name="source">The cell's source.</param>
    /// <param name="cancellationToken">Cancels the cell: the engine stops waiting for it (code in a busy loop is abandoned, not interrupted, as in Polyglot) and the cell fails with "Command cancelled." (<see cref="CellExecutionResult.WasCancelled"/>).</param>
    /// <returns>The outputs and, when the cell failed, why. Failures are reported, not thrown.</returns>
    /// <exception cref="OperationCanceledException">Cancelled while waiting for another cell of this process to finish.</exception>
    public async Task<CellExecutionResult> ExecuteCellAsync(string source, CancellationToken cancellationToken = default)
    {
        ExecutionCount++;
        var collector = new CellOutputCollector(
            output => OutputProduced?.Invoke(this, new OutputProducedEventArgs(output)),
            (output, inThisCell) => DisplayUpdated?.Invoke(this, new DisplayUpdatedEventArgs(output, inThisCell)));
        var stopwatch = Stopwatch.StartNew();
        CellFailure? failure;
        var cancelled = false;
        await ProcessGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.SetCurrentDirectory(WorkingDirectory);
            failure = await RunCapturedAsync(source, collector, stopwatch, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // As Polyglot: the cell fails with "Command cancelled"; code still running is abandoned, not stopped.
            const string message = "Command cancelled.";
            collector.Add(new ErrorOutput("OperationCanceledException", message, [message]));
            failure = new CellFailure(null, message);
            cancelled = true;
        }
        finally
        {
            ProcessGate.Release();
        }

        return new CellExecutionResult(collector.ToOutputs(complete: true), failure, stopwatch.Elapsed, cancelled);
    }

    private async Task<CellFailure?> RunCapturedAsync(string source, CellOutputCollector collector, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        ConsoleRouter.Collector = collector;
        KernelHost.Current = collector;
        try
        {
            var failure = await RunAsync(source, collector, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                collector.Add(failure.Output);
                return failure.Failure;
            }

            if (DirectiveParser.Parse(source).Directives.Any(d => d is TimeDirective))
            {
                collector.Add(new DisplayDataOutput(
                    new Dictionary<string, string> { [ValueFormatter.PlainText] = WallTime(stopwatch.Elapsed) }));
            }

            return null;
        }
        finally
        {
            ConsoleRouter.Collector = null;
            KernelHost.Current = null;
        }
    }

    /// <summary>The <c>#!time</c> report, in the kernel's format (<c>Wall time: 12.3456ms</c>, invariant culture).</summary>
    private static string WallTime(TimeSpan elapsed) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Wall time: {elapsed.TotalMilliseconds}ms");

    private async Task<FailedStep?> RunAsync(string source, CellOutputCollector collector, CancellationToken cancellationToken)
    {
        ParsedCell parsed;
        try
        {
            parsed = DirectiveParser.Parse(source);
        }
        catch (DirectiveSyntaxException e)
        {
            return FailedStep.Error(e.Line, e.Message);
        }

        if (parsed.Directives.OfType<UnsupportedDirective>().FirstOrDefault() is { } unsupported)
        {
            return FailedStep.Error(unsupported.Line, unsupported.Reason);
        }

        _state ??= await CSharpScript.Create(ScriptEnvironment.KernelHelpersSubmission, _options, assemblyLoader: _assemblyLoader)
            .RunAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        foreach (var directive in parsed.Directives.OfType<NuGetSourceDirective>())
        {
            var sourceLocation = Uri.TryCreate(directive.Source, UriKind.Absolute, out var uri) && !uri.IsFile
                ? directive.Source
                : Path.GetFullPath(Path.Combine(WorkingDirectory, directive.Source));
            if (!_sources.Contains(sourceLocation))
            {
                _sources.Add(sourceLocation);
            }
        }

        if (await AddPackagesAsync(parsed.Directives.OfType<NuGetReferenceDirective>().ToList(), cancellationToken).ConfigureAwait(false) is { } packageFailure)
        {
            return packageFailure;
        }

        foreach (var directive in parsed.Directives.OfType<AssemblyReferenceDirective>())
        {
            var path = Path.GetFullPath(Path.Combine(WorkingDirectory, directive.Path));
            if (!File.Exists(path))
            {
                return FailedStep.Error(directive.Line, $"Assembly not found: {path} (from #r \"{directive.Path}\").");
            }

            AddReference(path);
        }

        if (await ActivateKernelExtensionsAsync(cancellationToken).ConfigureAwait(false) is { } extensionFailure)
        {
            return extensionFailure;
        }

        foreach (var directive in parsed.Directives.OfType<LoadScriptDirective>())
        {
            var path = Path.GetFullPath(Path.Combine(WorkingDirectory, directive.Path));
            if (!File.Exists(path))
            {
                return FailedStep.Error(directive.Line, $"Script not found: {path} (from #load \"{directive.Path}\").");
            }

            if (await SubmitAsync(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path, cancellationToken).ConfigureAwait(false) is { } loadFailure)
            {
                return loadFailure with { Failure = loadFailure.Failure with { Line = directive.Line, Message = $"#load \"{directive.Path}\": {loadFailure.Failure.Message}" } };
            }
        }

        foreach (var directive in parsed.Directives.OfType<SetVariableDirective>())
        {
            var declaration = $"string {directive.Name} = {SymbolDisplay.FormatLiteral(directive.Value, quote: true)};";
            if (await SubmitAsync(declaration, CellFilePath(), cancellationToken).ConfigureAwait(false) is { } setFailure)
            {
                return setFailure with { Failure = setFailure.Failure with { Line = directive.Line } };
            }
        }

        if (!parsed.HasCode)
        {
            return null;
        }

        if (await SubmitAsync(parsed.Code, CellFilePath(), cancellationToken).ConfigureAwait(false) is { } codeFailure)
        {
            return codeFailure;
        }

        if (HasTrailingExpression(_state.Script))
        {
            collector.Publish(_state.ReturnValue, []);
        }

        return null;
    }

    /// <summary>True when the submission ends with an expression without a semicolon, whose value the kernel displays.</summary>
    private static bool HasTrailingExpression(Script script) =>
        script.GetCompilation().SyntaxTrees.LastOrDefault()?.GetRoot() is Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax root
        && root.Members.LastOrDefault() is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax
        {
            Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true },
        };

    private string CellFilePath() => Path.Combine(WorkingDirectory, $"cell-{ExecutionCount}.csx");

    private async Task<FailedStep?> AddPackagesAsync(IReadOnlyList<NuGetReferenceDirective> directives, CancellationToken cancellationToken)
    {
        var added = new List<NuGetReferenceDirective>();
        foreach (var directive in directives)
        {
            var package = directive.Package;
            if (package.IsProvidedByKernel)
            {
                continue;
            }

            var previous = _packages.TryGetValue(package.Name, out var existing)
                ? existing
                : added.FirstOrDefault(a => string.Equals(a.Package.Name, package.Name, StringComparison.OrdinalIgnoreCase))?.Package;
            if (previous is not null)
            {
                if (package.Version is null || string.Equals(previous.Version, package.Version, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                return FailedStep.Error(directive.Line, $"{package.Name} version {package.Version} cannot be added because version {previous.Version ?? "(latest)"} was added previously.");
            }

            added.Add(directive);
        }

        if (added.Count == 0)
        {
            return null;
        }

        var all = _packages.Values.Concat(added.Select(a => a.Package)).ToList();
        RestoredPackages restored;
        try
        {
            restored = await _restorer.RestoreAsync(all, _sources, cancellationToken).ConfigureAwait(false);
        }
        catch (PackageRestoreException e)
        {
            var culprit = added.FirstOrDefault(a => e.Message.Contains($"package {a.Package.Name} ", StringComparison.OrdinalIgnoreCase)
                || e.Message.Contains($"package {a.Package.Name}.", StringComparison.OrdinalIgnoreCase)) ?? added[0];
            return FailedStep.Error(culprit.Line, e.Message);
        }

        if (!restored.FromCache)
        {
            RestoresRun++;
        }

        foreach (var directive in added)
        {
            _packages[directive.Package.Name] = directive.Package;
        }

        foreach (var assembly in restored.Assemblies)
        {
            AddReference(assembly);
        }

        return null;
    }

    private void AddReference(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        if (_referencedAssemblies.ContainsKey(name) || ScriptEnvironment.KernelAssemblies.Any(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        _referencedAssemblies[name] = path;
        _options = _options.AddReferences(MetadataReference.CreateFromFile(path));
    }

    private async Task<FailedStep?> ActivateKernelExtensionsAsync(CancellationToken cancellationToken)
    {
        foreach (var extension in KernelExtension.All)
        {
            if (_activeExtensions.Contains(extension) || !_referencedAssemblies.ContainsKey(extension.TriggerAssembly))
            {
                continue;
            }

            // Tried once: a failure is reported in the cell that loaded the assembly, not again in every later cell.
            _activeExtensions.Add(extension);
            if (await SubmitAsync(extension.RegistrationCode, Path.Combine(WorkingDirectory, "kernel-extension.csx"), cancellationToken).ConfigureAwait(false) is { } failure)
            {
                return failure with { Failure = failure.Failure with { Line = null, Message = $"Cannot register the {extension.Name} formatter: {failure.Failure.Message}" } };
            }
        }

        return null;
    }

    /// <summary>Compiles and runs one submission in the shared state. Compilation errors and exceptions become a failure; the state keeps what ran before an exception.</summary>
    private async Task<FailedStep?> SubmitAsync(string code, string filePath, CancellationToken cancellationToken)
    {
        try
        {
            var running = _state!.ContinueWithAsync(code, _options.WithFilePath(filePath), catchException: _ => true, cancellationToken);
            _state = await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CompilationErrorException e)
        {
            return FailedStep.Compilation(e.Diagnostics);
        }

        return _state.Exception is { } exception ? FailedStep.Exception(exception, filePath) : null;
    }
}
