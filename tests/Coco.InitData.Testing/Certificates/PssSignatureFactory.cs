using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Signers;

namespace Coco.InitData.Testing;

/// <summary>
/// RSA-PSS signatures with parameters BouncyCastle's named factories never write: any salt length, and an explicit
/// trailerField as AMD's VCEK chain has. What OpenSSL's default "max salt" and AMD produce.
/// </summary>
public sealed class PssSignatureFactory : ISignatureFactory
{
    private readonly ICipherParameters _key;
    private readonly int _saltLength;
    private readonly bool _sha384;

    public PssSignatureFactory(ICipherParameters key, int saltLength, bool explicitTrailer, bool sha384 = false)
    {
        _key = key;
        _saltLength = saltLength;
        _sha384 = sha384;
        var hash = new AlgorithmIdentifier(sha384 ? NistObjectIdentifiers.IdSha384 : NistObjectIdentifiers.IdSha256, DerNull.Instance);
        var parameters = new Asn1EncodableVector
        {
            new DerTaggedObject(true, 0, hash),
            new DerTaggedObject(true, 1, new AlgorithmIdentifier(PkcsObjectIdentifiers.IdMgf1, hash)),
            new DerTaggedObject(true, 2, DerInteger.ValueOf(saltLength)),
        };
        if (explicitTrailer)
        {
            parameters.Add(new DerTaggedObject(true, 3, DerInteger.ValueOf(1)));
        }

        AlgorithmDetails = new AlgorithmIdentifier(PkcsObjectIdentifiers.IdRsassaPss, new DerSequence(parameters));
    }

    public object AlgorithmDetails { get; }

    public IStreamCalculator<IBlockResult> CreateCalculator()
    {
        IDigest Digest() => _sha384 ? new Sha384Digest() : new Sha256Digest();
        var signer = new PssSigner(new RsaBlindedEngine(), Digest(), Digest(), _saltLength, PssSigner.TrailerImplicit);
        signer.Init(true, _key);
        return new DefaultSignatureCalculator(signer);
    }
}
