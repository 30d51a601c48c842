namespace Coco.InitData.Tool.Tests.Infrastructure;

/// <summary>
/// A test class that runs the shared installed tool in a temp folder of each test's own, deleted after the test
/// (xunit makes a new instance per test). Derived classes still name <see cref="ToolCollection"/>.
/// </summary>
public abstract class ToolTestsWithAFolder : IDisposable
{
    protected ToolTestsWithAFolder(InstalledTool tool) => Tool = tool;

    /// <summary>The coco-initdata every tool test runs.</summary>
    protected InstalledTool Tool { get; }

    /// <summary>This test's folder.</summary>
    protected TempDirectory Folder { get; } = new();

    public void Dispose()
    {
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
