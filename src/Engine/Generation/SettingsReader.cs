using System.Globalization;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Measurements;
using Coco.InitData.Registries;
using Coco.InitData.SecretDetection;
using Coco.InitData.Settings;
using Coco.InitData.Specification;
using Coco.InitData.Transport;

namespace Coco.InitData.Generation;

/// <summary>Validates the scalar settings (properties or tool options); what is not set takes its default from <see cref="Settings.SettingCatalog"/>.</summary>
internal static class SettingsReader
{
    public static ResolvedSettings Read(InitDataSpecification spec, DiagnosticBag diagnostics)
    {
        var settings = new ResolvedSettings();
        if (Set(spec.Algorithm) is { } algorithm)
        {
            var value = algorithm.Value.Trim();
            if (DigestAlgorithm.FromName(value) is { } a)
            {
                settings.Algorithm = a;
            }
            else
            {
                diagnostics.Error(MessageId.AlgorithmUnknown, algorithm.Location, algorithm.Value, algorithm.Name);
            }
        }

        if (Set(spec.KbcName) is { } kbcName)
        {
            var value = kbcName.Value.Trim();
            if (value is "cc_kbc" or "offline_fs_kbc")
            {
                settings.KbcName = value;
            }
            else
            {
                diagnostics.Error(MessageId.KbcNameUnknown, kbcName.Location, kbcName.Value, kbcName.Name);
            }
        }

        settings.KbsUrl = ReadUrl(spec.KbsUrl, diagnostics);
        settings.RegistryCredentialsUri = ReadUri(spec.RegistryCredentialsUri, diagnostics, "kbs", "file");
        settings.ImageSecurityPolicyUri = ReadUri(spec.ImageSecurityPolicyUri, diagnostics);
        settings.SigstoreConfigUri = ReadUri(spec.SigstoreConfigUri, diagnostics);

        var https = ReadUrl(spec.HttpsProxy, diagnostics);
        var http = ReadUrl(spec.HttpProxy, diagnostics);
        var noProxy = ReadPlain(spec.NoProxy, diagnostics);
        if (https is not null || http is not null || noProxy is not null)
        {
            settings.Proxy = new ImagePullProxy(https, http, noProxy);
        }

        settings.UnqualifiedSearchRegistries = ReadSearchRegistries(spec.UnqualifiedSearchRegistries, diagnostics);

        if (Set(spec.AnnotationName) is { } annotation)
        {
            var value = annotation.Value.Trim();
            if (AnnotationKey.IsValid(value, out var problem))
            {
                settings.AnnotationName = value;
                AnnotationKey.ReportChoice(value, annotation, diagnostics);
            }
            else
            {
                diagnostics.Error(MessageId.AnnotationNameInvalid, annotation.Location, InlineSecrets.Redact(annotation.Value), problem, annotation.Name);
            }
        }

        settings.KustomizeLabelSelector = ReadLabelSelector(spec.KustomizeLabelSelector, diagnostics);
        settings.Validation = ReadValidation(spec, diagnostics);
        return settings;
    }

    // The characters of a Kubernetes label selector (keys, values, =, ==, !=, in, notin, !, parentheses, commas): a
    // quote or a line break is no selector, and Kustomize would fail on it with a less helpful message.
    private static string? ReadLabelSelector(SettingValue? setting, DiagnosticBag diagnostics)
    {
        if (Set(setting) is not { } selector)
        {
            return null;
        }

        var value = selector.Value.Trim();
        if (value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=!,() ".Contains(c, StringComparison.Ordinal)))
        {
            return value;
        }

        diagnostics.Error(MessageId.PropertyValueInvalid, selector.Location, selector.Name, selector.Value, "use a Kubernetes label selector such as app=web or tier in (frontend,backend)");
        return null;
    }

    private static ValidationOptions ReadValidation(InitDataSpecification spec, DiagnosticBag diagnostics)
    {
        var at = spec.Clock();
        if (Set(spec.ValidationTime) is { } time)
        {
            if (ValidityPeriodCheck.TryParse(time.Value, out var parsed))
            {
                at = parsed;
            }
            else
            {
                diagnostics.Error(MessageId.PropertyValueInvalid, time.Location, time.Name, time.Value, "use an ISO 8601 instant such as 2026-01-31T12:00:00Z");
            }
        }

        var defaults = ValidationOptions.Default(at);
        var days = ReadInteger(spec.CertificateExpiryWarningDays, defaults.ExpiryWarningDays, 0, 36500, diagnostics);
        var percent = ReadInteger(spec.CertificateLifetimeWarningPercent, defaults.LifetimeWarningPercent, 0, 100, diagnostics);
        var profiles = defaults.GuestProfiles;
        if (Set(spec.TlsProfiles) is { } setting)
        {
            profiles = TlsProfile.None;
            foreach (var part in setting.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                switch (part.ToLowerInvariant())
                {
                    case "rustls": profiles |= TlsProfile.Rustls; break;
                    case "openssl": profiles |= TlsProfile.OpenSsl; break;
                    default:
                        diagnostics.Error(MessageId.PropertyValueInvalid, setting.Location, setting.Name, setting.Value,
                            $"'{part}' is not a guest TLS profile; use rustls, openssl or both separated by ';' (the node's go profile always runs and only warns)");
                        break;
                }
            }

            if (profiles == TlsProfile.None)
            {
                profiles = defaults.GuestProfiles;
            }
        }

        return new ValidationOptions(at, profiles, days, percent);
    }

    private static int ReadInteger(SettingValue? setting, int fallback, int min, int max, DiagnosticBag diagnostics)
    {
        if (Set(setting) is not { } s)
        {
            return fallback;
        }

        if (int.TryParse(s.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        diagnostics.Error(MessageId.PropertyValueInvalid, s.Location, s.Name, s.Value, $"use a whole number from {min} to {max}");
        return fallback;
    }

    private static string? ReadUrl(SettingValue? setting, DiagnosticBag diagnostics)
    {
        if (Set(setting) is not { } s)
        {
            return null;
        }

        var value = s.Value.Trim();
        if (!UriText.IsClean(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            diagnostics.Error(MessageId.UrlInvalid, s.Location, s.Name, s.Value, "use an absolute http:// or https:// URL, for example https://kbs.example.internal:8080");
            return null;
        }

        if (uri.UserInfo.Length > 0)
        {
            diagnostics.Error(MessageId.InlineSecret, s.Location, s.Name, UriText.Redacted(uri));
            return null;
        }

        return LooksSecret(s, value, diagnostics) ? null : value;
    }

    private static string? ReadUri(SettingValue? setting, DiagnosticBag diagnostics, params string[] schemes)
    {
        if (Set(setting) is not { } s)
        {
            return null;
        }

        var value = s.Value.Trim();
        if (!UriText.IsClean(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            diagnostics.Error(MessageId.UriInvalid, s.Location, s.Name, s.Value, "use an absolute URI such as kbs:///default/policy/image or file:///etc/policy.json, without white space");
            return null;
        }

        // Secret query parameters are judged by LooksSecret below, by name and value ('?tokenless=true' is not one).
        if (uri.UserInfo.Length > 0)
        {
            diagnostics.Error(MessageId.InlineSecret, s.Location, s.Name, UriText.Redacted(uri));
            return null;
        }

        if (schemes.Length > 0 && !schemes.Contains(uri.Scheme, StringComparer.Ordinal))
        {
            diagnostics.Error(MessageId.UriInvalid, s.Location, s.Name, s.Value, $"the scheme must be {string.Join(" or ", schemes.Select(x => x + ":///"))}: credentials come from the KBS after attestation, never inline");
            return null;
        }

        return LooksSecret(s, value, diagnostics) ? null : value;
    }

    private static string? ReadPlain(SettingValue? setting, DiagnosticBag diagnostics)
    {
        if (Set(setting) is not { } s)
        {
            return null;
        }

        var value = s.Value.Trim();
        if (!UriText.IsClean(value))
        {
            diagnostics.Error(MessageId.PropertyValueInvalid, s.Location, s.Name, s.Value, "it contains white space or control characters; separate hosts with ','");
            return null;
        }

        return LooksSecret(s, value, diagnostics) ? null : value;
    }

    // Rule: anything that looks like a credential is refused, whatever the setting (initdata is plaintext to the host).
    internal static bool LooksSecret(SettingValue s, string value, DiagnosticBag diagnostics)
    {
        if (InlineSecrets.Find(value) is not { } reason)
        {
            return false;
        }

        diagnostics.Error(MessageId.InlineSecretSuspected, s.Location, s.Name, InlineSecrets.Redact(value), reason);
        return true;
    }

    private static IReadOnlyList<string>? ReadSearchRegistries(SettingValue? setting, DiagnosticBag diagnostics)
    {
        if (Set(setting) is not { } s)
        {
            return null;
        }

        if (LooksSecret(s, s.Value.Trim(), diagnostics))
        {
            return null;
        }

        var list = new List<string>();
        foreach (var part in s.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (RegistryName.TryParse(part, out var name, out var problem) && name!.Path.Length == 0 && !name.IsWildcard)
            {
                list.Add(name.Text);
            }
            else
            {
                diagnostics.Error(MessageId.PropertyValueInvalid, s.Location, s.Name, s.Value,
                    $"'{part}' is not a registry host[:port]" + (problem.Length > 0 ? $" ({problem})" : string.Empty));
            }
        }

        return list;
    }

    private static SettingValue? Set(SettingValue? value) => value is { IsEmpty: false } ? value : null;

}
