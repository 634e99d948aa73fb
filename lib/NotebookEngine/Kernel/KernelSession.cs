using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Connection;
using Microsoft.DotNet.Interactive.Events;
using NotebookEngine.Execution;
using NotebookEngine.Model;
using NotebookEngine.Reading;

namespace NotebookEngine.Kernel;

/// <summary>
/// One running .NET Interactive kernel (the pinned <see cref="KernelTool"/>), started over stdio exactly as the VS Code
/// extension starts it (<see cref="StdIoKernelConnector"/>), with its working directory set to a notebook's folder.
/// Each cell is sent as a <see cref="SubmitCode"/> to the proxy of its kernel (<c>csharp</c>, or any other subkernel
/// the kernel has), so directives, formatting, display handles, kernel extensions and failures are the kernel's own.
/// The session adds what a headless run needs: a per-cell time limit (the kernel process is killed, since a busy cell
/// cannot be interrupted), and a clear failure when the kernel process dies while a cell runs (<c>Environment.Exit</c>,
/// a stack overflow). After either, the session is over: later cells fail without running.
/// </summary>
public sealed class KernelSession : IAsyncDisposable
{
    /// <summary>How long the kernel may take to start and report that it is ready.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>How many times a kernel that reports ready without its subkernels is started before giving up.</summary>
    private const int StartAttempts = 3;

    private const int StandardErrorLinesKept = 40;

    private readonly StdIoKernelConnector _connector;
    private readonly Process _process;
    private readonly Dictionary<string, ProxyKernel> _proxies = new(StringComparer.Ordinal);
    private readonly Queue<string> _standardErrorTail = new();
    private readonly Lock _standardErrorLock = new();
    private string? _endedBecause;

    private KernelSession(StdIoKernelConnector connector, Process process, ProxyKernel csharp, string workingDirectory)
    {
        _connector = connector;
        _process = process;
        _proxies["csharp"] = csharp;
        WorkingDirectory = workingDirectory;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_standardErrorLock)
            {
                _standardErrorTail.Enqueue(e.Data);
                while (_standardErrorTail.Count > StandardErrorLinesKept)
                {
                    _standardErrorTail.Dequeue();
                }
            }
        };
    }

    /// <summary>The kernel's working directory (the notebook's folder).</summary>
    public string WorkingDirectory { get; }

    /// <summary>The number of submissions so far (the last execution count).</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The kernel process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Why the session is over (the kernel exited, or was stopped after a time limit), or null while it runs.</summary>
    public string? EndedBecause => _endedBecause;

    /// <summary>
    /// Starts the kernel (restoring the tool first if needed) with <paramref name="workingDirectory"/> as its working
    /// directory; a kernel that reports ready without its C# subkernel is replaced by a fresh one, up to three starts.
    /// </summary>
    /// <exception cref="KernelStartException">The tool cannot be restored, or the kernel did not start.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<KernelSession> StartAsync(KernelTool tool, string workingDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tool);
        await tool.EnsureRestoredAsync(cancellationToken).ConfigureAwait(false);
        var folder = Path.GetFullPath(workingDirectory);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(tool, folder, cancellationToken).ConfigureAwait(false);
            }
            catch (KernelStartException e) when (attempt < StartAttempts && e.InnerException is InvalidOperationException)
            {
                // Kernel 1.0.712001 now and then reports ready before its subkernels are listed, and the connector
                // then finds no "csharp" ("Sequence contains no matching element"): a fresh process starts cleanly.
            }
        }
    }

    private static async Task<KernelSession> StartOnceAsync(KernelTool tool, string folder, CancellationToken cancellationToken)
    {
        var hostUri = new Uri($"kernel://notebook-runner-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var connector = new StdIoKernelConnector([.. tool.StdioCommand(folder)], "runner", hostUri, new DirectoryInfo(tool.RepositoryRoot));
        try
        {
            var csharp = await connector.CreateProxyKernelAsync("csharp", "csharp").WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
            var process = ProcessOf(connector) ?? throw new KernelStartException("The kernel started but its process cannot be observed.");

            // The C# subkernel compiles its first submission slowly (Roslyn warming up: 1.1 s for "Console.Write(0);" on
            // two cores). Done here, before any cell and unrecorded, so that a cell's time limit counts the cell's own code.
            var warmUp = await csharp.SendAsync(new SubmitCode("0"), cancellationToken).WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
            if (warmUp.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            {
                throw new KernelStartException($"The kernel started but its C# subkernel failed a first, empty submission: {failed.Message}");
            }

            return new KernelSession(connector, process, csharp, folder);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Abandon(connector);
            throw e switch
            {
                KernelStartException start => start,
                TimeoutException => new KernelStartException($"The kernel ({string.Join(' ', tool.StdioCommand(folder))}) did not report ready within {StartTimeout.TotalSeconds:0} s.", e),
                _ => new KernelStartException($"The kernel ({string.Join(' ', tool.StdioCommand(folder))}) did not start: {e.Message}", e),
            };
        }
        catch (OperationCanceledException)
        {
            Abandon(connector);
            throw;
        }
    }

    /// <summary>Kills the process tree of a connector whose kernel did not start, then releases the connector.</summary>
    private static void Abandon(StdIoKernelConnector connector)
    {
        KillTree(ProcessOf(connector));
        Stop(connector);
    }

    /// <summary>
    /// Submits one cell's code and waits for it to finish, for the kernel process to exit, or for <paramref name="timeout"/>.
    /// A cell with kernel chooser lines (<c>#!fsharp</c>, <c>#!csharp</c>, ...) is split at them, as Polyglot splits it,
    /// and each part goes to its own kernel in order; a part that fails ends the cell (see <see cref="SplitAtChoosers"/>).
    /// </summary>
    /// <param name="kernelName">The cell's kernel (<c>csharp</c>, <c>fsharp</c>, ...).</param>
    /// <param name="code">The cell's source, directives included.</param>
    /// <param name="timeout">The longest the cell may run (null: no limit). When it passes, the kernel process is killed.</param>
    /// <param name="cancellationToken">Cancels the run: the kernel process is killed and the exception propagates.</param>
    /// <returns>The outputs, the failure if any, and the wall time; failures are reported, not thrown.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<CellExecutionResult> ExecuteAsync(string kernelName, string code, TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kernelName);
        ArgumentNullException.ThrowIfNull(code);
        ExecutionCount++;
        var stopwatch = Stopwatch.StartNew();
        if (_endedBecause is { } ended)
        {
            return Failed($"Not executed: {ended}", stopwatch.Elapsed, []);
        }

        var outputs = new KernelEventOutputs();
        var budget = timeout;
        foreach (var part in SplitAtChoosers(kernelName, code))
        {
            ProxyKernel proxy;
            try
            {
                proxy = await ProxyForAsync(part.KernelName).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                return Failed($"The kernel has no subkernel named '{part.KernelName}' ({e.Message}).", stopwatch.Elapsed, outputs);
            }

            var (ending, timed) = await SubmitAsync(proxy, part.Code, outputs, budget, cancellationToken).ConfigureAwait(false);
            budget -= timed;
            if (ending == PartEnding.Exited)
            {
                var exitCode = _process.ExitCode;
                var message = $"The kernel process exited with code {exitCode} while this cell ran ({ExitMeaning(exitCode)}); the remaining cells were not executed.";
                _endedBecause = $"the kernel process exited with code {exitCode} in an earlier cell.";
                var tail = StandardErrorTail();
                return Failed(message, stopwatch.Elapsed, outputs, tail.Count == 0 ? [] : ["The kernel's last lines on standard error:", .. tail]);
            }

            if (ending == PartEnding.Expired)
            {
                Kill();
                cancellationToken.ThrowIfCancellationRequested();
                var seconds = timeout!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                _endedBecause = $"an earlier cell ran past the {seconds} s time limit and the kernel was stopped.";
                return Failed(
                    $"The cell did not finish within {seconds} s (--timeout-seconds); the kernel was stopped and the remaining cells were not executed.",
                    stopwatch.Elapsed,
                    outputs);
            }

            if (outputs.FailureMessage is not null)
            {
                break;
            }
        }

        return Result(outputs, stopwatch.Elapsed);
    }

    /// <summary>
    /// Ends the kernel: kills the whole process tree (the kernel and any process its cells started), then releases the
    /// connector. The order matters: the connector's own disposal kills only its direct child, and a kernel whose
    /// standard input closes under it keeps spinning on a core.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        Kill();
        Stop(_connector);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Splits a cell at its kernel chooser lines (<c>#!csharp</c>, <c>#!c#</c>, <c>#!fsharp</c>, ...): the code above the
    /// first chooser runs in <paramref name="kernelName"/>, each chooser's lines in the kernel it names. Each part keeps its
    /// lines at their places (every other line blank, the chooser line too), so the kernel's line numbers are the cell's;
    /// parts with only blank lines are dropped. The runner splits because kernel 1.0.712001 never completes a submission
    /// to a subkernel that names that same subkernel in a chooser (the subkernel waits on itself); Polyglot splits at the
    /// same lines before sending.
    /// </summary>
    internal static IReadOnlyList<(string KernelName, string Code)> SplitAtChoosers(string kernelName, string code)
    {
        var lines = code.Split('\n');
        var parts = new List<(string KernelName, int Start, int End)>();
        var current = kernelName;
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal) && KernelNames.TryNormalize(line[2..], out var chosen))
            {
                parts.Add((current, start, i));
                current = chosen;
                start = i + 1;
            }
        }

        parts.Add((current, start, lines.Length));
        var result = new List<(string KernelName, string Code)>();
        foreach (var (kernel, from, to) in parts)
        {
            if (lines[from..to].All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var kept = lines.Select((line, index) => index >= from && index < to ? line : (line.EndsWith('\r') ? "\r" : ""));
            result.Add((kernel, string.Join('\n', kept).TrimEnd()));
        }

        return result;
    }

    /// <summary>
    /// Sends one part and waits for it, for the kernel to exit, or for <paramref name="budget"/> of the part's own time.
    /// The clock starts when the part's code starts to run: a part with <c>#r "nuget: …"</c> first waits for the
    /// kernel's package restore (its first <c>PackageAdded</c> or "Installed Packages" report), which is not counted.
    /// </summary>
    /// <returns>How the part ended, and the time counted against the budget.</returns>
    private async Task<(PartEnding Ending, TimeSpan Timed)> SubmitAsync(ProxyKernel proxy, string code, KernelEventOutputs outputs, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var live = new List<KernelEvent>();
        var restoring = code.Contains("#r \"nuget:", StringComparison.Ordinal);
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = proxy.KernelEvents.Subscribe(e =>
        {
            lock (live)
            {
                live.Add(e);
            }

            if (restoring && IsRestoreReport(e))
            {
                restored.TrySetResult();
            }
        });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var send = proxy.SendAsync(new SubmitCode(code), CancellationToken.None);
        var exited = _process.WaitForExitAsync(CancellationToken.None);
        var cancelled = Task.Delay(Timeout.InfiniteTimeSpan, stop.Token);
        try
        {
            // Without a restore to wait for, the part's code starts at once (the restored task stands for "code started").
            var first = restoring ? await Task.WhenAny(send, exited, cancelled, restored.Task).ConfigureAwait(false) : restored.Task;
            var clock = Stopwatch.StartNew();
            if (first == restored.Task)
            {
                var expired = budget is { } left ? Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, stop.Token) : cancelled;
                first = await Task.WhenAny(send, exited, expired).ConfigureAwait(false);
            }

            if (first == send)
            {
                foreach (var e in (await send.ConfigureAwait(false)).Events)
                {
                    outputs.Add(e);
                }

                return (PartEnding.Completed, clock.Elapsed);
            }

            lock (live)
            {
                foreach (var e in live.Where(e => e is not CommandFailed and not CommandSucceeded))
                {
                    outputs.Add(e);
                }
            }

            return (first == exited ? PartEnding.Exited : PartEnding.Expired, clock.Elapsed);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The kernel's report that a cell's <c>#r "nuget: …"</c> packages are restored.</summary>
    private static bool IsRestoreReport(KernelEvent e) =>
        e is PackageAdded
        || (e is DisplayEvent display && display.FormattedValues.Any(v => v.Value?.Contains("<strong>Installed Packages</strong>", StringComparison.Ordinal) == true));

    private static CellExecutionResult Result(KernelEventOutputs outputs, TimeSpan elapsed)
    {
        var failure = outputs.FailureMessage is { } message ? new CellFailure(outputs.FirstErrorLine, FirstLine(message)) : null;
        return new CellExecutionResult(outputs.ToOutputs(), failure, elapsed) { EarlierDisplayUpdates = outputs.EarlierDisplayUpdated };
    }

    private static CellExecutionResult Failed(string message, TimeSpan elapsed, KernelEventOutputs partial, IReadOnlyList<string>? detail = null)
    {
        partial.Add(new ErrorOutput("Error", message, [message, .. detail ?? []]));
        return new CellExecutionResult(partial.ToOutputs(), new CellFailure(null, message), elapsed) { EarlierDisplayUpdates = partial.EarlierDisplayUpdated };
    }

    private static CellExecutionResult Failed(string message, TimeSpan elapsed, IReadOnlyList<string> detail) =>
        Failed(message, elapsed, new KernelEventOutputs(), detail);

    private enum PartEnding
    {
        Completed,
        Exited,
        Expired,
    }

    private static string FirstLine(string message) => message.TrimStart().Split('\n')[0].TrimEnd('\r');

    private static string ExitMeaning(int exitCode) => exitCode switch
    {
        0 => "Environment.Exit(0) or a quit command",
        134 => "SIGABRT: a stack overflow or a fatal runtime error",
        137 => "SIGKILL: killed, possibly for lack of memory",
        139 => "SIGSEGV: a crash in native code",
        _ => "Environment.Exit or a fatal error",
    };

    private async Task<ProxyKernel> ProxyForAsync(string kernelName)
    {
        if (!_proxies.TryGetValue(kernelName, out var proxy))
        {
            proxy = await _connector.CreateProxyKernelAsync(kernelName, kernelName).ConfigureAwait(false);
            _proxies[kernelName] = proxy;
        }

        return proxy;
    }

    private List<string> StandardErrorTail()
    {
        // The process has exited; give its asynchronous standard-error reader a moment to deliver the last lines.
        _process.WaitForExit(2000);
        lock (_standardErrorLock)
        {
            return _standardErrorTail.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        }
    }

    private void Kill() => KillTree(_process);

    /// <summary>Kills <paramref name="process"/> and every process under it (processes the kernel's cells started), if still running.</summary>
    private static void KillTree(Process? process)
    {
        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Never started, or already gone.
        }
    }

    private static void Stop(StdIoKernelConnector connector)
    {
        try
        {
            connector.Dispose();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The kernel process is already gone, so its standard input is closed.
        }
    }

    /// <summary>
    /// The kernel process the connector started. StdIoKernelConnector exposes only its id, and a process obtained by id
    /// cannot report its exit code, so the connector's own Process object is read (Microsoft.DotNet.Interactive
    /// 1.0.0-beta.26120.1 is the last release, so this private field will not move).
    /// </summary>
    private static Process? ProcessOf(StdIoKernelConnector connector) =>
        typeof(StdIoKernelConnector).GetField("_process", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(connector) as Process;
}
