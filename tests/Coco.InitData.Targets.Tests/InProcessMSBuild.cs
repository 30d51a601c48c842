using System.Runtime.CompilerServices;
using Coco.InitData.Testing;

namespace Coco.InitData.Targets.Tests;

/// <summary>These tests evaluate projects in-process: the SDK's MSBuild is registered before any test touches a Microsoft.Build type.</summary>
internal static class InProcessMSBuild
{
    [ModuleInitializer]
    internal static void RegisterBeforeAnyTest() => MSBuildRegistration.Register();
}
