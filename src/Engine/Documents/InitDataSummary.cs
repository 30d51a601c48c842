using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Tomlyn;
using Tomlyn.Model;

namespace Coco.InitData.Documents;

/// <summary>What a document configures, read back from its <c>cdh.toml</c>, <c>aa.toml</c> and <c>policy.rego</c>.</summary>
public sealed class InitDataSummary
{
    // The engine makes these; a front end only reads them.
    internal InitDataSummary()
    {
    }

    /// <summary>The key broker client named in <c>cdh.toml</c>'s <c>[kbc]</c>; null when absent.</summary>
    public string? KbcName { get; private set; }

    /// <summary>The KBS URL, from <c>cdh.toml</c>'s <c>[kbc]</c> or else <c>aa.toml</c>'s <c>[token_configs.kbs]</c>; null when neither has one.</summary>
    public string? KbsUrl { get; private set; }

    /// <summary>Each <c>[[image.registry_config.registry]]</c> rule, in order, with its number of mirrors.</summary>
    public List<(string Prefix, string Location, bool Insecure, bool Blocked, int Mirrors)> Registries { get; } = new();

    /// <summary>The certificates the document carries (KBS roots and <c>extra_root_certificates</c>), each once.</summary>
    public List<LoadedCertificate> Certificates { get; } = new();

    /// <summary>The size of <c>policy.rego</c> in UTF-8 bytes; null when the document has no policy.</summary>
    public int? PolicyBytes { get; private set; }

    /// <summary>Data keys other than <c>cdh.toml</c>, <c>aa.toml</c> and <c>policy.rego</c>, in document order.</summary>
    public List<string> OtherKeys { get; } = new();

    /// <summary>The <c>cdh.toml</c> entry as read once here, for <see cref="GuestDocumentChecks"/>; null when absent or not TOML.</summary>
    internal TomlTable? Cdh { get; private set; }

    /// <summary>Reads the summary; a data entry that is not valid TOML is reported, not thrown.</summary>
    internal static InitDataSummary Read(ParsedInitData document, string displayPath, DiagnosticBag diagnostics)
    {
        var summary = new InitDataSummary();
        foreach (var (key, value) in document.Data)
        {
            switch (key)
            {
                case "cdh.toml":
                    summary.Cdh = Parse(value, key, displayPath, diagnostics);
                    if (summary.Cdh is { } cdh)
                    {
                        summary.ReadCdh(cdh, displayPath, diagnostics);
                    }

                    break;
                case "aa.toml":
                    if (Parse(value, key, displayPath, diagnostics) is { } aa && Table(Table(aa, "token_configs"), "kbs") is { } kbs)
                    {
                        summary.KbsUrl ??= kbs.TryGetValue("url", out var url) ? url as string : null;
                        summary.AddCertificate(kbs, "cert", "aa.toml cert", displayPath, diagnostics);
                    }

                    break;
                case "policy.rego":
                    summary.PolicyBytes = System.Text.Encoding.UTF8.GetByteCount(value);
                    break;
                default:
                    summary.OtherKeys.Add(key);
                    break;
            }
        }

        return summary;
    }

    private void ReadCdh(TomlTable cdh, string displayPath, DiagnosticBag diagnostics)
    {
        if (Table(cdh, "kbc") is { } kbc)
        {
            KbcName = kbc.TryGetValue("name", out var name) ? name as string : null;
            KbsUrl = kbc.TryGetValue("url", out var url) ? url as string : KbsUrl;
            AddCertificate(kbc, "kbs_cert", "cdh.toml kbs_cert", displayPath, diagnostics);
        }

        if (Table(cdh, "image") is not { } image)
        {
            return;
        }

        if (image.TryGetValue("extra_root_certificates", out var roots) && roots is TomlArray array)
        {
            foreach (var pem in array.OfType<string>())
            {
                AddPem(pem, "extra_root_certificates", displayPath, diagnostics);
            }
        }

        if (Table(image, "registry_config") is { } config && config.TryGetValue("registry", out var list) && list is TomlTableArray rules)
        {
            foreach (var rule in rules)
            {
                Registries.Add((
                    rule.TryGetValue("prefix", out var p) ? p as string ?? string.Empty : string.Empty,
                    rule.TryGetValue("location", out var l) ? l as string ?? string.Empty : string.Empty,
                    rule.TryGetValue("insecure", out var i) && i is true,
                    rule.TryGetValue("blocked", out var b) && b is true,
                    rule.TryGetValue("mirror", out var m) && m is TomlTableArray mirrors ? mirrors.Count : 0));
            }
        }
    }

    private void AddCertificate(TomlTable table, string key, string where, string displayPath, DiagnosticBag diagnostics)
    {
        if (table.TryGetValue(key, out var value) && value is string pem && !Certificates.Any(c => c.Pem == pem))
        {
            AddPem(pem, where, displayPath, diagnostics);
        }
    }

    // The loader the build uses: bad base64, an undecodable extension or a key block are findings, not exceptions.
    private void AddPem(string pem, string where, string displayPath, DiagnosticBag diagnostics)
    {
        var certificateWhere = displayPath + " [" + where + "]";
        var loaded = CertificateFileLoader.Parse(
            System.Text.Encoding.UTF8.GetBytes(pem), new SourceLocation(displayPath), certificateWhere, where, TrustAnchorRole.ExtraCertificate, diagnostics);
        foreach (var certificate in loaded)
        {
            Certificates.Add(new LoadedCertificate(certificate.Der, certificate.Certificate, new SourceLocation(certificateWhere), certificateWhere, TrustAnchorRole.ExtraCertificate));
        }
    }

    private static TomlTable? Parse(string text, string key, string displayPath, DiagnosticBag diagnostics)
    {
        try
        {
            return TomlTableContext.ParseForeign(text);
        }
        catch (Exception e) when (e is TomlException or ArgumentException or InvalidOperationException)
        {
            diagnostics.Error(MessageId.ToolDocumentInvalid, new SourceLocation(displayPath), displayPath, $"data entry '{key}' is not valid TOML ({e.Message.Split('\n')[0]})");
            return null;
        }
    }

    private static TomlTable? Table(TomlTable? parent, string key) =>
        parent is not null && parent.TryGetValue(key, out var value) ? value as TomlTable : null;
}
