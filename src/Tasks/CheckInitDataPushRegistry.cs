using Coco.InitData.Containers;
using Coco.InitData.Diagnostics;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tasks;

/// <summary>
/// Before the SDK pushes: warns when the push registry (or a self-hosted base registry) is one no InitDataRegistry rule
/// covers, when the push would skip the certificate check the guest makes, and when a plain-HTTP registry is not
/// named to the SDK as insecure.
/// </summary>
public sealed class CheckInitDataPushRegistry : Microsoft.Build.Utilities.Task
{
    /// <summary>The project, where the properties are set.</summary>
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary><c>$(ContainerRegistry)</c>.</summary>
    public string ContainerRegistry { get; set; } = string.Empty;

    /// <summary><c>$(ContainerRepository)</c>.</summary>
    public string ContainerRepository { get; set; } = string.Empty;

    /// <summary><c>$(ContainerBaseRegistry)</c>.</summary>
    public string ContainerBaseRegistry { get; set; } = string.Empty;

    /// <summary><c>@(InitDataRegistry)</c> with their <c>Insecure</c> and <c>CertificateAuthority</c> metadata.</summary>
    public ITaskItem[] Registries { get; set; } = Array.Empty<ITaskItem>();

    /// <inheritdoc />
    public override bool Execute()
    {
        var declared = Registries
            .Select(r => new DeclaredRegistry(r.ItemSpec, string.Equals(r.GetMetadata("Insecure").Trim(), "true", StringComparison.OrdinalIgnoreCase), r.GetMetadata("CertificateAuthority").Length > 0))
            .ToList();
        var diagnostics = new DiagnosticBag();
        PushRegistryCheck.Check(ContainerRegistry, ContainerRepository, ContainerBaseRegistry, declared,
            Environment.GetEnvironmentVariable("DOTNET_CONTAINER_INSECURE_REGISTRIES"), new SourceLocation(ProjectFile), diagnostics);
        foreach (var diagnostic in diagnostics.Items)
        {
            DiagnosticLogger.Log(Log, diagnostic);
        }

        return !Log.HasLoggedErrors;
    }
}
