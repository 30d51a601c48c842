using Microsoft.Build.Locator;

namespace Coco.InitData.Tool.Projects;

/// <summary>
/// Registers the installed SDK's MSBuild, chosen as <c>dotnet build</c> would choose it from the project's
/// folder (global.json applies). Must run before any Microsoft.Build type is touched, so it lives in a
/// class that mentions none.
/// </summary>
internal static class MsBuildRegistration
{
    public static bool TryRegister(string projectDirectory)
    {
        if (MSBuildLocator.IsRegistered)
        {
            return true;
        }

        var instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
        {
            DiscoveryTypes = DiscoveryType.DotNetSdk,
            WorkingDirectory = projectDirectory,
        }).FirstOrDefault();
        if (instance is null)
        {
            return false;
        }

        MSBuildLocator.RegisterInstance(instance);
        return true;
    }
}
