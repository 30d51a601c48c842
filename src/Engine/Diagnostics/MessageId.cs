namespace Coco.InitData.Diagnostics;

/// <summary>The name of each message in Messages.resx; the code is in the text.</summary>
#pragma warning disable CS1591 // The names say what each message is; the texts are in Messages.resx.
public enum MessageId
{
    RegistryNameInvalid,
    AlgorithmUnknown,
    KbsRequired,
    KbcNameUnknown,
    UrlInvalid,
    UriInvalid,
    PropertyValueInvalid,
    InputFileNotFound,
    InputFileUnreadable,
    RegistryDeclaredTwice,
    TextFileNotUtf8,
    InlineSecret,
    AnnotationNameInvalid,
    ItemMetadataInvalid,
    NoCertificateInFile,
    PrivateKeyInFile,
    CertificateUnparseable,
    NonCertificateBlock,
    PemStructureInvalid,
    DuplicateCertificate,
    CertificateExpired,
    CertificateNotYetValid,
    CertificateJustIssued,
    CertificateExpiresSoon,
    CertificateLifetimeMostlyUsed,
    AnnotationTooLarge,
    AnnotationLarge,
    OutputWriteFailed,
    UnexpectedFailure,
}
#pragma warning restore CS1591
