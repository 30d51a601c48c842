namespace Coco.InitData.Certificates.Rules;

/// <summary>The error text each stack prints when it rejects a certificate for one reason: what users find in the guest or node logs.</summary>
/// <param name="Rustls">What image-rs built with rustls (webpki) reports.</param>
/// <param name="OpenSsl">What image-rs built with native-tls (OpenSSL 3) reports.</param>
/// <param name="Go">What the node's containerd (Go crypto/x509) reports.</param>
internal sealed record GuestErrors(string Rustls, string OpenSsl, string Go)
{
    /// <summary>No stack prints anything: advisory findings.</summary>
    public static GuestErrors None { get; } = new(string.Empty, string.Empty, string.Empty);

    /// <summary>The text of one stack.</summary>
    public string For(TlsProfile profile) => profile switch
    {
        TlsProfile.Rustls => Rustls,
        TlsProfile.OpenSsl => OpenSsl,
        TlsProfile.Go => Go,
        _ => string.Empty,
    };
}
