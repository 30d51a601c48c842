using System.Globalization;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Certificates.Rules;

/// <summary>
/// Turns a rule violation into a diagnostic whose severity follows the profiles: an error when a selected guest
/// stack rejects, a warning when only the node (go) rejects or the rule is advisory, nothing when only an
/// unselected guest stack rejects (the verdict still records it). Every message gets the same certificate context.
/// </summary>
internal sealed class FindingReporter
{
    private readonly ValidationOptions _options;
    private readonly DiagnosticBag _diagnostics;

    /// <summary>Creates a reporter.</summary>
    public FindingReporter(ValidationOptions options, DiagnosticBag diagnostics, CertificateVerdicts verdicts)
    {
        _options = options;
        _diagnostics = diagnostics;
        Verdicts = verdicts;
    }

    /// <summary>The verdicts recorded so far.</summary>
    public CertificateVerdicts Verdicts { get; }

    /// <summary>The validation options.</summary>
    public ValidationOptions Options => _options;

    /// <summary>Reports <paramref name="rule"/> against <paramref name="certificate"/>, with rule-specific arguments from {8} on.</summary>
    public void Report(CertificateRule rule, LoadedCertificate certificate, params object?[] extra)
    {
        var severity = SeverityOf(rule, out var shownProfiles);
        if (rule.RejectedBy != TlsProfile.None)
        {
            Verdicts.Reject(certificate.Fingerprint, rule.RejectedBy, rule.Code);
        }

        if (severity is null)
        {
            return;
        }

        var args = new object?[8 + extra.Length];
        args[0] = certificate.Subject;
        args[1] = certificate.Issuer;
        args[2] = certificate.Fingerprint;
        args[3] = ValidityPeriodCheck.Format(certificate.NotBefore);
        args[4] = ValidityPeriodCheck.Format(certificate.NotAfter);
        args[5] = TimeLeft(certificate.NotAfter - _options.At);
        args[6] = DescribeProfiles(shownProfiles);
        args[7] = DescribeErrors(rule, shownProfiles);
        Array.Copy(extra, 0, args, 8, extra.Length);
        _diagnostics.Add(Diagnostic.Create(rule.Message, severity.Value, certificate.Location, args));
    }

    /// <summary>"rustls (guest), openssl (guest), go (node containerd)" or "no stack (advisory)".</summary>
    public static string DescribeProfiles(TlsProfile profiles)
    {
        var names = new List<string>();
        if ((profiles & TlsProfile.Rustls) != 0)
        {
            names.Add("rustls (guest)");
        }

        if ((profiles & TlsProfile.OpenSsl) != 0)
        {
            names.Add("openssl (guest)");
        }

        if ((profiles & TlsProfile.Go) != 0)
        {
            names.Add("go (node containerd)");
        }

        return names.Count == 0 ? "no stack (advisory)" : string.Join(", ", names);
    }

    private DiagnosticSeverity? SeverityOf(CertificateRule rule, out TlsProfile shown)
    {
        var guest = TlsProfile.Rustls | TlsProfile.OpenSsl;
        var selected = _options.GuestProfiles & guest;

        // Stacks the user did not choose are left out of the message: it names only stacks that matter to this build.
        shown = rule.RejectedBy & (selected | TlsProfile.Go);
        if (rule.RejectedBy == TlsProfile.None)
        {
            return DiagnosticSeverity.Warning;
        }

        if ((rule.RejectedBy & selected) != 0)
        {
            return rule.WarningOnly ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
        }

        // C13: accepted by the selected guest stacks, rejected by the node's containerd: a warning.
        return (rule.RejectedBy & TlsProfile.Go) != 0 ? DiagnosticSeverity.Warning : null;
    }

    private static string DescribeErrors(CertificateRule rule, TlsProfile shown)
    {
        var parts = new List<string>();
        foreach (var (profile, name) in CertificateVerdicts.Profiles)
        {
            var text = rule.Errors.For(profile);
            if ((shown & profile) != 0 && text.Length > 0)
            {
                parts.Add($"{name}: `{text}`");
            }
        }

        return parts.Count == 0 ? "none today" : string.Join("; ", parts);
    }

    // "12 days left", "1 day left", or once past notAfter "expired 3 days ago" (never "-3 days left").
    private static string TimeLeft(TimeSpan left)
    {
        var days = (int)Math.Floor(left.TotalDays);
        static string Days(int n) => n == 1 ? "1 day" : n.ToString(CultureInfo.InvariantCulture) + " days";
        return days >= 0 ? Days(days) + " left" : "expired " + Days(-days) + " ago";
    }
}
