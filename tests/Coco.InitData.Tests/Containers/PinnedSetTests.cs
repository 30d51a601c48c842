using System.Text;
using System.Text.Json;
using Coco.InitData.Artifacts;
using Coco.InitData.Containers;
using Coco.InitData.Deployment;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Containers;

/// <summary>
/// The pinned copy of a generated set: manifests pinned, the Kustomize Component's images: entry, initdata.json's image,
/// written beside the publish copies and dated before their sources so the next publish puts the unpinned ones back.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PinnedSetTests
{
    private const string Repository = "registry.example.internal:5000/shop/web";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly PushedImage Image = new(Repository, Digest);

    [SkippableFact]
    public void The_manifests_the_component_and_initdata_json_name_the_pushed_digest()
    {
        Skip.If(PythonOracle.SkipReason is not null, PythonOracle.SkipReason);
        using var directory = new TempDirectory("cid-pinset");
        var set = WriteSet(directory);
        var publish = Path.Combine(directory.Path, "publish", "initdata");

        var bag = new DiagnosticBag();
        var pinned = PinnedSet.Build(set, Image, keepTag: false, bag);
        Assert.NotNull(pinned);
        Assert.Equal(1, pinned.Value.Pinned);
        var written = PinnedSet.Write(publish, set, pinned.Value.Files, bag);

        Assert.Empty(bag.Items);
        Assert.Equal(3, written!.Count);
        Assert.Contains("image: " + Repository + "@" + Digest + "\n", File.ReadAllText(Path.Combine(publish, "k8s", "app.yaml")), StringComparison.Ordinal);
        var component = PythonOracle.Text("yaml_to_json.py", Path.Combine(publish, "kustomize", "kustomization.yaml"));
        using (var parsed = JsonDocument.Parse(component))
        {
            var entry = Assert.Single(parsed.RootElement.GetProperty("images").EnumerateArray());
            Assert.Equal(Repository, entry.GetProperty("name").GetString());
            Assert.Equal(Digest, entry.GetProperty("digest").GetString());
            Assert.Equal(3, parsed.RootElement.GetProperty("patches").GetArrayLength());
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(publish, "initdata.json")));
        Assert.Equal(Repository + "@" + Digest, json.RootElement.GetProperty("image").GetProperty("reference").GetString());
        Assert.Equal("sha256", json.RootElement.GetProperty("algorithm").GetString());
        foreach (var path in written)
        {
            var source = Path.Combine(set, Path.GetRelativePath(publish, path));
            Assert.True(File.GetLastWriteTimeUtc(path) < File.GetLastWriteTimeUtc(source), path + " is not older than its source");
        }
    }

    [Fact]
    public void Pinning_again_replaces_the_component_entry_and_the_json_image()
    {
        var other = new PushedImage(Repository, "sha256:" + new string('a', 64));
        var component = PushedImageRecord.AddToKustomizeComponent(PushedImageRecord.AddToKustomizeComponent(KustomizeComponent.Render("k", "v", "d", null), other), Image);
        var json = PushedImageRecord.AddToManifestJson(PushedImageRecord.AddToManifestJson(Encoding.UTF8.GetBytes("{\"a\": 1}"), other), Image);

        var text = Encoding.UTF8.GetString(component);
        Assert.Equal(1, text.Split("\nimages:\n").Length - 1);
        Assert.EndsWith("  digest: \"" + Digest + "\"\n", text, StringComparison.Ordinal);
        Assert.Equal("{\n  \"a\": 1,\n  \"image\": {\n    \"repository\": \"" + Repository + "\",\n    \"digest\": \"" + Digest + "\",\n    \"reference\": \"" + Repository + "@" + Digest + "\"\n  }\n}\n", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void A_folder_without_a_generated_set_pins_nothing_and_says_so()
    {
        using var directory = new TempDirectory("cid-pinset");

        var bag = new DiagnosticBag();
        var pinned = PinnedSet.Build(directory.Path, Image, keepTag: false, bag);

        Assert.Empty(pinned!.Value.Files);
        Assert.Equal("CID1056", Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void Manifests_that_name_other_images_are_warned_with_CID1054()
    {
        using var directory = new TempDirectory("cid-pinset");
        var set = WriteSet(directory, image: "registry.example.internal:5000/shop/other:1");

        var bag = new DiagnosticBag();
        var pinned = PinnedSet.Build(set, Image, keepTag: false, bag);

        Assert.Equal(0, pinned!.Value.Pinned);
        Assert.Equal("CID1054", Assert.Single(bag.Items).Code);
    }

    // A set as generation writes it: through the writer, so its list names the files.
    private static string WriteSet(TempDirectory directory, string image = Repository + ":1.0")
    {
        var set = Path.Combine(directory.Path, "bin", "initdata");
        var manifest = $"apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    k: v\nspec:\n  containers:\n  - name: web\n    image: {image}\n";
        var files = new[]
        {
            new ArtifactFile("k8s/app.yaml", Encoding.UTF8.GetBytes(manifest)),
            new ArtifactFile(KustomizeComponent.RelativePath, KustomizeComponent.Render("k", "v", "sha256:00", null)),
            new ArtifactFile("initdata.json", Encoding.UTF8.GetBytes("{\n  \"algorithm\": \"sha256\"\n}\n")),
            new ArtifactFile("initdata.toml", Encoding.UTF8.GetBytes("version = \"0.1.0\"\n")),
        };
        var bag = new DiagnosticBag();
        Assert.NotNull(ArtifactWriter.Write(set, files, bag));
        return set;
    }
}
