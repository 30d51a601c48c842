using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace Coco.InitData.Certificates.Chains;

/// <summary>
/// Checks that a certificate was signed by an issuer's key. RSA and ECDSA go through System.Security.Cryptography:
/// BouncyCastle validates every RSA modulus on first use (25-220 ms for RSA-4096), which the build would pay on
/// every run. Ed25519, non-canonical RSA-PSS and rare algorithms fall back to BouncyCastle.
/// </summary>
internal static class SignatureVerifier
{
    /// <summary>True when <paramref name="child"/>'s signature verifies with <paramref name="issuer"/>'s public key.</summary>
    public static bool Verify(LoadedCertificate child, LoadedCertificate issuer)
    {
        var signature = child.Facts.Signature;
        try
        {
            var tbs = child.Certificate.CertificateStructure.TbsCertificate.GetDerEncoded();
            var value = child.Certificate.CertificateStructure.Signature.GetOctets();
            var spki = issuer.Certificate.CertificateStructure.SubjectPublicKeyInfo.GetDerEncoded();
            return signature.Scheme switch
            {
                "rsa" when signature.DotNetHash is { } hash => VerifyRsa(spki, tbs, value, hash, RSASignaturePadding.Pkcs1),
                "rsa-pss" when signature.IsCanonicalPss && signature.DotNetHash is { } hash => VerifyRsa(spki, tbs, value, hash, RSASignaturePadding.Pss),
                "rsa-pss" when !signature.PssParametersInvalid => VerifyPssWithBouncyCastle(issuer, tbs, value, signature),
                "ecdsa" when signature.DotNetHash is { } hash => VerifyEcdsa(spki, tbs, value, hash),
                _ => VerifyWithBouncyCastle(child, issuer),
            };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Hostile bytes: a key that does not load, a signature that does not decode or an algorithm BouncyCastle
            // refuses (CertificateException, SecurityUtilityException...) is a signature that does not verify.
            return false;
        }
    }

    private static bool VerifyRsa(byte[] spki, byte[] tbs, byte[] signature, HashAlgorithmName hash, RSASignaturePadding padding)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(spki, out _);
        return rsa.VerifyData(tbs, signature, hash, padding);
    }

    private static bool VerifyEcdsa(byte[] spki, byte[] tbs, byte[] signature, HashAlgorithmName hash)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
        return ecdsa.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    // Salt lengths other than the hash length (OpenSSL's "max salt", AMD's certificates) are not expressible in .NET.
    private static bool VerifyPssWithBouncyCastle(LoadedCertificate issuer, byte[] tbs, byte[] signature, SignatureFacts facts)
    {
        var digest = Digest(facts.Hash);
        var mgfDigest = Digest(facts.MgfHash);
        if (digest is null || mgfDigest is null)
        {
            return false;
        }

        var signer = new PssSigner(new RsaBlindedEngine(), digest, mgfDigest, facts.SaltLength, PssSigner.TrailerImplicit);
        signer.Init(false, (RsaKeyParameters)issuer.Certificate.GetPublicKey());
        signer.BlockUpdate(tbs, 0, tbs.Length);
        return signer.VerifySignature(signature);
    }

    private static bool VerifyWithBouncyCastle(LoadedCertificate child, LoadedCertificate issuer) =>
        child.Certificate.IsSignatureValid(issuer.Certificate.GetPublicKey());

    private static IDigest? Digest(string hash) => hash switch
    {
        "SHA1" => new Sha1Digest(),
        "SHA224" => new Sha224Digest(),
        "SHA256" => new Sha256Digest(),
        "SHA384" => new Sha384Digest(),
        "SHA512" => new Sha512Digest(),
        _ => null,
    };
}
