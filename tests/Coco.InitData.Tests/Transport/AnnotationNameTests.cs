using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Transport;

namespace Coco.InitData.Tests.Transport;

/// <summary>
/// The name the node's kata runtime reads, by version. kata-containers
/// src/runtime/virtcontainers/pkg/annotations/annotations.go: Initdata is "runtime.cc_init_data" in 3.8.0 and
/// 3.19.0, "hypervisor.cc_init_data" in 3.20.0; src/libs/kata-types/src/annotations (runtime-rs) has
/// "hypervisor.cc_init_data" in 3.19.0. 3.32.0 src/runtime/pkg/oci/utils.go addAnnotations refuses a hypervisor
/// annotation missing from enable_annotations; src/runtime/Makefile lists cc_init_data only in DEFENABLEANNOTATIONS_COCO.
/// </summary>
public sealed class AnnotationNameTests
{
    private static IReadOnlyList<Diagnostic> Generate(string name)
    {
        using var dir = new TempDirectory();
        var spec = Specs.WithKbs(dir.Path);
        spec = new Coco.InitData.Specification.InitDataSpecification
        {
            BaseDirectory = spec.BaseDirectory,
            KbsUrl = spec.KbsUrl,
            AnnotationName = Specs.Setting("InitDataAnnotationName", name, line: 7),
        };
        var result = InitDataGenerator.Generate(spec);
        Assert.NotNull(result.Artifacts);
        return result.Diagnostics;
    }

    [Fact]
    public void The_default_name_is_the_one_kata_3_20_and_runtime_rs_3_19_read_and_says_nothing()
    {
        Assert.Equal("io.katacontainers.config.hypervisor.cc_init_data", AnnotationKey.Default);
        Assert.Empty(Generate(AnnotationKey.Default));
    }

    [Fact]
    public void The_older_name_is_a_note_with_the_versions_and_enable_annotations()
    {
        var note = Assert.Single(Generate("io.katacontainers.config.runtime.cc_init_data"));

        Assert.Equal(("CID3027", DiagnosticSeverity.Note, 7), (note.Code, note.Severity, note.Location.Line));
        Assert.Contains("3.8.0 through 3.19.0", note.Message, StringComparison.Ordinal);
        Assert.Contains("enable_annotations", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_kata_never_reads_warns_that_the_pod_would_start_without_this_initdata()
    {
        var warning = Assert.Single(Generate("example.com/cc_init_data"));

        Assert.Equal(("CID3028", DiagnosticSeverity.Warning), (warning.Code, warning.Severity));
        Assert.Contains(AnnotationKey.Default, warning.Message, StringComparison.Ordinal);
        Assert.Contains(AnnotationKey.Legacy, warning.Message, StringComparison.Ordinal);
    }
}
