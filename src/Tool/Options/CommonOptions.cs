using System.CommandLine;

namespace Coco.InitData.Tool.Options;

/// <summary>Options several commands share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Write the report as JSON on standard output." };

    public static Argument<string> Input() => new("FILE")
    {
        Description = "An initdata TOML, an annotation value, or a Kubernetes manifest carrying the annotation; '-' reads standard input.",
    };

    public static Option<string?> AnnotationName() => new("--annotation-name")
    {
        Description = "The annotation key to look for in a manifest (default: both the hypervisor and the older runtime name).",
    };
}
