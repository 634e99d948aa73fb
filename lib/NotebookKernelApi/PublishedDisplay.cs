namespace NotebookKernelApi;

/// <summary>A display output as published by an <see cref="IDisplaySink"/>.</summary>
/// <param name="DisplayId">The id that later updates refer to.</param>
/// <param name="MimeTypes">The MIME types the value was formatted in; updates are formatted in the same ones, as in .NET Interactive.</param>
public sealed record PublishedDisplay(string DisplayId, IReadOnlyList<string> MimeTypes);
