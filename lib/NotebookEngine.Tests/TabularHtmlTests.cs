using NotebookKernelApi;

namespace NotebookEngine.Tests;

public sealed class TabularHtmlTests
{
    [Fact]
    public void ShowsTheFirstPageAndCountsAllRows()
    {
        var rows = Enumerable.Range(0, 25).Select(i => new object?[] { i * i, i % 2 == 0 ? "<even>" : null });
        var html = TabularHtml.DataFrame(["square", "parity"], rows, 25);

        Assert.Contains("DataFrame - 25 rows", html);
        Assert.Equal(TabularHtml.PageSize, html.Split("<tr><td><i>").Length - 1);
        Assert.Contains("<pre>81</pre>", html);
        Assert.DoesNotContain("<pre>100</pre>", html);
        Assert.Contains("&lt;even&gt;", html);
        Assert.Contains("&lt;null&gt;", html);
        Assert.Contains("rows 0 to 9 of 25", html);
    }
}
