using System.Text;
using Coco.InitData.Diagnostics;
using Coco.InitData.Manifests;

namespace Coco.InitData.Tool.Tests;

/// <summary>The engine's injection in process: the layout details a process test would hide.</summary>
public sealed class ManifestAnnotatorTests
{
    private const string Key = "io.katacontainers.config.hypervisor.cc_init_data";
    private const string Value = "H4sIAAAAAAAC/wMAAAAAAAAAAAA=";

    [Fact]
    public void CRLF_line_endings_and_the_BOM_are_preserved()
    {
        var text = "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec: {}\r\n";
        var input = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(text)).ToArray();

        var result = ManifestAnnotator.Annotate(input, "p.yaml", Key, Value, new DiagnosticBag());

        Assert.NotNull(result);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, result.Content[..3]);
        var output = Encoding.UTF8.GetString(result.Content[3..]);
        Assert.Equal("apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  annotations:\r\n    " + Key + ": " + Value + "\r\n  name: p\r\nspec: {}\r\n", output);
    }

    [Fact]
    public void A_list_kind_has_each_item_annotated()
    {
        var text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\n- apiVersion: batch/v1\n  kind: Job\n  metadata:\n    name: b\n  spec:\n    template:\n      spec: {}\n";

        var result = ManifestAnnotator.Annotate(Encoding.UTF8.GetBytes(text), "l.yaml", Key, Value, new DiagnosticBag());

        Assert.NotNull(result);
        Assert.Equal(2, result.PodTemplates);
        var found = ManifestAnnotationReader.Find(result.Content, "l.yaml", new[] { Key }, new DiagnosticBag());
        Assert.Equal(2, found!.Count);
    }

    [Fact]
    public void A_workload_without_a_template_warns_and_the_rest_is_annotated()
    {
        var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: 1\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n";
        var diagnostics = new DiagnosticBag();

        var result = ManifestAnnotator.Annotate(Encoding.UTF8.GetBytes(text), "d.yaml", Key, Value, diagnostics);

        Assert.NotNull(result);
        Assert.Equal(1, result.PodTemplates);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal("CID3053", warning.Code);
        Assert.Equal(new SourceLocation("d.yaml", 1, 1), warning.Location);
    }

    [Fact]
    public void Metadata_that_is_not_a_mapping_is_an_error_at_its_line()
    {
        var text = "apiVersion: v1\nkind: Pod\nmetadata: [a, b]\n";
        var diagnostics = new DiagnosticBag();

        var result = ManifestAnnotator.Annotate(Encoding.UTF8.GetBytes(text), "m.yaml", Key, Value, diagnostics);

        Assert.Null(result);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("CID3055", error.Code);
        Assert.Equal(3, error.Location.Line);
    }
}
