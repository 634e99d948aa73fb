using System.Runtime.InteropServices;
using NotebookRunner;

// Ctrl-C and SIGTERM cancel the run, which stops the kernel process it started (never leave a kernel behind).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

try
{
    return await RunnerCommand.RunAsync(args, Console.Error, cancellation.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
