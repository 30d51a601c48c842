using System.Runtime.CompilerServices;
using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;
using Coco.InitData.Specification;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace Coco.InitData.Tool.Projects;

/// <summary>
/// Evaluates a project with the SDK's MSBuild and maps its InitData items and properties to a specification
/// exactly as the GenerateInitData task does: same values, same item folders, same default output path.
/// </summary>
internal static class ProjectReader
{
    /// <summary>Evaluates the project; null after reporting why it could not be.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static EvaluatedProject? Read(string projectPath, IReadOnlyDictionary<string, string> globalProperties, DiagnosticBag diagnostics)
    {
        using var collection = new ProjectCollection(globalProperties.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase));
        Project project;
        try
        {
            project = collection.LoadProject(projectPath);
            var frameworks = project.GetPropertyValue("TargetFrameworks");
            if (project.GetPropertyValue("TargetFramework").Length == 0 && frameworks.Length > 0)
            {
                // The build generates per target framework; like `dotnet run`, take the first unless one is given.
                var properties = new Dictionary<string, string>(globalProperties, StringComparer.OrdinalIgnoreCase)
                {
                    ["TargetFramework"] = frameworks.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0],
                };
                project = collection.LoadProject(projectPath, properties, toolsVersion: null);
            }
        }
        catch (InvalidProjectFileException e)
        {
            diagnostics.Error(MessageId.ToolProjectLoadFailed, new SourceLocation(e.ProjectFile ?? projectPath, e.LineNumber, e.ColumnNumber), projectPath, e.BaseMessage);
            return null;
        }

        return Map(project, projectPath);
    }

    private static EvaluatedProject Map(Project project, string projectPath)
    {
        var directory = project.DirectoryPath;
        string? Property(string name) => project.GetPropertyValue(name) is { Length: > 0 } v ? v : null;
        SettingValue? Setting(string name)
        {
            var value = Property(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var location = project.GetProperty(name)?.Xml?.Location;
            return new SettingValue(name, value, location is null ? new SourceLocation(projectPath) : new SourceLocation(location.File, location.Line));
        }

        SourceLocation At(ProjectItem item) =>
            item.Xml?.Location is { } l ? new SourceLocation(l.File, l.Line) : new SourceLocation(projectPath);
        string Folder(ProjectItem item) => item.GetMetadataValue("DefiningProjectDirectory") is { Length: > 0 } d ? d : directory;
        string? Metadata(ProjectItem item, string name) => item.GetMetadataValue(name) is { Length: > 0 } v ? v : null;

        var spec = new InitDataSpecification
        {
            BaseDirectory = directory,
            Registries = project.GetItems("InitDataRegistry").Select(item => new RegistryDeclaration
            {
                Name = item.EvaluatedInclude,
                DeclaredAt = At(item),
                BaseDirectory = Folder(item),
                CertificateAuthority = Metadata(item, "CertificateAuthority"),
                ServerCertificate = Metadata(item, "ServerCertificate"),
                Insecure = Metadata(item, "Insecure"),
                Location = Metadata(item, "Location"),
                Blocked = Metadata(item, "Blocked"),
            }).ToList(),
            Mirrors = project.GetItems("InitDataRegistryMirror").Select(item => new MirrorDeclaration
            {
                Location = item.EvaluatedInclude,
                DeclaredAt = At(item),
                Registry = Metadata(item, "Registry"),
                Insecure = Metadata(item, "Insecure"),
            }).ToList(),
            Certificates = project.GetItems("InitDataCertificate").Select(item => new CertificateDeclaration
            {
                Path = item.EvaluatedInclude,
                DeclaredAt = At(item),
                BaseDirectory = Folder(item),
            }).ToList(),
            Algorithm = Setting("InitDataAlgorithm"),
            KbsUrl = Setting("InitDataKbsUrl"),
            KbcName = Setting("InitDataKbcName"),
            KbsCertificate = Setting("InitDataKbsCertificate"),
            PolicyFile = Setting("InitDataPolicyFile"),
            RegistryCredentialsUri = Setting("InitDataRegistryCredentialsUri"),
            ImageSecurityPolicyUri = Setting("InitDataImageSecurityPolicyUri"),
            SigstoreConfigUri = Setting("InitDataSigstoreConfigUri"),
            HttpsProxy = Setting("InitDataHttpsProxy"),
            HttpProxy = Setting("InitDataHttpProxy"),
            NoProxy = Setting("InitDataNoProxy"),
            UnqualifiedSearchRegistries = Setting("InitDataUnqualifiedSearchRegistries"),
            AnnotationName = Setting("InitDataAnnotationName"),
            CertificateExpiryWarningDays = Setting("InitDataCertificateExpiryWarningDays"),
            CertificateLifetimeWarningPercent = Setting("InitDataCertificateLifetimeWarningPercent"),
            ValidationTime = Setting("InitDataValidationTime"),
            TlsProfiles = Setting("InitDataTlsProfiles"),
        };

        var manifests = project.GetItems("InitDataManifest").Select(item => new ManifestDeclaration
        {
            Path = item.EvaluatedInclude,
            OutputName = item.GetMetadataValue("RecursiveDir") + item.GetMetadataValue("Filename") + item.GetMetadataValue("Extension"),
            DeclaredAt = At(item),
            BaseDirectory = Folder(item),
        }).ToList();

        // As _InitDataComputePaths: $(OutDir)initdata/ unless set, relative to the project folder.
        var output = Property("InitDataOutputPath") ?? Path.Combine(Property("OutDir") ?? "bin/", "initdata");
        return new EvaluatedProject
        {
            ProjectPath = projectPath,
            Enabled = !string.Equals(Property("InitDataEnabled"), "false", StringComparison.OrdinalIgnoreCase),
            OutputPath = Path.GetFullPath(Path.Combine(directory, output.Replace('\\', Path.DirectorySeparatorChar))),
            Specification = spec,
            Manifests = manifests,
        };
    }
}
