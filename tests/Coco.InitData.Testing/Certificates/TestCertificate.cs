using Coco.InitData.Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using X509Certificate = Org.BouncyCastle.X509.X509Certificate;

namespace Coco.InitData.Testing;

/// <summary>A certificate made at test time, with its key (never committed, never embedded).</summary>
public sealed class TestCertificate
{
    public TestCertificate(X509Certificate certificate, AsymmetricCipherKeyPair key)
    {
        Certificate = certificate;
        Key = key;
    }

    public X509Certificate Certificate { get; }
    public AsymmetricCipherKeyPair Key { get; }
    public byte[] Der => Certificate.GetEncoded();
    public string Pem => CanonicalPem.Encode("CERTIFICATE", Der);

    /// <summary>The private key as PKCS#8 PEM, for servers started by tests.</summary>
    public string PrivateKeyPem
    {
        get
        {
            using var writer = new StringWriter();
            var pem = new PemWriter(writer);
            pem.WriteObject(new Pkcs8Generator(Key.Private));
            pem.Writer.Flush();
            return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        }
    }
}
