namespace Coco.InitData.Documents;

/// <summary>One <c>[[image.registry_config.registry]]</c> rule (containers-registries.conf v2 subset that image-rs reads).</summary>
/// <param name="Prefix">The reference prefix the rule matches.</param>
/// <param name="Location">Where to pull from; always written, because image-rs ignores <c>insecure</c> when it is empty.</param>
/// <param name="Insecure">Plain HTTP to <paramref name="Location"/>.</param>
/// <param name="Blocked">Refuse pulls matching the prefix.</param>
/// <param name="Mirrors">Mirrors tried before the location, in order.</param>
internal sealed record RegistryRule(string Prefix, string Location, bool Insecure, bool Blocked, IReadOnlyList<RegistryMirror> Mirrors);

/// <summary>One <c>[[image.registry_config.registry.mirror]]</c> entry.</summary>
/// <param name="Location">The mirror's <c>host[:port][/namespace]</c>.</param>
/// <param name="Insecure">Plain HTTP to the mirror.</param>
internal sealed record RegistryMirror(string Location, bool Insecure);
