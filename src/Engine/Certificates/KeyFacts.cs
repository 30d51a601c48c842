namespace Coco.InitData.Certificates;

/// <summary>The public key of a certificate as the stacks classify it, read from the SubjectPublicKeyInfo without building a key object.</summary>
/// <param name="Algorithm">rsa, rsa-pss, ec, ed25519, ed448, dsa, or the OID when unknown.</param>
/// <param name="Bits">Modulus size for RSA, field size for EC, 0 otherwise.</param>
/// <param name="Curve">P-256, P-384, P-521, the curve OID, or empty.</param>
internal sealed record KeyFacts(string Algorithm, int Bits, string Curve)
{
    /// <summary>"RSA-2048", "EC P-384", "Ed25519"...</summary>
    public string Description => Algorithm switch
    {
        "rsa" => $"RSA-{Bits}",
        "rsa-pss" => $"RSASSA-PSS key ({Bits} bits)",
        "ec" => $"EC {Curve}",
        "ed25519" => "Ed25519",
        "ed448" => "Ed448",
        "dsa" => "DSA",
        _ => $"key algorithm {Algorithm}",
    };
}
