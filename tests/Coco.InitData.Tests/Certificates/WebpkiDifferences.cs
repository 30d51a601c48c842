namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// Where the webpki 0.22 oracle (Debian 12's librust-webpki-dev) and rustls-webpki 0.103 (the guest's verifier, which
/// the rustls profile follows) judge differently, each with the oracle scenarios whose verdicts it changes. The
/// table in docs/webpki-0.22-vs-0.103.md says the same with the source references; a test keeps the two in step.
/// </summary>
public static class WebpkiDifferences
{
    /// <summary>The documentation page.</summary>
    public const string Page = "docs/webpki-0.22-vs-0.103.md";

    public static readonly IReadOnlyList<WebpkiDifference> All = new[]
    {
        new WebpkiDifference(
            "W1",
            "0.22 checks every name against subtrees of every form: the subject (a directoryName) fails a CA whose permitted subtrees are all dNSName, rfc822Name, URI or iPAddress; 0.103 skips subtrees of another form",
            Oracle022Accepts: false,
            new[]
            {
                "C12 name constraints satisfied",
                "C12 rfc822Name constraint, leaf subject emailAddress outside",
                "C12 rfc822Name constraint, leaf without email",
                "C12 non-contiguous ip mask, dns leaf",
                "C12 URI constraint, leaf without uri",
            }),
        new WebpkiDifference(
            "W2",
            "0.22 has no IP-address reference identity (rustls 0.20 refused IP server names outright), so the oracle verifies the path only; 0.103 matches iPAddress SANs byte for byte, 4 against 4 and 16 against 16",
            Oracle022Accepts: true,
            new[]
            {
                "C4 ip registry without ip san",
                "C4 ipv4-mapped ipv6 host, ipv4 san",
                "C4 ipv4 host, ipv4-mapped ipv6 san",
                "go: IPMissing",
            }),
        new WebpkiDifference(
            "W3",
            "0.22 requires a positive serial number of at most 20 octets in an end-entity or intermediate certificate (BadDer); 0.103 reads any INTEGER, as RFC 5280 asks users to tolerate",
            Oracle022Accepts: false,
            new[]
            {
                "go: leafMatchingAKIDMatchingIssuer",
            }),
    };

    /// <summary>The difference that explains a scenario's (or a <see cref="ForeignCorpus"/> case's) disagreement, or null.</summary>
    public static WebpkiDifference? For(string scenario) => All.SingleOrDefault(d => d.Scenarios.Contains(scenario, StringComparer.Ordinal));
}

/// <summary>One 0.22/0.103 difference.</summary>
/// <param name="Id">W1, W2, ... as in the docs table.</param>
/// <param name="Summary">What differs.</param>
/// <param name="Oracle022Accepts">The direction: true when 0.22 accepts what 0.103 (and the profile) rejects.</param>
/// <param name="Scenarios">The oracle scenarios whose verdicts differ because of it.</param>
public sealed record WebpkiDifference(string Id, string Summary, bool Oracle022Accepts, IReadOnlyList<string> Scenarios);
