using System.Text;
using System.Text.Json;
using Coco.InitData.Containers;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Containers;

/// <summary>
/// The pin edit over the manifest shapes annotate handles: every image that names the pushed repository, in containers
/// and init containers of every pod template, becomes repository@digest; everything else stays byte for byte. Each
/// output is read back by Python (PyYAML, or json for JSON as kubectl reads it), not by our own reader.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ImagePinnerTests
{
    private const string Repository = "registry.example.internal:5000/shop/web";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Pinned = Repository + "@" + Digest;

    private static readonly PushedImage Image = new(Repository, Digest);

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              annotations:
                io.katacontainers.config.hypervisor.cc_init_data: H4sIAAAA
            spec:
              initContainers:
              - name: migrate
                image: registry.example.internal:5000/shop/web:1.2   # same image, another command
              containers:
              - name: web
                image: registry.example.internal:5000/shop/web:1.2
              - name: admin
                image: registry.example.internal:5000/shop/web-admin:1.2
              - name: proxy
                image: nginx:1.27
        """;

    [SkippableFact]
    public void Every_container_and_init_container_naming_the_repository_is_pinned_and_nothing_else_changes()
    {
        var (text, pinned) = Pin(Deployment);

        Assert.Equal(2, pinned);
        Assert.Equal(Deployment.Replace(Repository + ":1.2 ", Pinned + " ").Replace(Repository + ":1.2\n", Pinned + "\n"), text);
        Assert.Equal(new[] { Pinned, Pinned, Repository + "-admin:1.2", "nginx:1.27" }, Images(text));
    }

    [SkippableFact]
    public void The_tag_is_kept_before_the_digest_when_asked()
    {
        var (text, _) = Pin(Deployment, keepTag: true);

        Assert.Equal(Repository + ":1.2@" + Digest, Images(text)[1]);
    }

    [SkippableFact]
    public void An_image_already_pinned_to_another_digest_gets_the_new_one()
    {
        var old = Deployment.Replace(Repository + ":1.2\n", Repository + "@sha256:" + new string('f', 64) + "\n");

        var (text, pinned) = Pin(old);

        Assert.Equal(2, pinned);
        Assert.Equal(Pinned, Images(text)[1]);
    }

    [SkippableFact]
    public void A_cron_job_template_is_pinned()
    {
        const string cronJob = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: job
                        image: "registry.example.internal:5000/shop/web:nightly"
            """;

        var (text, pinned) = Pin(cronJob);

        Assert.Equal(1, pinned);
        Assert.Contains("image: \"" + Pinned + "\"", text, StringComparison.Ordinal);
        Assert.Equal(new[] { Pinned }, Images(text));
    }

    [SkippableFact]
    public void A_json_manifest_stays_json_that_python_json_reads()
    {
        const string json = "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"web\"},\n  \"spec\": {\n    \"containers\": [\n      {\"name\": \"web\", \"image\": \"registry.example.internal:5000/shop/web:1\"}\n    ]\n  }\n}\n";

        var (text, _) = Pin(json);

        Assert.Equal(json.Replace(Repository + ":1", Pinned), text);
        Assert.Equal(new[] { Pinned }, Images(text, asJson: true));
    }

    [SkippableFact]
    public void A_plain_image_in_a_flow_mapping_is_written_quoted()
    {
        const string flow = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: registry.example.internal:5000/shop/web:1}]}\n";

        var (text, _) = Pin(flow);

        Assert.Contains("image: \"" + Pinned + "\"}", text, StringComparison.Ordinal);
        Assert.Equal(new[] { Pinned }, Images(text));
    }

    [SkippableFact]
    public void Crlf_line_endings_and_a_byte_order_mark_stay()
    {
        var crlf = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Deployment.ReplaceLineEndings("\r\n"))).ToArray();

        var bag = new DiagnosticBag();
        var result = ImagePinner.Pin(crlf, "m.yaml", Image, keepTag: false, bag);

        Assert.NotNull(result);
        var text = Encoding.UTF8.GetString(result.Value.Content.AsSpan(3));
        Assert.Equal(Encoding.UTF8.GetPreamble(), result.Value.Content[..3]);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(new[] { Pinned, Pinned, Repository + "-admin:1.2", "nginx:1.27" }, Images(text));
    }

    [SkippableFact]
    public void Several_documents_keep_the_annotation_and_a_manifest_naming_other_images_is_left_as_it_was()
    {
        var other = Deployment.Replace(Repository, "registry.example.internal:5000/shop/other");
        var text = other + "\n---\n" + Deployment;

        var (pinnedText, pinned) = Pin(text);

        Assert.Equal(2, pinned);
        Assert.StartsWith(other + "\n---\n", pinnedText, StringComparison.Ordinal);
        var read = PythonRead(pinnedText, asJson: false);
        Assert.All(read.GetProperty("annotations").EnumerateArray(), a => Assert.Equal("H4sIAAAA", a.GetString()));
    }

    [Fact]
    public void An_image_shared_through_an_anchor_is_refused_with_CID1055()
    {
        const string shared = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  initContainers:\n  - {name: a, image: &img registry.example.internal:5000/shop/web:1}\n  containers:\n  - {name: b, image: *img}\n";

        var bag = new DiagnosticBag();
        var result = ImagePinner.Pin(Encoding.UTF8.GetBytes(shared), "m.yaml", Image, keepTag: false, bag);

        Assert.Null(result);
        Assert.Contains(bag.Items, d => d.Code == "CID1055" && d.Location.Line == 6);
    }

    [Theory]
    [InlineData("registry.example.internal:5000/shop/web", "registry.example.internal:5000/shop/web", true)]
    [InlineData("registry.example.internal:5000/shop/web:1@sha256:0123456789abcdef0123456789abcdef", "registry.example.internal:5000/shop/web", true)]
    [InlineData("registry.example.internal:5000/shop/web-admin:1", "registry.example.internal:5000/shop/web", false)]
    [InlineData("registry.example.internal:5000/shop/web/x:1", "registry.example.internal:5000/shop/web", false)]
    [InlineData("nginx", "docker.io/library/nginx", true)]
    [InlineData("index.docker.io/library/nginx:1", "docker.io/library/nginx", true)]
    [InlineData("localhost/app:1", "localhost/app", true)]
    [InlineData("team/app:1", "docker.io/team/app", true)]
    public void A_reference_names_a_repository_as_the_distribution_grammar_normalises_it(string reference, string repository, bool names)
    {
        // github.com/distribution/reference v0.6.0 normalize.go: the first component is a registry when it has '.' or ':' or is localhost.
        Assert.Equal(names, ImageReference.Parse(reference)!.Names(repository));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Registry.example/UPPER:1")]
    [InlineData("registry.example/app:bad tag")]
    [InlineData("registry.example/app@sha256:short")]
    public void Text_that_is_not_a_reference_is_not_one(string text) => Assert.Null(ImageReference.Parse(text));

    [Theory]
    [InlineData("registry.example/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF")]
    [InlineData("registry.example/app:1")]
    [InlineData("registry.example/app@sha512:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void A_pushed_image_needs_a_lower_case_sha256_digest(string text) => Assert.Null(PushedImage.Parse(text, out _));

    private static (string Text, int Pinned) Pin(string text, bool keepTag = false)
    {
        var bag = new DiagnosticBag();
        var result = ImagePinner.Pin(Encoding.UTF8.GetBytes(text), "m.yaml", Image, keepTag, bag);
        Assert.True(result is not null, string.Join("\n", bag.Items.Select(d => d.ToCanonicalString())));
        return (Encoding.UTF8.GetString(result.Value.Content), result.Value.Pinned);
    }

    private static string?[] Images(string text, bool asJson = false) =>
        PythonRead(text, asJson).GetProperty("images").EnumerateArray().Select(e => e.GetString()).ToArray();

    private static JsonElement PythonRead(string text, bool asJson)
    {
        Skip.If(PythonOracle.SkipReason is not null, PythonOracle.SkipReason);
        using var directory = new TempDirectory("cid-pin");
        var file = directory.Write("m.yaml", text);
        return asJson
            ? PythonOracle.Run("pod_images.py", "io.katacontainers.config.hypervisor.cc_init_data", "--json", file)
            : PythonOracle.Run("pod_images.py", "io.katacontainers.config.hypervisor.cc_init_data", file);
    }
}
