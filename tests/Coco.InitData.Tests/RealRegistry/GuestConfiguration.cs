namespace Coco.InitData.Tests.RealRegistry;

/// <summary>
/// What the guest would be configured with, rebuilt from a build's initdata.toml by an independent reader
/// (scripts/cdh_to_containers.py, Python's tomllib): a registries.conf and a certificate folder for skopeo.
/// </summary>
public sealed class GuestConfiguration
{
    private GuestConfiguration(string directory) => Directory = directory;

    /// <summary>Holds registries.conf and certs/*.crt.</summary>
    public string Directory { get; }

    public string RegistriesConf => Path.Combine(Directory, "registries.conf");

    public string CertificateDirectory => Path.Combine(Directory, "certs");

    /// <summary>Converts &lt;output&gt;/initdata.toml into &lt;output&gt;/../guest-view/.</summary>
    public static GuestConfiguration From(string outputPath)
    {
        var directory = Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(outputPath))!, "guest-view");
        var result = ProcessRunner.Run(Oracle.Require("python3"), new[] { RepositoryPaths.Script("cdh_to_containers.py"), Path.Combine(outputPath, "initdata.toml"), directory },
            timeout: TimeSpan.FromMinutes(1));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("cdh_to_containers.py failed: " + result.Output);
        }

        return new GuestConfiguration(directory);
    }

    /// <summary>`skopeo --registries-conf ... inspect --no-tags --cert-dir ... docker://reference` (tags would be listed at the original, unmapped name).</summary>
    public ProcessResult Inspect(string reference) =>
        RegistryEnvironment.Skopeo("--registries-conf", RegistriesConf, "inspect", "--no-tags", "--cert-dir", CertificateDirectory, "--format", "{{.Digest}}", "docker://" + reference);

    /// <summary>The manifest digest skopeo resolved, or a failed assertion with skopeo's output.</summary>
    public string Digest(string reference)
    {
        var result = Inspect(reference);
        Xunit.Assert.True(result.ExitCode == 0, $"skopeo inspect {reference}: {result.Output}");
        return result.StandardOutput.Trim();
    }

    /// <summary>`skopeo copy` of the reference into an OCI layout beside the configuration.</summary>
    public ProcessResult Copy(string reference) =>
        RegistryEnvironment.Skopeo("--registries-conf", RegistriesConf, "copy", "--src-cert-dir", CertificateDirectory,
            "docker://" + reference, "oci:" + Path.Combine(Directory, "copied") + ":v1");
}
