using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Tomlyn.Model;

namespace Coco.InitData.Documents;

/// <summary>
/// What makes the guest fail on a document we did not write (inspect, verify). Read in guest-components v0.21.0:
/// <list type="bullet">
/// <item>confidential-data-hub/hub/src/config.rs: <c>CdhConfig.kbc</c> is required and <c>KbsConfig.name</c> has no
/// default ("missing configuration field kbc.name"): CDH does not start;</item>
/// <item>image-rs/src/config.rs: <c>image_pull_proxy</c> is a <c>ProxyConfig</c> table (a string was the format
/// before v0.14): the configuration does not deserialise;</item>
/// <item>image-rs/src/registry/mod.rs <c>validate_and_tidy</c>, called from builder.rs: a wildcard prefix without
/// a location, a rule with neither prefix nor location, or a mirror without a location makes image-rs refuse the
/// whole registry configuration, and with it every pull;</item>
/// <item>image-rs/src/image.rs: every <c>extra_root_certificates</c> entry is handed to the TLS client as PEM: one
/// that holds no certificate makes every pull fail.</item>
/// </list>
/// </summary>
internal static class GuestDocumentChecks
{
    /// <summary>Reports each problem of the summary's <c>cdh.toml</c> (read once, by the summary) as an error at <paramref name="displayPath"/>.</summary>
    public static void Run(InitDataSummary summary, string displayPath, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(displayPath);
        if (summary.Cdh is not { } cdh)
        {
            return;
        }

        if (Table(cdh, "kbc") is not { } kbc || !kbc.TryGetValue("name", out var name) || name is not string)
        {
            diagnostics.Error(MessageId.GuestDocumentCdhWithoutKbcName, at, displayPath);
        }

        if (Table(cdh, "image") is not { } image)
        {
            return;
        }

        if (image.TryGetValue("image_pull_proxy", out var proxy) && proxy is not TomlTable)
        {
            diagnostics.Error(MessageId.GuestDocumentProxyNotTable, at, displayPath, proxy is string ? "a string" : "a " + proxy.GetType().Name);
        }

        CheckRegistryConfig(Table(image, "registry_config"), at, displayPath, diagnostics);
        if (image.TryGetValue("extra_root_certificates", out var roots) && roots is TomlArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not string pem || !PemReader.Read(pem, out _).Any(b => b.Label == "CERTIFICATE"))
                {
                    diagnostics.Error(MessageId.GuestDocumentRootNotCertificate, at, displayPath, i + 1);
                }
            }
        }
    }

    private static void CheckRegistryConfig(TomlTable? config, SourceLocation at, string displayPath, DiagnosticBag diagnostics)
    {
        if (config is null || !config.TryGetValue("registry", out var list) || list is not TomlTableArray rules)
        {
            return;
        }

        foreach (var rule in rules)
        {
            var prefix = Text(rule, "prefix");
            var location = Text(rule, "location");
            var reason =
                prefix.Length == 0 && location.Length == 0 ? "both location and prefix are empty"
                : prefix.StartsWith("*.", StringComparison.Ordinal) && location.Length == 0 ? "location is unset and prefix is with wildcard"
                : rule.TryGetValue("mirror", out var m) && m is TomlTableArray mirrors && mirrors.Any(x => Text(x, "location").Length == 0) ? "mirror location is empty"
                : null;
            if (reason is not null)
            {
                diagnostics.Error(MessageId.GuestDocumentRegistryConfigRejected, at, displayPath, prefix, reason);
            }
        }
    }

    private static string Text(TomlTable table, string key) => table.TryGetValue(key, out var value) && value is string text ? text : string.Empty;

    private static TomlTable? Table(TomlTable? parent, string key) =>
        parent is not null && parent.TryGetValue(key, out var value) ? value as TomlTable : null;
}
