using System.CommandLine;
using Coco.InitData.Diagnostics;
using Coco.InitData.Settings;
using Coco.InitData.Specification;

namespace Coco.InitData.Tool.Options;

/// <summary>
/// The options of <c>generate</c> without a project: the same declarations as the MSBuild items and
/// properties, named as options. Relative paths are resolved against the current folder.
/// </summary>
internal sealed class SpecificationOptions
{
    private readonly Option<string[]> _registry = Many("--registry", "A registry reached over HTTPS: NAME or NAME=CAFILE[;CAFILE...] (its CA certificates, embedded as extra roots).");
    private readonly Option<string[]> _insecureRegistry = Many("--insecure-registry", "A registry reached over plain HTTP.");
    private readonly Option<string[]> _blockedRegistry = Many("--blocked-registry", "A registry prefix whose pulls are refused.");
    private readonly Option<string[]> _mirror = Many("--mirror", "A mirror tried before its registry: MIRROR=REGISTRY (the registry must be declared too).");
    private readonly Option<string[]> _ca = Many("--ca", "An extra trust anchor not tied to one registry (PEM file).");

    // One option per row of the engine's setting catalog, with its help and default.
    private readonly IReadOnlyList<(SettingDefinition Setting, Option<string?> Option)> _settings = SettingCatalog.All
        .Select(setting => (setting, new Option<string?>(setting.Option) { Description = setting.HelpWithDefault }))
        .ToList();

    /// <summary>Adds every option to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _registry, _insecureRegistry, _blockedRegistry, _mirror, _ca }.Concat(_settings.Select(s => s.Option)))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when any declaration was given: generate then needs no project.</summary>
    public bool AnyGiven(ParseResult parse) =>
        new[] { _registry, _insecureRegistry, _blockedRegistry, _mirror, _ca }.Any(o => parse.GetValue(o) is { Length: > 0 })
        || _settings.Any(s => parse.GetValue(s.Option) is not null);

    /// <summary>The specification the options declare.</summary>
    public InitDataSpecification Build(ParseResult parse, string baseDirectory)
    {
        var here = SourceLocation.None;
        var registries = new List<RegistryDeclaration>();
        foreach (var value in parse.GetValue(_registry) ?? Array.Empty<string>())
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            registries.Add(new RegistryDeclaration
            {
                Name = equals < 0 ? value : value[..equals],
                CertificateAuthority = equals < 0 ? null : value[(equals + 1)..],
                DeclaredAt = here,
                BaseDirectory = baseDirectory,
            });
        }

        registries.AddRange((parse.GetValue(_insecureRegistry) ?? Array.Empty<string>()).Select(n => new RegistryDeclaration { Name = n, Insecure = "true", DeclaredAt = here, BaseDirectory = baseDirectory }));
        registries.AddRange((parse.GetValue(_blockedRegistry) ?? Array.Empty<string>()).Select(n => new RegistryDeclaration { Name = n, Blocked = "true", DeclaredAt = here, BaseDirectory = baseDirectory }));
        var mirrors = (parse.GetValue(_mirror) ?? Array.Empty<string>()).Select(value =>
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            return new MirrorDeclaration { Location = equals < 0 ? value : value[..equals], Registry = equals < 0 ? null : value[(equals + 1)..], DeclaredAt = here };
        }).ToList();
        var certificates = (parse.GetValue(_ca) ?? Array.Empty<string>())
            .Select(path => new CertificateDeclaration { Path = path, DeclaredAt = here, BaseDirectory = baseDirectory }).ToList();

        var settings = _settings
            .Select(s => (s.Setting, Value: parse.GetValue(s.Option)))
            .Where(x => x.Value is not null)
            .ToDictionary(x => x.Setting, x => new SettingValue(x.Setting.Option, x.Value!, here));

        return new InitDataSpecification
        {
            BaseDirectory = baseDirectory,
            Registries = registries,
            Mirrors = mirrors,
            Certificates = certificates,
            Settings = settings,
            Style = DeclarationStyle.CommandLine,
        };
    }

    private static Option<string[]> Many(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.OneOrMore };
}
