using Coco.InitData.Artifacts;
using Coco.InitData.Certificates;
using Coco.InitData.Containers;
using Coco.InitData.Diagnostics;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tasks;

/// <summary>
/// Writes push-ca-bundle.pem: the system's roots and the declared CAs, for <c>SSL_CERT_FILE</c> in the environment of
/// <c>dotnet publish -t:PublishContainer</c>. Written through a temporary file and a rename, never half.
/// </summary>
public sealed class WriteInitDataPushCaBundle : Microsoft.Build.Utilities.Task
{
    /// <summary>The project, where the declarations are.</summary>
    public string ProjectFile { get; set; } = string.Empty;

    /// <summary>The declared CA files: <c>@(InitDataRegistry->'%(CertificateAuthority)')</c> and <c>@(InitDataCertificate)</c>.</summary>
    public ITaskItem[] CertificateAuthorities { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The bundle to write (<c>$(InitDataPushCaBundle)</c>).</summary>
    [Required]
    public string OutputFile { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool Execute()
    {
        var diagnostics = new DiagnosticBag();
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(ProjectFile.Length > 0 ? ProjectFile : OutputFile))!;
        var files = CertificateAuthorities.Select(c => Path.GetFullPath(Path.Combine(projectDirectory, c.ItemSpec))).Distinct(StringComparer.Ordinal).ToList();
        var store = SystemTrustStore.FromEnvironment(Environment.GetEnvironmentVariable);
        if (PushCaBundle.Render(store, files, new SourceLocation(ProjectFile), diagnostics) is { } bundle)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile))!);
            AtomicFile.Write(OutputFile, bundle, diagnostics);
        }

        foreach (var diagnostic in diagnostics.Items)
        {
            DiagnosticLogger.Log(Log, diagnostic);
        }

        return !Log.HasLoggedErrors;
    }
}
