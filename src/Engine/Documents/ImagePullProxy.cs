namespace Coco.InitData.Documents;

/// <summary>cdh.toml <c>[image.image_pull_proxy]</c> (the table form of guest-components v0.14 and later).</summary>
/// <param name="HttpsProxy">Proxy for https pulls.</param>
/// <param name="HttpProxy">Proxy for http pulls.</param>
/// <param name="NoProxy">Hosts that bypass the proxy.</param>
internal sealed record ImagePullProxy(string? HttpsProxy, string? HttpProxy, string? NoProxy);
