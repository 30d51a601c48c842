namespace Coco.InitData.Certificates;

/// <summary>Why a certificate file was given: the checks and the artifact it lands in depend on it.</summary>
public enum TrustAnchorRole
{
    /// <summary>A registry's <c>CertificateAuthority</c>: embedded in <c>extra_root_certificates</c>.</summary>
    RegistryCertificateAuthority,

    /// <summary>An <c>InitDataCertificate</c>: embedded in <c>extra_root_certificates</c>.</summary>
    ExtraCertificate,

    /// <summary><c>InitDataKbsCertificate</c>: embedded as <c>kbs_cert</c> and aa.toml <c>cert</c>.</summary>
    KbsCertificate,

    /// <summary>A registry's <c>ServerCertificate</c>: the served chain, checked and never embedded.</summary>
    ServedChain,
}
