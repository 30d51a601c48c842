using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace Coco.InitData.Targets.Tests;

/// <summary>Registers the installed SDK's MSBuild before any test touches a Microsoft.Build type.</summary>
internal static class MSBuildRegistration
{
    [ModuleInitializer]
    internal static void Register()
    {
        if (!MSBuildLocator.IsRegistered)
        {
            MSBuildLocator.RegisterDefaults();
        }
    }
}
