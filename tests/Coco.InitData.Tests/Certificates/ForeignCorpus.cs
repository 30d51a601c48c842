using System.Text.RegularExpressions;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// Real material nobody here wrote, read from the Debian packages the oracles come with:
/// <list type="bullet">
/// <item>"go: NAME": the chains of Go's own certificate tests (crypto/x509/verify_test.go, the `verifyTests` table
/// of Go 1.19 as golang-1.19-src installs it): real public chains (Google, StartCom, Virginia Tech's
/// name-constrained CA, TrustAsia, an S/MIME chain) and hand-made edge cases, each with its host and time.
/// Entries that ask Go for another extended key usage than serverAuth are left out: a registry is a TLS server.</item>
/// <item>"webpki: netflix": the real www.netflix.com chain of webpki 0.22's own tests (librust-webpki-dev,
/// tests/netflix), under a VeriSign v1 root, at a time inside its validity.</item>
/// </list>
/// </summary>
public static partial class ForeignCorpus
{
    /// <summary>Where Debian's golang-1.19-src puts the test file.</summary>
    public const string GoTestFile = "/usr/lib/go-1.19/src/crypto/x509/verify_test.go";

    /// <summary>Where librust-webpki-dev puts the Netflix chain.</summary>
    public const string NetflixFolder = WebpkiVerify.DebianRegistry + "/webpki-0.22.0/tests/netflix";

    private static readonly Lazy<IReadOnlyDictionary<string, ForeignCase>> Parsed = new(Read);

    /// <summary>The cases by name (none when the packages are missing).</summary>
    public static IReadOnlyDictionary<string, ForeignCase> All => Parsed.Value;

    /// <summary>The names for a theory; one placeholder when nothing is installed, so the theory can skip.</summary>
    public static IEnumerable<object[]> Names => All.Count == 0 ? new[] { new object[] { "(none installed)" } } : All.Keys.Select(k => new object[] { k });

    private static IReadOnlyDictionary<string, ForeignCase> Read()
    {
        var cases = new Dictionary<string, ForeignCase>(StringComparer.Ordinal);
        if (File.Exists(GoTestFile))
        {
            foreach (var c in ReadGo())
            {
                cases[c.Name] = c;
            }
        }

        if (Directory.Exists(NetflixFolder))
        {
            string Pem(string file) => Coco.InitData.Certificates.CanonicalPem.Encode("CERTIFICATE", File.ReadAllBytes(Path.Combine(NetflixFolder, file)));
            cases["webpki: netflix"] = new ForeignCase("webpki: netflix", new[] { Pem("ca.der") }, new[] { Pem("ee.der"), Pem("inter.der") },
                "www.netflix.com", new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero));
        }

        return cases;
    }

    private static IEnumerable<ForeignCase> ReadGo()
    {
        var text = File.ReadAllText(GoTestFile);
        var pems = PemConstant().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["pem"].Value.Trim() + "\n", StringComparer.Ordinal);
        var start = text.IndexOf("var verifyTests = []verifyTest{", StringComparison.Ordinal);
        var end = text.IndexOf("\n}\n", start, StringComparison.Ordinal);
        var cases = new Dictionary<string, ForeignCase>(StringComparer.Ordinal);
        foreach (Match entry in Entry().Matches(text[start..end]))
        {
            var body = entry.Groups["body"].Value;
            if (Field(body, "keyUsages") is not null)
            {
                continue;
            }

            string[] Certificates(string field) => Field(body, field) is { } list
                ? ListItem().Matches(list).Select(m => pems[m.Value]).ToArray()
                : Array.Empty<string>();

            var name = "go: " + (Field(body, "name")?.Trim('"') ?? Field(body, "leaf"));
            var leaf = pems[Field(body, "leaf")!];
            var time = long.Parse(Field(body, "currentTime") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            cases[name] = new ForeignCase(
                name,
                Certificates("roots"),
                new[] { leaf }.Concat(Certificates("intermediates")).ToArray(),
                Field(body, "dnsName")?.Trim('"') ?? string.Empty,
                time == 0 ? DateTimeOffset.UtcNow : DateTimeOffset.FromUnixTimeSeconds(time));
        }

        return cases.Values;
    }

    private static string? Field(string body, string name)
    {
        var match = Regex.Match(body, @"^\s*" + name + @":\s*(?<value>.+?),?\s*(//.*)?$", RegexOptions.Multiline);
        return match.Success ? match.Groups["value"].Value.Trim().TrimEnd(',') : null;
    }

    [GeneratedRegex(@"^(?:const|var) (?<name>\w+) = `(?<pem>-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----)\s*`", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex PemConstant();

    [GeneratedRegex(@"\n\t\{\n(?<body>.*?)\n\t\},", RegexOptions.Singleline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"(?<=[{,]\s*)\w+(?=\s*[,}])")]
    private static partial Regex ListItem();
}

/// <summary>One real chain: anchors and served chain as PEM (leaf first), the host ("" for none) and the time.</summary>
public sealed record ForeignCase(string Name, IReadOnlyList<string> Roots, IReadOnlyList<string> Chain, string Host, DateTimeOffset At);
