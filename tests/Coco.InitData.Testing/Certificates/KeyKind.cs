namespace Coco.InitData.Testing;

/// <summary>Key types test certificates are made with.</summary>
public enum KeyKind
{
    EcP256,
    EcP384,
    EcP521,
    Rsa1024,
    Rsa2048,
    Rsa3072,
    Rsa4096,
    Ed25519,
}
