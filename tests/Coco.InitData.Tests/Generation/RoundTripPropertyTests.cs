using Coco.InitData.Generation;
using Coco.InitData.Registries;
using Coco.InitData.Specification;
using FsCheck;
using FsCheck.Fluent;
using Tomlyn.Model;

namespace Coco.InitData.Tests.Generation;

/// <summary>Whatever the validators accept reaches the guest unchanged: no accepted input can alter the document's structure.</summary>
public sealed class RoundTripPropertyTests
{
    private static readonly string[] HostilePieces = { "a", "z", "0", "9", ".", "-", "_", ":", "/", "[", "]", "*", "\"", "'", "'''", "\\", "\n", " ", "=", "#", "@", "%", "é", "registry", "example", "5000", "::1" };

    [Fact]
    public void Any_registry_name_the_validator_accepts_round_trips_through_cdh_toml_unchanged()
    {
        using var dir = new TempDirectory();
        // Near-valid names with hostile pieces mixed in: most fail validation, enough pass to matter.
        var hosts = Gen.Elements("registry", "r-1.example", "10.0.0.5", "[fd00::1]", "*.example", "localhost", "a.b.c", "reg\"istry", "x'''y");
        var ports = Gen.Elements(string.Empty, string.Empty, ":5000", ":1", ":65535", ":0", ":x");
        var paths = Gen.ArrayOf(Gen.Elements("/team", "/a.b", "/a__b", "/ns-1", "/..", "/\"", "/'''", "/A", "/x y", "/\\"));
        var noise = Gen.Frequency((6, Gen.Constant(string.Empty)), (1, Gen.Elements(HostilePieces)));
        var names = hosts.SelectMany(h => ports, (h, p) => h + p)
            .SelectMany(hp => paths, (hp, ps) => hp + string.Concat(ps))
            .SelectMany(n => noise, (n, x) => n + x)
            .ToArbitrary();
        var accepted = 0;
        var tried = 0;

        Prop.ForAll(names, name =>
        {
            tried++;
            if (!RegistryName.TryParse(name, out _, out _))
            {
                return true;
            }

            accepted++;
            var spec = Specs.WithKbs(dir.Path, Specs.Registry(dir.Path, name, insecure: "true"));
            var result = InitDataGenerator.Generate(spec);
            if (result.HasErrors)
            {
                // A wildcard prefix cannot be insecure (CID1022): the guest needs a concrete location.
                return name.StartsWith("*.", StringComparison.Ordinal) && result.Diagnostics.All(d => d.Severity != Coco.InitData.Diagnostics.DiagnosticSeverity.Error || d.Code == "CID1022");
            }

            var rule = (TomlTable)((TomlTableArray)((TomlTable)Image(result)["registry_config"])["registry"])[0];
            return (string)rule["prefix"] == name && (string)rule["location"] == name && (bool)rule["insecure"];
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(2000));

        // The property is only worth something if the generator reaches valid names often enough.
        Assert.True(accepted >= 25, $"only {accepted} of {tried} generated names were valid");
    }

    [Fact]
    public void Any_uri_the_validator_accepts_round_trips_through_cdh_toml_unchanged()
    {
        using var dir = new TempDirectory();
        var uris = Gen.ArrayOf(Gen.Elements(HostilePieces)).Select(p => "kbs:///" + string.Concat(p)).ToArbitrary();

        Prop.ForAll(uris, uri =>
        {
            var spec = new InitDataSpecification
            {
                BaseDirectory = dir.Path,
                KbsUrl = Specs.Setting("InitDataKbsUrl", "http://kbs:8080"),
                RegistryCredentialsUri = Specs.Setting("InitDataRegistryCredentialsUri", uri),
                ImageSecurityPolicyUri = Specs.Setting("InitDataImageSecurityPolicyUri", uri),
            };
            var result = InitDataGenerator.Generate(spec);
            if (result.HasErrors)
            {
                return result.Artifacts is null;
            }

            var image = Image(result);
            return (string)image["authenticated_registry_credentials_uri"] == uri.Trim() && (string)image["image_security_policy_uri"] == uri.Trim();
        }).QuickCheckThrowOnFailure();
    }

    private static TomlTable Image(GenerationResult result)
    {
        var cdh = Tomlyn.TomlSerializer.Deserialize<TomlTable>(result.Artifacts!.Document.Data["cdh.toml"])!;
        return (TomlTable)cdh["image"];
    }
}
