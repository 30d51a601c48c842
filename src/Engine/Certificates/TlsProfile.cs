namespace Coco.InitData.Certificates;

/// <summary>A TLS stack whose verdict matters: the guest's (rustls or OpenSSL, by build) or the node's containerd (Go).</summary>
[Flags]
public enum TlsProfile
{
    /// <summary>No stack.</summary>
    None = 0,

    /// <summary>The guest built with rustls (rustls-webpki 0.103).</summary>
    Rustls = 1,

    /// <summary>The guest built with native-tls (OpenSSL 3).</summary>
    OpenSsl = 2,

    /// <summary>The node's containerd (Go crypto/x509): findings only it raises are warnings.</summary>
    Go = 4,
}
