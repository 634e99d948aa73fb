// Notebooks share the process-wide Formatter, console and working directory: the engine runs one notebook at a time per process.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
