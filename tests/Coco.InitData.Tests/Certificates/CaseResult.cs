using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Certificates;

/// <summary>What the rules said about a <see cref="CertificateCase"/>.</summary>
internal sealed record CaseResult(IReadOnlyList<Diagnostic> Diagnostics, CertificateVerdicts Verdicts, IReadOnlyList<LoadedCertificate> Certificates)
{
    public IEnumerable<string> Codes => Diagnostics.Select(d => d.Code);

    /// <summary>The one finding with <paramref name="code"/>; fails with every finding listed otherwise.</summary>
    public Diagnostic Single(string code)
    {
        var matches = Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, got:\n{Describe()}");
        return matches[0];
    }

    public void Lacks(string code) => Assert.True(Diagnostics.All(d => d.Code != code), $"unexpected {code}:\n{Describe()}");

    /// <summary>No errors and no warnings.</summary>
    public void IsClean() => Assert.True(Diagnostics.Count == 0, Describe());

    /// <summary>True when some certificate of the case is rejected by <paramref name="profile"/>.</summary>
    public bool RejectedBy(TlsProfile profile) =>
        Certificates.Any(c => Verdicts.VerdictOf(c.Fingerprint, profile) != "accepted");

    public string Describe() => string.Join("\n", Diagnostics.Select(d => d.ToCanonicalString()));
}
