using Xunit;

namespace Coco.InitData.Tool.Tests.Infrastructure;

/// <summary>A test of the Native AOT build: skipped, saying why, where the tests install the framework-dependent one.</summary>
public sealed class NativeToolFactAttribute : FactAttribute
{
    public NativeToolFactAttribute()
    {
        if (!InstalledTool.InstallsNative)
        {
            Skip = "The installed tool is framework-dependent here (not linux-x64, no clang on PATH, or COCO_TOOL_TESTS_BUILD=framework-dependent).";
        }
    }
}
