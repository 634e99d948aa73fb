namespace NotebookKernelApi;

/// <summary>Content that is already formatted in one MIME type (the argument of <c>DisplayAs</c>); written as is.</summary>
/// <param name="Text">The formatted content.</param>
/// <param name="MimeType">Its MIME type.</param>
public sealed record PreformattedContent(string Text, string MimeType)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
