using System.Diagnostics;
using System.Text;
using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;

namespace Coco.InitData.Tests.Manifests;

/// <summary>YAML that used to kill the process, hang, or come back spliced.</summary>
public sealed class HostileManifestTests
{
    private const string Key = "io.katacontainers.config.hypervisor.cc_init_data";
    private const string Value = "H4sIAAAAAAAC/wMAAAAAAAAAAAA=";

    [Fact]
    public void A_recursive_alias_is_CID3062_at_its_line_for_both_the_annotator_and_the_reader()
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec: &s [*s]\n";

        var annotate = Annotate(text, out var annotated);
        var read = Find(text, out var found);

        Assert.Null(annotated);
        Assert.Null(found);
        foreach (var bag in new[] { annotate, read })
        {
            var error = Assert.Single(bag.Items);
            Assert.Equal("CID3062", error.Code);
            Assert.Equal(5, error.Location.Line);
        }
    }

    [Theory]
    [InlineData(30_000)]
    [InlineData(500_000)]
    public void A_deep_flow_sequence_is_CID3060_instead_of_a_stack_overflow(int depth)
    {
        var text = "apiVersion: v1\nkind: Pod\nspec: " + new string('[', depth) + new string(']', depth) + "\n";

        var bag = Annotate(text, out var annotated);

        Assert.Null(annotated);
        Assert.Equal("CID3060", Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void Deep_block_mappings_are_CID3060_too()
    {
        var builder = new StringBuilder("apiVersion: v1\nkind: Pod\nspec:\n");
        for (var i = 0; i < ManifestLimits.MaxDepth + 5; i++)
        {
            builder.Append(new string(' ', 2 * (i + 1))).Append('k').Append(i).Append(":\n");
        }

        var bag = Annotate(builder + new string(' ', 2 * (ManifestLimits.MaxDepth + 6)) + "leaf: 1\n", out var annotated);

        Assert.Null(annotated);
        Assert.Equal("CID3060", Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void Billion_laughs_is_CID3061_within_a_second()
    {
        // 10 levels of 10 aliases: 10^10 nodes once expanded, 654 bytes on disk.
        var builder = new StringBuilder("apiVersion: v1\nkind: Pod\nmetadata:\n  name: lol\n  labels:\n    a0: &a0 [lol]\n");
        for (var i = 1; i <= 10; i++)
        {
            builder.Append($"    a{i}: &a{i} [").Append(string.Join(",", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        var watch = Stopwatch.StartNew();
        var bag = Find(builder.ToString(), out var found);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), watch.Elapsed.ToString());
        Assert.Null(found);
        Assert.Equal("CID3061", Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void Crlf_blank_lines_inside_a_flow_mapping_are_CID3050_with_a_line_not_an_exception()
    {
        var text = "apiVersion: v1\r\nkind: Pod\r\nmetadata: {\r\n\r\nname: c}\r\n";

        var bag = Annotate(text, out var annotated);

        Assert.Null(annotated);
        var error = Assert.Single(bag.Items);
        Assert.Equal("CID3050", error.Code);
        Assert.True(error.Location.Line >= 3, error.ToCanonicalString());
    }

    [Theory]
    [InlineData("a repeated key", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n", "CID3065", 5)]
    [InlineData("an existing annotation that is a sequence", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    " + Key + ":\n    - old\n", "CID3068", 7)]
    public void A_manifest_kubernetes_would_reject_is_its_one_finding_at_the_line_instead_of_an_edit(string what, string text, string code, int line)
    {
        var bag = Annotate(text, out var annotated);

        Assert.Null(annotated);
        var error = Assert.Single(bag.Items);
        Assert.True(error.Code == code && error.Location.Line == line, $"{what}: {error.ToCanonicalString()}");
    }

    [Fact]
    public void More_documents_than_the_limit_are_CID3063()
    {
        var text = string.Concat(Enumerable.Repeat("---\n", ManifestLimits.MaxDocuments + 1));

        var bag = Find(text, out var found);

        Assert.Null(found);
        Assert.Equal("CID3063", Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void Two_workloads_sharing_a_pod_template_through_an_alias_are_refused_with_CID3066()
    {
        var text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: a}\n  spec:\n    template: &t\n      metadata:\n        labels: {app: x}\n      spec: {}\n"
            + "- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: b}\n  spec:\n    template: *t\n";

        var bag = Annotate(text, out var annotated);

        Assert.Null(annotated);
        var errors = bag.Items.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(2, errors.Count); // one per workload that shares it
        Assert.All(errors, e => Assert.Equal("CID3066", e.Code));
        Assert.All(errors, e => Assert.Equal(8, e.Location.Line));
    }

    // Adding the annotation there would change every place the alias names, or replace what the merge brought in.
    [Theory]
    [InlineData("metadata shared through an alias, without annotations", "apiVersion: apps/v1\nkind: Deployment\nmetadata: &m {name: a}\nspec:\n  template:\n    metadata: *m\n    spec: {}\n", "CID3066")]
    [InlineData("a merge key in the pod template", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n    <<: {metadata: {labels: {app: x}}}\n    spec: {}\n", "CID3067")]
    public void A_pod_template_built_from_an_alias_or_a_merge_key_is_refused_rather_than_annotated(string what, string text, string code)
    {
        var bag = Annotate(text, out var annotated);

        Assert.Null(annotated);
        var error = Assert.Single(bag.Items, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(error.Code == code, $"{what}: {error.ToCanonicalString()}");
    }

    [Fact]
    public void The_recheck_refuses_a_spliced_output_and_accepts_a_correct_one()
    {
        // What the annotator used to write for a shared template: the new value spliced with itself.
        var spliced = "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ": " + Value + Value + "\n";
        var duplicated = "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ": " + Value + "\n  annotations:\n    " + Key + ": " + Value + "\n";
        var correct = "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ": " + Value + "\n";

        Assert.Contains("does not carry", ManifestAnnotator.Recheck(Encoding.UTF8.GetBytes(spliced), "p.yaml", Key, Value, 1, 1));
        Assert.Contains("repeats the key 'annotations'", ManifestAnnotator.Recheck(Encoding.UTF8.GetBytes(duplicated), "p.yaml", Key, Value, 1, 1));
        Assert.Null(ManifestAnnotator.Recheck(Encoding.UTF8.GetBytes(correct), "p.yaml", Key, Value, 1, 1));
        Assert.NotNull(ManifestAnnotator.Recheck(Encoding.UTF8.GetBytes(correct), "p.yaml", Key, Value, 2, 1));
    }

    [Fact]
    public void Annotating_20000_pods_is_linear()
    {
        static string Pods(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p{i}\nspec: {{}}\n"));

        Annotate(Pods(1_000), out _); // warm up
        var small = Stopwatch.StartNew();
        var bag = Annotate(Pods(2_500), out var few);
        small.Stop();
        var large = Stopwatch.StartNew();
        Annotate(Pods(20_000), out var many);
        large.Stop();

        Assert.False(bag.HasErrors);
        Assert.Equal(2_500, few!.PodTemplates);
        Assert.Equal(20_000, many!.PodTemplates);

        // 8 times the input: linear work takes about 8 times as long; the quadratic edit took 64 times (12 s -> 40 s for 2x).
        Assert.True(large.Elapsed < TimeSpan.FromSeconds(60), large.Elapsed.ToString());
        Assert.True(large.Elapsed.TotalMilliseconds < 25 * Math.Max(small.Elapsed.TotalMilliseconds, 50), $"{small.Elapsed} -> {large.Elapsed}");
    }

    private static DiagnosticBag Annotate(string text, out AnnotatedManifest? result)
    {
        var bag = new DiagnosticBag();
        result = ManifestAnnotator.Annotate(Encoding.UTF8.GetBytes(text), "m.yaml", Key, Value, bag);
        return bag;
    }

    private static DiagnosticBag Find(string text, out IReadOnlyList<FoundAnnotation>? found)
    {
        var bag = new DiagnosticBag();
        found = ManifestAnnotationReader.Find(Encoding.UTF8.GetBytes(text), "m.yaml", new[] { Key }, bag);
        return bag;
    }
}
