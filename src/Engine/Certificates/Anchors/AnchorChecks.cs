using Coco.InitData.Certificates.Rules;
using Org.BouncyCastle.Asn1.X509;

namespace Coco.InitData.Certificates.Anchors;

/// <summary>
/// Rules A4 and B4-B12, B14 for one trust anchor, on its own (B13 needs the served chain; B15, a weak
/// self-signature on a root, is deliberately not checked: no stack verifies a root's own signature).
/// </summary>
internal static class AnchorChecks
{
    /// <summary>
    /// Checks one anchor. <paramref name="servesOtherLeaf"/> is true when a served chain shows the anchor issues another
    /// certificate; <paramref name="isServedLeaf"/> when a registry serves this very certificate (a pinned leaf).
    /// </summary>
    public static void Check(CertificateFacts facts, bool servesOtherLeaf, FindingReporter reporter, bool isServedLeaf = false)
    {
        var anchor = facts.Certificate;
        CheckLoadable(facts, reporter);

        var isCa = facts.Version < 3 || (facts.HasBasicConstraints && facts.IsCa);
        if (!isCa && !facts.HasSubjectAlternativeNames)
        {
            // B10 says everything there is to say: the other CA-shape findings would only repeat it.
            reporter.Report(RuleCatalog.AnchorAuthenticatesNothing, anchor);
            CheckKey(facts, reporter);
            return;
        }

        // A self-signed server certificate only works as the anchor of itself; issuing another certificate needs a CA.
        if (!isCa && facts.SelfSigned && !servesOtherLeaf)
        {
            reporter.Report(RuleCatalog.AnchorSelfSignedServer, anchor);
        }
        else if (isServedLeaf && !facts.SelfSigned)
        {
            // A pinned leaf is not meant to be a CA: the served chain's C1 finding says which stacks refuse it and why.
        }
        else
        {
            if (!facts.SelfSigned)
            {
                reporter.Report(RuleCatalog.AnchorNotSelfSigned, anchor);
            }

            if (!isCa)
            {
                // OpenSSL takes a v3 certificate without basicConstraints but with keyCertSign for a CA (X509_check_ca returns 4); Go does not.
                var rule = !facts.HasBasicConstraints && facts.KeyCertSign ? RuleCatalog.AnchorNotCa.RejectedOnlyBy(TlsProfile.Go) : RuleCatalog.AnchorNotCa;
                reporter.Report(rule, anchor, facts.HasBasicConstraints ? "basicConstraints CA:FALSE" : "a v3 certificate without basicConstraints");
            }

            if (facts.HasKeyUsage && !facts.KeyCertSign)
            {
                reporter.Report(RuleCatalog.AnchorKeyUsage, anchor);
            }

            if (isCa && facts.SelfSigned && facts.LooksLikeServer && !servesOtherLeaf)
            {
                reporter.Report(RuleCatalog.AnchorCaServer, anchor, "it has a dNSName or iPAddress subjectAltName");
            }
        }

        if (facts.ExtendedKeyUsages is { } ekus && !facts.HasServerAuth)
        {
            // anyExtendedKeyUsage satisfies Go; OpenSSL's purpose check does not accept it for sslserver.
            var rule = facts.HasAnyEku ? RuleCatalog.AnchorEku.RejectedOnlyBy(TlsProfile.OpenSsl) : RuleCatalog.AnchorEku;
            reporter.Report(rule, anchor, Describe(ekus));
        }

        if (facts.UnknownCriticalExtensions.Count > 0)
        {
            reporter.Report(RuleCatalog.AnchorCriticalExtension, anchor, string.Join(", ", facts.UnknownCriticalExtensions));
        }
        else if (facts.CriticalPolicyExtensions.Count > 0)
        {
            reporter.Report(RuleCatalog.AnchorCriticalExtension.RejectedOnlyBy(TlsProfile.Rustls), anchor, string.Join(", ", facts.CriticalPolicyExtensions));
        }

        CheckKey(facts, reporter);
        CheckNameConstraintForms(facts, reporter);
        Chains.NameConstraintChecks.CheckMasks(facts, reporter);
    }

    /// <summary>Describes EKU OIDs with their usual names.</summary>
    public static string Describe(IEnumerable<string> ekus) => string.Join(", ", ekus.Select(e => e switch
    {
        "1.3.6.1.5.5.7.3.1" => "serverAuth",
        "1.3.6.1.5.5.7.3.2" => "clientAuth",
        "1.3.6.1.5.5.7.3.3" => "codeSigning",
        "1.3.6.1.5.5.7.3.4" => "emailProtection",
        "1.3.6.1.5.5.7.3.8" => "timeStamping",
        "1.3.6.1.5.5.7.3.9" => "OCSPSigning",
        "2.5.29.37.0" => "anyExtendedKeyUsage",
        _ => e,
    }));

    /// <summary>True when rustls can verify signatures with the key; <paramref name="ringOnlyProblem"/> for P-521.</summary>
    public static bool IsKeyUsableByRustls(KeyFacts key, out bool ringOnlyProblem)
    {
        ringOnlyProblem = key.Algorithm == "ec" && key.Curve == "P-521";
        return key.Algorithm switch
        {
            "rsa" => key.Bits is >= 2048 and <= 8192,
            "ec" => key.Curve is "P-256" or "P-384" or "P-521",
            "ed25519" => true,
            _ => false,
        };
    }

    private static void CheckLoadable(CertificateFacts facts, FindingReporter reporter)
    {
        var problems = new List<string>();
        if (facts.HasUniqueIds)
        {
            problems.Add("it carries issuerUniqueID/subjectUniqueID");
        }

        if (facts.SignatureAlgorithmMismatch)
        {
            problems.Add("its inner and outer signature algorithms differ");
        }

        if (facts.Certificate.Der.Length > 64 * 1024)
        {
            problems.Add("it is larger than 64 KiB");
        }

        if (problems.Count > 0)
        {
            reporter.Report(RuleCatalog.AnchorUnloadable, facts.Certificate, string.Join("; ", problems));
        }
    }

    private static void CheckKey(CertificateFacts facts, FindingReporter reporter)
    {
        if (!IsKeyUsableByRustls(facts.Key, out var ringOnly))
        {
            reporter.Report(RuleCatalog.AnchorKeyUnsupported, facts.Certificate, facts.Key.Description);
        }
        else if (ringOnly)
        {
            reporter.Report(RuleCatalog.AnchorKeyP521, facts.Certificate);
        }
    }

    private static void CheckNameConstraintForms(CertificateFacts facts, FindingReporter reporter)
    {
        if (facts.NameConstraints is null)
        {
            return;
        }

        var forms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var subtree in facts.PermittedSubtrees.Concat(facts.ExcludedSubtrees))
        {
            var tag = subtree.Base.TagNo;
            if (tag == GeneralName.DirectoryName)
            {
                forms.Add("directoryName");
            }
        }

        if (forms.Count > 0)
        {
            // Go only stumbles when the extension is critical and holds a form it does not handle (directoryName).
            var profiles = TlsProfile.Rustls | (facts.NameConstraintsCritical && forms.Contains("directoryName") ? TlsProfile.Go : TlsProfile.None);
            reporter.Report(RuleCatalog.AnchorNameConstraintForms.RejectedOnlyBy(profiles), facts.Certificate, string.Join(" and ", forms));
        }
    }
}
