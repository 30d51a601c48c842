using Tomlyn.Syntax;

namespace Coco.InitData.Documents;

/// <summary>The Attestation Agent configuration (<c>aa.toml</c>): where the KBS is and which root it is trusted by.</summary>
internal sealed class AaConfiguration
{
    /// <summary><c>[token_configs.kbs] url</c>.</summary>
    public required string KbsUrl { get; init; }

    /// <summary><c>[token_configs.kbs] cert</c>: canonical PEM of the https KBS root.</summary>
    public string? KbsCertificatePem { get; init; }

    /// <summary>The TOML text, LF line endings, ending in a newline.</summary>
    public string ToToml()
    {
        var document = new DocumentSyntax();
        var kbs = TomlValues.Table("token_configs.kbs", blankLineBefore: false);
        kbs.Items.Add(new KeyValueSyntax("url", TomlValues.Basic(KbsUrl)));
        if (KbsCertificatePem is not null)
        {
            kbs.Items.Add(new KeyValueSyntax("cert", TomlValues.Pem(KbsCertificatePem)));
        }

        document.Tables.Add(kbs);
        return document.ToString();
    }
}
