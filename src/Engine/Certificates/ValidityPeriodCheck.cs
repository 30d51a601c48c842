using System.Globalization;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Certificates;

/// <summary>Rules B1-B3 (and C3 for served chains): expired, not yet valid, just issued, expiring soon, most of the lifetime used.</summary>
public static class ValidityPeriodCheck
{
    /// <summary>Reports validity-period findings of one certificate.</summary>
    public static void Check(LoadedCertificate certificate, ValidationOptions options, DiagnosticBag diagnostics)
    {
        var at = options.At;
        var name = certificate.Subject;
        var fingerprint = certificate.Fingerprint;
        if (certificate.NotAfter < at)
        {
            var daysAgo = (int)Math.Floor((at - certificate.NotAfter).TotalDays);
            diagnostics.Error(MessageId.CertificateExpired, certificate.Location, name, fingerprint, Format(certificate.NotAfter), daysAgo, Format(at));
            return;
        }

        if (certificate.NotBefore > at)
        {
            diagnostics.Error(MessageId.CertificateNotYetValid, certificate.Location, name, fingerprint, Format(certificate.NotBefore), Format(at));
            return;
        }

        if (at - certificate.NotBefore < TimeSpan.FromHours(1))
        {
            diagnostics.Warning(MessageId.CertificateJustIssued, certificate.Location, name, fingerprint, Format(certificate.NotBefore), Format(at));
        }

        var daysLeft = (int)Math.Floor((certificate.NotAfter - at).TotalDays);
        if (daysLeft < options.ExpiryWarningDays)
        {
            diagnostics.Warning(MessageId.CertificateExpiresSoon, certificate.Location, name, fingerprint, Format(certificate.NotAfter), daysLeft, options.ExpiryWarningDays);
            return;
        }

        var lifetime = certificate.NotAfter - certificate.NotBefore;
        if (options.LifetimeWarningPercent > 0 && lifetime > TimeSpan.Zero)
        {
            var used = (at - certificate.NotBefore).Ticks * 100.0 / lifetime.Ticks;
            if (used >= options.LifetimeWarningPercent)
            {
                diagnostics.Warning(
                    MessageId.CertificateLifetimeMostlyUsed, certificate.Location, name, fingerprint,
                    ((int)used).ToString(CultureInfo.InvariantCulture), Format(certificate.NotBefore), Format(certificate.NotAfter), options.LifetimeWarningPercent);
            }
        }
    }

    /// <summary>ISO 8601 UTC to the second, as everywhere in messages and artifacts.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
