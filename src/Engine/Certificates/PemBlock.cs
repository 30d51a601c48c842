namespace Coco.InitData.Certificates;

/// <summary>One <c>-----BEGIN label-----</c> ... <c>-----END label-----</c> block of a PEM file.</summary>
/// <param name="Label">The label, for example <c>CERTIFICATE</c> or <c>PRIVATE KEY</c>.</param>
/// <param name="Line">1-based line of the BEGIN line.</param>
/// <param name="Body">The base64 text between the markers, lines joined without separators.</param>
/// <param name="HasHeaders">True when the block carries RFC 1421 headers (<c>Proc-Type:</c> ...), as encrypted legacy keys do.</param>
internal sealed record PemBlock(string Label, int Line, string Body, bool HasHeaders)
{
    /// <summary>True for any kind of private key block, encrypted or not.</summary>
    public bool IsPrivateKey => Label.Contains("PRIVATE KEY", StringComparison.Ordinal);
}
