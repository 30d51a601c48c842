using System.Security.Cryptography.X509Certificates;

namespace Coco.InitData.Tool.Probing;

/// <summary>What a probe saw on the wire: the served chain (leaf first), the protocol, and the answer to GET /v2/.</summary>
internal sealed class ProbeResult
{
    public List<X509Certificate2> ServedChain { get; } = new();

    public string? Protocol { get; set; }

    public int? V2Status { get; set; }

    public TimeSpan ConnectTime { get; set; }
}
