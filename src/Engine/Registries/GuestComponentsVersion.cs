using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Specification;

namespace Coco.InitData.Registries;

/// <summary>
/// The guest-components release the workload's guest runs (<c>InitDataGuestComponentsVersion</c>), and the release
/// each cdh.toml feature needs. Read in confidential-containers/guest-components image-rs/src/config.rs per tag:
/// <c>ImageConfig.registry_config</c> first exists in v0.14.0 (v0.13.0 has only <c>registry_configuration_uri</c>,
/// and serde drops the unknown table silently); <c>image_pull_proxy</c> is <c>Option&lt;String&gt;</c> in
/// v0.11.0-v0.13.0 and the <c>ProxyConfig</c> table from v0.14.0; <c>extra_root_certificates</c>,
/// <c>authenticated_registry_credentials_uri</c> and <c>sigstore_config_uri</c> exist from v0.11.0.
/// </summary>
internal static class GuestComponentsVersion
{
    /// <summary>The release assumed when the property is not set: the newest one read (v0.21.0).</summary>
    public static readonly Version Current = new(0, 21, 0);

    /// <summary>The oldest release modelled: the first whose cdh.toml [image] has every other setting written.</summary>
    public static readonly Version Oldest = new(0, 11, 0);

    /// <summary>Each feature, the release it needs and what an older guest does with it.</summary>
    public static IReadOnlyList<(string Feature, Version Needs, string OlderGuest)> Features { get; } = new[]
    {
        ("[image.registry_config] (Insecure, Blocked, Location, mirrors, InitDataUnqualifiedSearchRegistries)", new Version(0, 14, 0),
            "it ignores the table silently, so every rule in it vanishes"),
        ("the [image.image_pull_proxy] table (InitDataHttpsProxy, InitDataHttpProxy, InitDataNoProxy)", new Version(0, 14, 0),
            "it reads image_pull_proxy as a string and refuses the whole configuration"),
    };

    /// <summary>Fails the build (CID1043, at the property) for each feature the targeted release cannot use.</summary>
    public static void Check(SettingValue? setting, CdhConfiguration? cdh, DiagnosticBag diagnostics)
    {
        if (setting is null || setting.IsEmpty)
        {
            return;
        }

        var text = setting.Value.Trim();
        if (!Version.TryParse(text.StartsWith('v') ? text[1..] : text, out var version) || version < Oldest)
        {
            diagnostics.Error(MessageId.PropertyValueInvalid, setting.Location, setting.Name, setting.Value,
                $"give a guest-components release such as 0.14.0 (v{Oldest.ToString(3)} or later)");
            return;
        }

        if (cdh is null)
        {
            return;
        }

        var used = new[] { cdh.HasRegistryConfig, cdh.ImagePullProxy is not null };
        for (var i = 0; i < Features.Count; i++)
        {
            var (feature, needs, olderGuest) = Features[i];
            if (used[i] && version < needs)
            {
                diagnostics.Error(MessageId.RegistryFeatureNeedsNewerGuest, setting.Location, feature, needs.ToString(3), text, olderGuest, setting.Name);
            }
        }
    }
}
