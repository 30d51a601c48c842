namespace Coco.InitData.Tests.Certificates;

/// <summary>The stacks a certificate finding names after "Rejected by:", as the rule tests expect them.</summary>
internal static class RejectedBy
{
    public const string All = "rustls (guest), openssl (guest), go (node containerd)";
    public const string RustlsAndOpenSsl = "rustls (guest), openssl (guest)";
    public const string RustlsAndGo = "rustls (guest), go (node containerd)";
    public const string OpenSslAndGo = "openssl (guest), go (node containerd)";
    public const string Rustls = "rustls (guest)";
    public const string OpenSsl = "openssl (guest)";
    public const string Go = "go (node containerd)";

    /// <summary>A warning no stack acts on.</summary>
    public const string Advisory = "no stack (advisory)";
}
