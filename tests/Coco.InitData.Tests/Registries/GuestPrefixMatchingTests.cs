using Coco.InitData.Diagnostics;
using Coco.InitData.Registries;

namespace Coco.InitData.Tests.Registries;

/// <summary>
/// The guest's rule selection as image-rs does it (guest-components v0.21.0,
/// image-rs/src/registry/mod.rs: match_reference_prefix uses `reference.find(prefix)`, then the boundary
/// character ':' '/' '@' or the end; handle_registry_tasks keeps `max_by_key(matched_len)` where matched_len is
/// where the match ends, and max_by_key returns the last of equal maxima).
/// </summary>
public sealed class GuestPrefixMatchingTests
{
    [Theory]
    [InlineData("quay.io/x:1", "quay.io", 0, 7)]
    [InlineData("ghcr.io/quay.io/x:1", "quay.io", 8, 15)]
    [InlineData("myquay.io/x:1", "quay.io", 2, 9)]
    [InlineData("quay.io:443/x:1", "quay.io", 0, 7)]
    [InlineData("a.b.untrusted.example/x:1", "*.untrusted.example", 3, 21)]
    [InlineData("docker.io/library/nginx:latest", "docker.io/library", 0, 17)]
    [InlineData("docker.io/library/nginx@sha256:00", "docker.io/library/nginx", 0, 23)]
    public void A_prefix_matches_at_its_first_occurrence_anywhere_when_a_boundary_follows(string reference, string prefix, int start, int end)
    {
        Assert.Equal((start, end), GuestPrefixMatcher.Match(reference, prefix));
    }

    [Theory]
    [InlineData("quay.io.example/x:1", "quay.io")]
    [InlineData("docker.io/library-extra/x:1", "docker.io/library")]
    [InlineData("registry.example/a.b.untrusted.example/x:1", "*.untrusted.example")]
    [InlineData("untrusted.example/x:1", "*.untrusted.example")]
    // Only the first occurrence counts: "quay.iox" hides the later "quay.io/".
    [InlineData("quay.iox/quay.io/x:1", "quay.io")]
    public void A_prefix_does_not_match_without_a_boundary_or_past_a_slash_for_a_wildcard(string reference, string prefix)
    {
        Assert.Null(GuestPrefixMatcher.Match(reference, prefix));
    }

    [Fact]
    public void The_match_that_ends_last_wins_not_the_longest_prefix_so_a_quay_block_beats_a_ghcr_remap()
    {
        var prefixes = new[] { "ghcr.io", "quay.io" };

        Assert.Equal(1, GuestPrefixMatcher.Select("ghcr.io/quay.io/x:1", prefixes));
        Assert.Equal(0, GuestPrefixMatcher.Select("ghcr.io/team/x:1", prefixes));
        Assert.Null(GuestPrefixMatcher.Select("docker.io/library/x:1", prefixes));
    }

    [Fact]
    public void On_a_tie_the_later_declared_rule_wins()
    {
        Assert.Equal(1, GuestPrefixMatcher.Select("registry.internal/quay.io/x:1", new[] { "registry.internal/quay.io", "quay.io" }));
        Assert.Equal(1, GuestPrefixMatcher.Select("registry.internal/quay.io/x:1", new[] { "quay.io", "registry.internal/quay.io" }));
    }

    [Fact]
    public void A_rule_whose_prefix_occurs_inside_another_registrys_name_warns_at_that_registry()
    {
        using var spec = new RegistrySpec()
            .Registry("quay.io", 10, blocked: "true")
            .Registry("registry.internal/quay.io", 11)
            .Registry("myquay.io:5000", 12);

        var warnings = spec.Generate().Diagnostics.Where(d => d.Code == "CID1042").ToList();

        Assert.Equal(new[] { RegistrySpec.Line(11), RegistrySpec.Line(12) }, warnings.Select(w => w.Location));
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.Contains("'quay.io'", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("blocks them", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("anywhere in an image reference", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_with_its_own_rule_declared_later_keeps_it_and_does_not_warn()
    {
        using var spec = new RegistrySpec()
            .Registry("quay.io", 10, blocked: "true")
            .Registry("registry.internal/quay.io", 11, location: "registry.internal/quay.io");

        Assert.DoesNotContain(spec.Generate().Diagnostics, d => d.Code == "CID1042");
    }

    [Fact]
    public void Ordinary_prefixes_at_the_start_and_wildcards_do_not_warn()
    {
        using var spec = new RegistrySpec()
            .Registry("registry.example.internal:5000", 10, insecure: "true")
            .Registry("registry.example.internal:5000/team", 11, insecure: "true")
            .Registry("docker.io", 12)
            .Registry("docker.io/library", 13, location: "registry.example.internal:5000/library")
            .Registry("*.untrusted.example", 14, blocked: "true")
            .Registry("registry.untrusted.example", 15);

        Assert.DoesNotContain(spec.Generate().Diagnostics, d => d.Code == "CID1042");
    }
}
