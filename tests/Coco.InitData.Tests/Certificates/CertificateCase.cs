using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// One scenario for the certificate rules: anchor files and optionally a registry's served chain, written to a
/// temp folder with two comment lines before each certificate (so every BEGIN is at a known line) and loaded
/// the way the build loads them.
/// </summary>
internal sealed class CertificateCase : IDisposable
{
    /// <summary>Every certificate of a case file starts here.</summary>
    public const int BeginLine = 3;

    private readonly TempDirectory _directory = new("cid-certs");
    private readonly List<TestCertificate> _anchorCertificates = new();
    private readonly List<LoadedCertificate> _anchors = new();

    public string Directory => _directory.Path;

    public IReadOnlyList<TestCertificate> AnchorCertificates => _anchorCertificates;

    /// <summary>The served chain, leaf first.</summary>
    public IReadOnlyList<TestCertificate> Chain { get; private set; } = Array.Empty<TestCertificate>();

    public string? Host { get; private set; }

    public IReadOnlyList<LoadedCertificate> LoadedChain { get; private set; } = Array.Empty<LoadedCertificate>();

    public IReadOnlyList<LoadedCertificate> Anchors => _anchors;

    /// <summary>Adds a trust anchor in its own file.</summary>
    public CertificateCase Anchor(TestCertificate certificate, string file = "ca.pem")
    {
        var path = _directory.Write(file, "# trust anchor\n\n" + certificate.Pem);
        _anchors.AddRange(CertificateFileLoader.Load(path, file, "CertificateAuthority", TrustAnchorRole.RegistryCertificateAuthority, new SourceLocation("project.csproj", 7), new DiagnosticBag()));
        _anchorCertificates.Add(certificate);
        return this;
    }

    /// <summary>The registry <paramref name="host"/> serves <paramref name="chain"/> (leaf first), written to chain.pem.</summary>
    public CertificateCase Serve(string host, params TestCertificate[] chain)
    {
        Host = host;
        Chain = chain;
        var path = _directory.Write("chain.pem", "# served chain\n\n" + string.Concat(chain.Select(c => c.Pem)));
        LoadedChain = CertificateFileLoader.Load(path, "chain.pem", "ServerCertificate", TrustAnchorRole.ServedChain, new SourceLocation("project.csproj", 7), new DiagnosticBag());
        return this;
    }

    /// <summary>The BEGIN line of the n-th certificate of chain.pem.</summary>
    public int ChainLine(int index) => LoadedChain[index].Location.Line;

    /// <summary>Runs the rules at <see cref="TestPki.ValidationTime"/>.</summary>
    public CaseResult Run(TlsProfile guestProfiles = TlsProfile.Rustls | TlsProfile.OpenSsl, int expiryWarningDays = 30, int lifetimePercent = 0)
    {
        var registries = new List<ResolvedRegistry>();
        if (Host is not null)
        {
            Assert.True(RegistryName.TryParse(Host, out var name, out var problem), problem);
            registries.Add(new ResolvedRegistry { Name = name!, DeclaredAt = new SourceLocation("project.csproj", 7), Authorities = _anchors, ServedChain = LoadedChain });
        }

        var diagnostics = new DiagnosticBag();
        var options = new ValidationOptions(TestPki.ValidationTime, guestProfiles, expiryWarningDays, lifetimePercent);
        var verdicts = CertificateChecks.Run(_anchors, null, registries, options, diagnostics);
        return new CaseResult(diagnostics.Items, verdicts, _anchors.Concat(LoadedChain).ToList());
    }

    public void Dispose() => _directory.Dispose();
}
