namespace Coco.InitData.Certificates;

/// <summary>
/// Each certificate's verdict per stack (rustls, openssl, go), keyed by SHA-256 fingerprint: what initdata.json
/// carries, so a deployment pipeline can see which guest builds a certificate works with.
/// </summary>
public sealed class CertificateVerdicts
{
    // The engine makes these; a front end only reads them.
    internal CertificateVerdicts()
    {
    }

    /// <summary>The stacks in the order they are written.</summary>
    public static readonly IReadOnlyList<(TlsProfile Profile, string Name)> Profiles = new[]
    {
        (TlsProfile.Rustls, "rustls"),
        (TlsProfile.OpenSsl, "openssl"),
        (TlsProfile.Go, "go"),
    };

    private readonly Dictionary<string, SortedSet<string>[]> _rejections = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="profiles"/> reject the certificate for the finding <paramref name="code"/>.</summary>
    internal void Reject(string fingerprint, TlsProfile profiles, string code)
    {
        if (!_rejections.TryGetValue(fingerprint, out var perProfile))
        {
            perProfile = new[] { new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal) };
            _rejections.Add(fingerprint, perProfile);
        }

        for (var i = 0; i < Profiles.Count; i++)
        {
            if ((profiles & Profiles[i].Profile) != 0)
            {
                perProfile[i].Add(code);
            }
        }
    }

    /// <summary>"accepted", or "rejected: CID2041, CID2042" with the codes of the findings.</summary>
    internal string VerdictOf(string fingerprint, TlsProfile profile)
    {
        for (var i = 0; i < Profiles.Count; i++)
        {
            if (Profiles[i].Profile == profile && _rejections.TryGetValue(fingerprint, out var perProfile) && perProfile[i].Count > 0)
            {
                return "rejected: " + string.Join(", ", perProfile[i]);
            }
        }

        return "accepted";
    }

    /// <summary>Writes <c>"verdicts": {"rustls": "accepted", "openssl": "rejected: CID2040", "go": "accepted"}</c> for one certificate.</summary>
    public void WriteJson(System.Text.Json.Utf8JsonWriter json, string fingerprint)
    {
        json.WriteStartObject("verdicts");
        foreach (var (profile, name) in Profiles)
        {
            json.WriteString(name, VerdictOf(fingerprint, profile));
        }

        json.WriteEndObject();
    }

    /// <summary>True when some stack rejects the certificate.</summary>
    internal bool IsRejectedByAny(string fingerprint) => _rejections.TryGetValue(fingerprint, out var p) && p.Any(s => s.Count > 0);
}
