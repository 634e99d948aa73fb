using System.Text;

namespace NotebookEngine.Execution;

/// <summary>
/// Routes <see cref="Console.Out"/> and <see cref="Console.Error"/> (and empties <see cref="Console.In"/>) to the cell being executed on the current execution
/// context (an <see cref="AsyncLocal{T}"/>, so that tasks started by a cell write into that cell, and two sessions in one
/// process do not mix); outside a cell, writes go to the original console.
/// </summary>
internal static class ConsoleRouter
{
    private static readonly AsyncLocal<CellOutputCollector?> Current = new();
    private static readonly Lock InstallLock = new();
    private static bool _installed;

    /// <summary>The collector receiving console output on this execution context.</summary>
    public static CellOutputCollector? Collector
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <summary>Replaces the console writers with routing writers, once per process.</summary>
    public static void Install()
    {
        lock (InstallLock)
        {
            if (_installed)
            {
                return;
            }

            Console.SetOut(new RoutingWriter(Console.Out, Model.StreamOutput.StandardOutput));
            Console.SetError(new RoutingWriter(Console.Error, Model.StreamOutput.StandardError));

            // A headless run has no one to answer Console.ReadLine: it reads end of input instead of blocking.
            Console.SetIn(TextReader.Null);
            _installed = true;
        }
    }

    private sealed class RoutingWriter(TextWriter original, string stream) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override void Write(char value)
        {
            if (Collector is { } collector)
            {
                collector.Write(stream, value.ToString());
            }
            else
            {
                original.Write(value);
            }
        }

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }

            if (Collector is { } collector)
            {
                collector.Write(stream, value);
            }
            else
            {
                original.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? "") + new string(CoreNewLine));

        public override void Flush()
        {
            if (Collector is null)
            {
                original.Flush();
            }
        }
    }
}
