namespace Coco.InitData.Node;

/// <summary>One endpoint containerd may pull from: the registry itself (<c>server</c>) or a mirror (<c>[host."..."]</c>).</summary>
/// <param name="Url">scheme://host[:port], plus <c>/v2/namespace</c> when the endpoint serves a namespace.</param>
/// <param name="OverridePath">True when <paramref name="Url"/> carries the API path (a namespaced endpoint).</param>
/// <param name="UseCa">True when the endpoint is HTTPS and <c>ca.crt</c> holds the CAs to trust.</param>
internal sealed record ContainerdHostEntry(string Url, bool OverridePath, bool UseCa);
