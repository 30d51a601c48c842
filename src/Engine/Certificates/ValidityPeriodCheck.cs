using System.Globalization;
using Coco.InitData.Certificates.Rules;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Certificates;

/// <summary>
/// Rules B1-B3 (anchors) and C3 (served chains): expired, not yet valid, just issued, expiring soon, most of the
/// lifetime used. rustls ignores an anchor's dates, so an expired anchor is rejected by OpenSSL and Go only.
/// </summary>
public static class ValidityPeriodCheck
{
    /// <summary>Reports validity-period findings of one trust anchor (a convenience for callers without a reporter).</summary>
    internal static void Check(LoadedCertificate certificate, ValidationOptions options, DiagnosticBag diagnostics) =>
        Check(certificate, isAnchor: certificate.Role != TrustAnchorRole.ServedChain, new FindingReporter(options, diagnostics, new CertificateVerdicts()));

    /// <summary>Reports validity-period findings of one certificate.</summary>
    internal static void Check(LoadedCertificate certificate, bool isAnchor, FindingReporter reporter)
    {
        var options = reporter.Options;
        var at = options.At;
        if (certificate.NotAfter < at)
        {
            reporter.Report(isAnchor ? RuleCatalog.AnchorExpired : RuleCatalog.ChainExpired, certificate, Format(at));
            return;
        }

        if (certificate.NotBefore > at)
        {
            reporter.Report(isAnchor ? RuleCatalog.AnchorNotYetValid : RuleCatalog.ChainNotYetValid, certificate, Format(at));
            return;
        }

        if (at - certificate.NotBefore < TimeSpan.FromHours(1))
        {
            reporter.Report(RuleCatalog.JustIssued, certificate, Format(at));
        }

        var daysLeft = (int)Math.Floor((certificate.NotAfter - at).TotalDays);
        if (daysLeft < options.ExpiryWarningDays)
        {
            reporter.Report(RuleCatalog.ExpiresSoon, certificate, options.ExpiryWarningDays);
            return;
        }

        var lifetime = certificate.NotAfter - certificate.NotBefore;
        if (options.LifetimeWarningPercent > 0 && lifetime > TimeSpan.Zero)
        {
            var used = (at - certificate.NotBefore).Ticks * 100.0 / lifetime.Ticks;
            if (used >= options.LifetimeWarningPercent)
            {
                reporter.Report(RuleCatalog.LifetimeMostlyUsed, certificate, ((int)used).ToString(CultureInfo.InvariantCulture), options.LifetimeWarningPercent);
            }
        }
    }

    /// <summary>
    /// Reads an instant as the validation time is written everywhere (InitDataValidationTime, --validation-time): ISO
    /// 8601, UTC unless the text names an offset, a date alone meaning its midnight UTC.
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    /// <summary>ISO 8601 UTC to the second, as everywhere in messages and artifacts.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
