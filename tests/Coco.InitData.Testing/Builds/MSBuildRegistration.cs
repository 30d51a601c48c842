using Microsoft.Build.Locator;

namespace Coco.InitData.Testing;

/// <summary>Registers the installed SDK's MSBuild, so Microsoft.Build types load from the SDK and not from the test output.</summary>
public static class MSBuildRegistration
{
    /// <summary>
    /// Registers once. Call it from a [ModuleInitializer] of a project that evaluates MSBuild in-process:
    /// this method touches only the locator, so the call itself loads no Microsoft.Build assembly.
    /// </summary>
    public static void Register()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
