namespace Coco.InitData.Certificates.Chains;

/// <summary>
/// Builds the path from a served leaf to a declared anchor the way the guest stacks do: by issuer name, trusted
/// certificates first, each link proven by its signature. Unlike BouncyCastle's PKIX builder it checks no policy:
/// the rules report every policy problem of the path with its own code.
/// </summary>
internal static class ChainBuilder
{
    /// <summary>No stack follows longer chains; a loop in hostile input ends here.</summary>
    public const int MaxDepth = 12;

    /// <summary>Builds the path of <paramref name="served"/> (leaf first) against <paramref name="anchors"/>.</summary>
    public static ServedChainPath Build(IReadOnlyList<CertificateFacts> served, IReadOnlyList<CertificateFacts> anchors)
    {
        var path = new ServedChainPath();
        var current = served[0];
        path.Certificates.Add(current);
        while (path.Certificates.Count <= MaxDepth)
        {
            var issuerName = current.Certificate.Certificate.IssuerDN;
            var anchorCandidates = anchors.Where(a => a.Certificate.Certificate.SubjectDN.Equivalent(issuerName, true)).ToList();
            var anchor = anchorCandidates.FirstOrDefault(a => SignatureVerifier.Verify(current.Certificate, a.Certificate));
            if (anchor is not null)
            {
                path.Anchor = anchor;
                return path;
            }

            var used = path.Certificates.Select(c => c.Certificate.Fingerprint).ToHashSet(StringComparer.Ordinal);
            var candidates = served.Skip(1)
                .Where(c => !used.Contains(c.Certificate.Fingerprint) && c.Certificate.Certificate.SubjectDN.Equivalent(issuerName, true))
                .ToList();
            var next = candidates.FirstOrDefault(c => SignatureVerifier.Verify(current.Certificate, c.Certificate));
            if (next is null)
            {
                path.StuckAt = current;
                path.IssuerWithBadSignature = anchorCandidates.Concat(candidates).FirstOrDefault();
                return path;
            }

            path.Certificates.Add(next);
            current = next;
        }

        path.StuckAt = current;
        return path;
    }
}
