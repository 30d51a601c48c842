using Coco.InitData.Containers;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Containers;

/// <summary>
/// The push registry against the declared rules, matched as the guest matches prefixes, and the SDK's own view of it
/// (.NET SDK 10.0.1xx, Microsoft.NET.Build.Containers: RegistrySettings.IsInsecure, tested in RegistryTests.cs as a
/// ';'-separated list matched whole, ignoring case and white space; localhost never verified).
/// </summary>
public sealed class PushRegistryCheckTests
{
    private static readonly SourceLocation Project = new("app.csproj");

    [Fact]
    public void A_push_registry_no_rule_covers_is_warned_with_the_line_to_add()
    {
        var warning = TheWarning("CID1050", Check("registry.example.internal:5000", "", Rule("other.example.internal")));

        Assert.Contains("ContainerRegistry is 'registry.example.internal:5000'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("<InitDataRegistry Include=\"registry.example.internal:5000\"", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registry.example.internal:5000")]
    [InlineData("registry.example.internal:5000/shop")]
    [InlineData("*.example.internal")]
    public void A_rule_the_guest_would_apply_to_the_pushed_image_covers_it(string prefix) =>
        Assert.Empty(Check("registry.example.internal:5000", "", Rule(prefix)));

    [Fact]
    public void A_rule_for_another_namespace_does_not_cover_the_pushed_repository() =>
        TheWarning("CID1050", Check("registry.example.internal:5000", "", Rule("registry.example.internal:5000/other")));

    [Theory]
    [InlineData("localhost:5000", null, "localhost")]
    [InlineData("registry.example.internal:5000", " Registry.Example.Internal:5000 ;docker.io", "DOTNET_CONTAINER_INSECURE_REGISTRIES")]
    public void A_push_that_skips_the_certificate_check_of_a_registry_declared_with_a_ca_is_warned(string registry, string? insecure, string why)
    {
        var warning = TheWarning("CID1051", Check(registry, "", new DeclaredRegistry(registry, Insecure: false, HasCertificateAuthority: true), insecure));

        Assert.Contains(why, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_listed_by_a_longer_name_is_not_insecure_to_the_sdk()
    {
        // RegistryTests.IsRegistryInsecure: "public.ecr.aws2" does not list "public.ecr.aws" (full name match).
        Assert.Empty(Check("registry.example.internal", "", new DeclaredRegistry("registry.example.internal", false, true), "registry.example.internal2"));
    }

    [Fact]
    public void A_plain_http_registry_the_sdk_is_not_told_of_is_warned_with_the_variable_to_set()
    {
        var warning = TheWarning("CID1052", Check("registry.example.internal:5000", "", new DeclaredRegistry("registry.example.internal:5000", Insecure: true, HasCertificateAuthority: false), null));

        Assert.Contains("DOTNET_CONTAINER_INSECURE_REGISTRIES=registry.example.internal:5000", warning.Message, StringComparison.Ordinal);
        Assert.Empty(Check("registry.example.internal:5000", "", new DeclaredRegistry("registry.example.internal:5000", true, false), "registry.example.internal:5000"));
    }

    [Fact]
    public void A_self_hosted_base_registry_is_checked_and_a_public_one_is_not()
    {
        var warning = TheWarning("CID1050", Check("", "base.example.internal", Rule("registry.example.internal")));

        Assert.Contains("ContainerBaseRegistry is 'base.example.internal'", warning.Message, StringComparison.Ordinal);
        Assert.Empty(Check("", "mcr.microsoft.com", Rule("registry.example.internal")));
    }

    [Fact]
    public void A_local_daemon_publish_with_the_default_base_is_not_warned() => Assert.Empty(Check("", "mcr.microsoft.com"));

    /// <summary>The only finding, with <paramref name="code"/> (<see cref="Check"/> has made sure it is a warning).</summary>
    private static Diagnostic TheWarning(string code, IReadOnlyList<Diagnostic> findings)
    {
        var warning = Assert.Single(findings);
        Assert.Equal(code, warning.Code);
        return warning;
    }

    private static DeclaredRegistry Rule(string prefix) => new(prefix, Insecure: false, HasCertificateAuthority: true);

    private static IReadOnlyList<Diagnostic> Check(string push, string baseRegistry, DeclaredRegistry? rule = null, string? insecure = null)
    {
        var bag = new DiagnosticBag();
        PushRegistryCheck.Check(push, "shop/web", baseRegistry, rule is null ? Array.Empty<DeclaredRegistry>() : new[] { rule }, insecure, Project, bag);
        Assert.All(bag.Items, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        return bag.Items;
    }
}
