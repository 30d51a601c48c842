using System.Globalization;
using Coco.InitData.Settings;

namespace Coco.InitData.Certificates;

/// <summary>How certificates are judged: at which instant, against which guest stacks, with which expiry warnings.</summary>
/// <param name="At">The validation instant (now, or <c>InitDataValidationTime</c>).</param>
/// <param name="GuestProfiles">The guest stacks every certificate must satisfy.</param>
/// <param name="ExpiryWarningDays">Warn when a certificate expires within this many days.</param>
/// <param name="LifetimeWarningPercent">Warn when this share of a certificate's lifetime has passed (0 disables).</param>
public sealed record ValidationOptions(DateTimeOffset At, TlsProfile GuestProfiles, int ExpiryWarningDays, int LifetimeWarningPercent)
{
    /// <summary>Where the anchors came from when they were not declared (the probe's system trust store), for messages; null for declared anchors.</summary>
    public string? AnchorSource { get; init; }

    /// <summary>The defaults at an instant: both guest stacks, and the catalog's warning thresholds (30 days, 80%).</summary>
    public static ValidationOptions Default(DateTimeOffset at) => new(
        at,
        TlsProfile.Rustls | TlsProfile.OpenSsl,
        int.Parse(SettingCatalog.CertificateExpiryWarningDays.Default!, CultureInfo.InvariantCulture),
        int.Parse(SettingCatalog.CertificateLifetimeWarningPercent.Default!, CultureInfo.InvariantCulture));
}
