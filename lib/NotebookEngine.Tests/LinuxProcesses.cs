namespace NotebookEngine.Tests;

/// <summary>The process tree as /proc shows it (the tests that check a kernel leaves no process behind run on Linux).</summary>
internal static class LinuxProcesses
{
    /// <summary>Every process whose parent chain leads to <paramref name="pid"/>.</summary>
    public static IReadOnlyList<int> DescendantsOf(int pid)
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var child) && ParentOf(child) is { } parent)
            {
                parents[child] = parent;
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([pid]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var (child, parent) in parents)
            {
                if (parent == current)
                {
                    found.Add(child);
                    frontier.Enqueue(child);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Waits up to 10 s for every process of <paramref name="pids"/> to be gone (SIGKILL takes effect asynchronously);
    /// returns the ones still running.
    /// </summary>
    public static IReadOnlyList<int> StillRunningAfterGracePeriod(IEnumerable<int> pids)
    {
        var watched = pids.ToList();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (watched.Any(IsRunning) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        return watched.Where(IsRunning).ToList();
    }

    /// <summary>True while <paramref name="pid"/> exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ...", where comm may hold spaces and parentheses.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
