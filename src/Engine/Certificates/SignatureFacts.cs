using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.EdEC;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;

namespace Coco.InitData.Certificates;

/// <summary>A certificate's signature algorithm decoded: scheme, hash, and for RSA-PSS the parameters the stacks disagree on.</summary>
internal sealed class SignatureFacts
{
    private static readonly Dictionary<string, (string Scheme, string Hash, string Name)> Known = new(StringComparer.Ordinal)
    {
        [PkcsObjectIdentifiers.MD5WithRsaEncryption.Id] = ("rsa", "MD5", "md5WithRSAEncryption"),
        [PkcsObjectIdentifiers.Sha1WithRsaEncryption.Id] = ("rsa", "SHA1", "sha1WithRSAEncryption"),
        [PkcsObjectIdentifiers.Sha224WithRsaEncryption.Id] = ("rsa", "SHA224", "sha224WithRSAEncryption"),
        [PkcsObjectIdentifiers.Sha256WithRsaEncryption.Id] = ("rsa", "SHA256", "sha256WithRSAEncryption"),
        [PkcsObjectIdentifiers.Sha384WithRsaEncryption.Id] = ("rsa", "SHA384", "sha384WithRSAEncryption"),
        [PkcsObjectIdentifiers.Sha512WithRsaEncryption.Id] = ("rsa", "SHA512", "sha512WithRSAEncryption"),
        [X9ObjectIdentifiers.ECDsaWithSha1.Id] = ("ecdsa", "SHA1", "ecdsa-with-SHA1"),
        [X9ObjectIdentifiers.ECDsaWithSha224.Id] = ("ecdsa", "SHA224", "ecdsa-with-SHA224"),
        [X9ObjectIdentifiers.ECDsaWithSha256.Id] = ("ecdsa", "SHA256", "ecdsa-with-SHA256"),
        [X9ObjectIdentifiers.ECDsaWithSha384.Id] = ("ecdsa", "SHA384", "ecdsa-with-SHA384"),
        [X9ObjectIdentifiers.ECDsaWithSha512.Id] = ("ecdsa", "SHA512", "ecdsa-with-SHA512"),
        [EdECObjectIdentifiers.id_Ed25519.Id] = ("ed25519", string.Empty, "Ed25519"),
        [EdECObjectIdentifiers.id_Ed448.Id] = ("ed448", string.Empty, "Ed448"),
        [X9ObjectIdentifiers.IdDsaWithSha1.Id] = ("dsa", "SHA1", "dsa-with-SHA1"),
        [NistObjectIdentifiers.DsaWithSha256.Id] = ("dsa", "SHA256", "dsa-with-SHA256"),
    };

    private SignatureFacts(AlgorithmIdentifier algorithm)
    {
        Algorithm = algorithm;
        var oid = algorithm.Algorithm.Id;
        if (Known.TryGetValue(oid, out var known))
        {
            (Scheme, Hash, Name) = known;
        }
        else if (algorithm.Algorithm.Equals(PkcsObjectIdentifiers.IdRsassaPss))
        {
            Scheme = "rsa-pss";
            ReadPss(algorithm.Parameters);
            Name = $"RSASSA-PSS ({Hash}, MGF1-{MgfHash}, salt {SaltLength}{(TrailerFieldExplicit ? ", explicit trailerField" : string.Empty)})";
        }
        else
        {
            Scheme = oid;
            Hash = string.Empty;
            Name = oid;
        }
    }

    /// <summary>The algorithm identifier as written.</summary>
    public AlgorithmIdentifier Algorithm { get; }

    /// <summary>rsa (PKCS#1 v1.5), rsa-pss, ecdsa, ed25519, ed448, dsa, or the OID.</summary>
    public string Scheme { get; }

    /// <summary>MD5, SHA1, SHA224, SHA256, SHA384, SHA512, or empty.</summary>
    public string Hash { get; private set; } = string.Empty;

    /// <summary>A readable name, with decoded RSA-PSS parameters.</summary>
    public string Name { get; }

    /// <summary>RSA-PSS: the MGF1 hash.</summary>
    public string MgfHash { get; private set; } = string.Empty;

    /// <summary>RSA-PSS: the salt length in bytes.</summary>
    public int SaltLength { get; private set; }

    /// <summary>RSA-PSS: the trailerField is written out (DER forbids writing the default; webpki and Go refuse it).</summary>
    public bool TrailerFieldExplicit { get; private set; }

    /// <summary>RSA-PSS: the parameters could not be decoded.</summary>
    public bool PssParametersInvalid { get; private set; }

    /// <summary>RSA-PSS in the one form rustls and Go accept: SHA-256/384/512, MGF1 with the same hash, salt = hash length, default trailer.</summary>
    public bool IsCanonicalPss =>
        Scheme == "rsa-pss" && !PssParametersInvalid && !TrailerFieldExplicit && MgfHash == Hash
        && Hash is "SHA256" or "SHA384" or "SHA512" && SaltLength == HashLength(Hash);

    /// <summary>The .NET hash name, or null when .NET cannot verify with it.</summary>
    public HashAlgorithmName? DotNetHash => Hash switch
    {
        "SHA1" => HashAlgorithmName.SHA1,
        "SHA256" => HashAlgorithmName.SHA256,
        "SHA384" => HashAlgorithmName.SHA384,
        "SHA512" => HashAlgorithmName.SHA512,
        "MD5" => HashAlgorithmName.MD5,
        _ => null,
    };

    /// <summary>Decodes a signature algorithm.</summary>
    public static SignatureFacts Of(AlgorithmIdentifier algorithm) => new(algorithm);

    /// <summary>
    /// True when a certificate's own key is of the type its signature algorithm names, what OpenSSL's
    /// check_sig_alg_match asks before it calls a self-issued certificate self-signed.
    /// </summary>
    public bool FitsKeyType(KeyFacts key) => (Scheme, key.Algorithm) switch
    {
        ("rsa", "rsa") or ("rsa-pss", "rsa-pss") or ("ecdsa", "ec") or ("ed25519", "ed25519") or ("ed448", "ed448") or ("dsa", "dsa") => true,
        _ => false,
    };

    /// <summary>Digest length in bytes of a hash name.</summary>
    public static int HashLength(string hash) => hash switch
    {
        "MD5" => 16,
        "SHA1" => 20,
        "SHA224" => 28,
        "SHA256" => 32,
        "SHA384" => 48,
        "SHA512" => 64,
        _ => 0,
    };

    private void ReadPss(Asn1Encodable? parameters)
    {
        try
        {
            var pss = RsassaPssParameters.GetInstance(parameters);
            Hash = HashName(pss.HashAlgorithm.Algorithm);
            var mgf = pss.MaskGenAlgorithm;
            MgfHash = mgf.Algorithm.Equals(PkcsObjectIdentifiers.IdMgf1) ? HashName(AlgorithmIdentifier.GetInstance(mgf.Parameters).Algorithm) : mgf.Algorithm.Id;
            SaltLength = pss.SaltLength.IntValueExact;

            // The parameters SEQUENCE has a [3] element only when trailerField was written out.
            TrailerFieldExplicit = Asn1Sequence.GetInstance(parameters).OfType<Asn1TaggedObject>().Any(t => t.TagNo == 3);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or ArithmeticException or NullReferenceException or InvalidOperationException)
        {
            PssParametersInvalid = true;
            Hash = "?";
            MgfHash = "?";
        }
    }

    private static string HashName(DerObjectIdentifier oid)
    {
        if (oid.Equals(OiwObjectIdentifiers.IdSha1))
        {
            return "SHA1";
        }

        if (oid.Equals(NistObjectIdentifiers.IdSha224))
        {
            return "SHA224";
        }

        if (oid.Equals(NistObjectIdentifiers.IdSha256))
        {
            return "SHA256";
        }

        if (oid.Equals(NistObjectIdentifiers.IdSha384))
        {
            return "SHA384";
        }

        return oid.Equals(NistObjectIdentifiers.IdSha512) ? "SHA512" : oid.Id;
    }
}
