using System.Text;
using Coco.InitData.Manifests;

namespace Coco.InitData.Tests.Manifests;

/// <summary>
/// Shapes real manifests have that annotate used to refuse, mangle or blame on itself (CID3069): JSON, null
/// metadata and annotations (Helm renders them; Kubernetes, kubectl and genpolicy read null as absent), comments
/// over the first annotation (two Kata CI manifests), empty or tagged old values, explicit '? key' entries.
/// Every output is read back by Python (json for JSON, PyYAML otherwise), not by our own reader.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class AnnotatorShapeTests
{
    private const string Key = ManifestOracle.Key;
    private const string Value = ManifestOracle.Value;

    public static TheoryData<string, string> JsonManifests => new()
    {
        { "pretty Deployment", "{\n  \"apiVersion\": \"apps/v1\",\n  \"kind\": \"Deployment\",\n  \"metadata\": {\n    \"name\": \"web\"\n  },\n  \"spec\": {\n    \"template\": {\n      \"metadata\": {\n        \"labels\": {\n          \"app\": \"web\"\n        }\n      },\n      \"spec\": {\n        \"containers\": []\n      }\n    }\n  }\n}\n" },
        { "minified Pod", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\"},\"spec\":{\"containers\":[]}}" },
        { "Pod without metadata", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"spec\": {\"containers\": []}}\n" },
        { "template without metadata", "{\"apiVersion\": \"batch/v1\", \"kind\": \"Job\", \"metadata\": {\"name\": \"web\"}, \"spec\": {\"template\": {\"spec\": {\"containers\": []}}}}\n" },
        { "empty annotations", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\", \"annotations\": {}}}\n" },
        { "other annotations", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\", \"annotations\": {\"a\": \"b\"}}}\n" },
        { "old value", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\", \"annotations\": {\"" + Key + "\": \"H4sIold\"}}}\n" },
        { "null annotations", "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"web\", \"annotations\": null}}\n" },
        { "null template metadata", "{\"apiVersion\": \"apps/v1\", \"kind\": \"DaemonSet\", \"metadata\": {\"name\": \"web\"}, \"spec\": {\"template\": {\"metadata\": null, \"spec\": {}}}}\n" },
        { "List", "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [{\"apiVersion\": \"v1\", \"kind\": \"ReplicationController\", \"metadata\": {\"name\": \"web\"}, \"spec\": {\"template\": {\"metadata\": {\"labels\": {\"a\": \"b\"}}, \"spec\": {}}}}]}\n" },
    };

    [SkippableTheory]
    [MemberData(nameof(JsonManifests))]
    public void A_json_manifest_stays_json_that_python_json_reads(string shape, string text)
    {
        var annotated = ManifestOracle.Annotated(text);

        var read = Assert.Single(ManifestOracle.Read(annotated, asJson: true));
        Assert.True(Value == read.Annotation, shape + ":\n" + annotated);
    }

    public static TheoryData<string, string> NullMetadata => new()
    {
        { "empty annotations", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n  labels:\n    app: p\nspec: {}\n" },
        { "annotations ~", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: ~\n  labels:\n    app: p\nspec: {}\n" },
        { "annotations null at the end", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: null" },
        { "annotations with only a comment", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: # none yet\n  labels: {app: p}\n" },
        { "empty template metadata", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n    spec:\n      containers: []\n" },
        { "template metadata Null", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: d\nspec:\n  template:\n    metadata: Null\n    spec:\n      containers: []\n" },
        { "empty metadata of a Pod in a List", "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n  spec: {}\n" },
        { "null annotations in flow", "apiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: null}\n" },
    };

    [SkippableTheory]
    [MemberData(nameof(NullMetadata))]
    public void Null_metadata_or_annotations_are_filled_in_place(string shape, string text)
    {
        var annotated = ManifestOracle.Annotated(text);

        var read = Assert.Single(ManifestOracle.Read(annotated));
        Assert.True(Value == read.Annotation, shape + ":\n" + annotated);
        foreach (var line in text.Split('\n').Where(l => !l.Contains("null", StringComparison.Ordinal) && !l.Contains("Null", StringComparison.Ordinal) && !l.Contains('~') && !l.Contains('{')))
        {
            Assert.Contains(line, annotated, StringComparison.Ordinal); // nothing else changed
        }
    }

    [SkippableFact]
    public void An_empty_annotations_key_gets_its_entry_on_the_next_line_and_nothing_else_moves()
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n  labels:\n    app: p\n";

        Assert.Equal("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    " + Key + ": " + Value + "\n  labels:\n    app: p\n", ManifestOracle.Annotated(text));
    }

    [SkippableFact]
    public void The_new_annotation_goes_above_the_comments_that_describe_the_first_key()
    {
        // The shape of Kata's nvidia-nim-*-tee.yaml.in: comments over the first annotation.
        var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nim\n  annotations:\n    # Start CDH process\n    # aa_kbc_params tells the Attestation Agent where KBS is\n    io.katacontainers.config.hypervisor.kernel_params: \"agent.aa_kbc_params=cc_kbc::http://kbs\"\n    # the other one\n    x: y\nspec: {}\n";

        var annotated = ManifestOracle.Annotated(text);

        Assert.Equal(text.Replace("  annotations:\n", "  annotations:\n    " + Key + ": " + Value + "\n", StringComparison.Ordinal), annotated);
    }

    [SkippableFact]
    public void A_new_metadata_goes_above_the_comment_over_the_template_spec()
    {
        var text = "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    # the pod\n    spec:\n      containers: []\n";

        var annotated = ManifestOracle.Annotated(text);

        Assert.Equal(text.Replace("  template:\n", "  template:\n    metadata:\n      annotations:\n        " + Key + ": " + Value + "\n", StringComparison.Ordinal), annotated);
    }

    public static TheoryData<string, string> OddOldValues => new()
    {
        { "empty old value", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ":\n    other: x\n" },
        { "empty old value at the end of the file", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ":" },
        { "comment-only old value", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ": # filled in by CI\n    other: x\n" },
        { "!!str-only old value", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ": !!str\n    other: x\n" },
        { "!!binary old value", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ": !!binary H4sIAAAAAAAA/wMAAAAAAAAAAAA=\n" },
        { "quoted empty old value", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ": ''\n" },
        { "block scalar old value", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    " + Key + ": |\n      H4sIold\n    other: x\n" },
        { "explicit first key", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    ? other\n    : x\n" },
        { "explicit old key", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    ? " + Key + "\n    : H4sIold\n" },
        { "explicit old key without a value", "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    ? " + Key + "\n    other: x\n" },
        { "explicit metadata key", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    ? spec\n    : {containers: []}\n" },
    };

    [SkippableTheory]
    [MemberData(nameof(OddOldValues))]
    public void Odd_but_valid_old_values_and_keys_are_annotated_not_blamed_on_the_self_check(string shape, string text)
    {
        var (result, findings) = ManifestOracle.Annotate(text);

        Assert.True(result is not null, shape + ": " + string.Join("\n", findings.Items.Select(d => d.ToCanonicalString())));
        var annotated = Encoding.UTF8.GetString(result.Content);
        var read = Assert.Single(ManifestOracle.Read(annotated));
        Assert.True(Value == read.Annotation, shape + ":\n" + annotated);
        Assert.DoesNotContain("!!", annotated, StringComparison.Ordinal);
        Assert.Equal(1, annotated.Split(Key).Length - 1);
    }

    [SkippableFact]
    public void An_output_over_the_limit_every_reader_has_is_refused_for_that_reason_not_as_a_bug()
    {
        var head = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    big: ";
        var text = head + new string('x', ManifestLimits.MaxCharacters - head.Length - 1) + "\n";

        var (result, findings) = ManifestOracle.Annotate(text);

        Assert.Null(result);
        var error = Assert.Single(findings.Items);
        Assert.Equal("CID3059", error.Code);
        Assert.Contains("split the manifest", error.Message, StringComparison.Ordinal);
    }
}
