using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;
using Coco.InitData.Specification;

namespace Coco.InitData.Transport;

/// <summary>
/// The pod annotation that carries initdata, and Kubernetes' rules for annotation keys. Which name the node's
/// kata runtime reads (src/runtime/virtcontainers/pkg/annotations/annotations.go, src/libs/kata-types/src/annotations):
/// the Go runtime <c>runtime.cc_init_data</c> from 3.8.0 through 3.19.0 and <c>hypervisor.cc_init_data</c> from 3.20.0;
/// runtime-rs <c>hypervisor.cc_init_data</c> already in 3.19.0. A <c>hypervisor.</c> annotation is refused unless its
/// name is in the runtime configuration's <c>enable_annotations</c> (src/runtime/pkg/oci/utils.go addAnnotations):
/// the CoCo configurations list <c>cc_init_data</c> (DEFENABLEANNOTATIONS_COCO), the default one does not.
/// </summary>
public static partial class AnnotationKey
{
    /// <summary>The name the Go runtime reads from kata 3.20.0 and runtime-rs from 3.19.0.</summary>
    public const string Default = "io.katacontainers.config.hypervisor.cc_init_data";

    /// <summary>The name the Go runtime read from kata 3.8.0 through 3.19.0.</summary>
    public const string Legacy = "io.katacontainers.config.runtime.cc_init_data";

    /// <summary>Kubernetes' limit for all annotations of one object, keys plus values.</summary>
    public const int KubernetesAnnotationLimit = 262144;

    /// <summary>Above this the build warns: kubectl apply keeps a second copy in last-applied-configuration.</summary>
    internal const int WarningThreshold = 65536;

    /// <summary>Says which runtimes read a chosen annotation name: a note for the older name, a warning for a name kata never reads.</summary>
    internal static void ReportChoice(string name, SettingValue setting, DiagnosticBag diagnostics)
    {
        if (name == Legacy)
        {
            diagnostics.Note(MessageId.AnnotationNameForOlderRuntime, setting.Location, name, Default, setting.Name);
        }
        else if (name != Default)
        {
            diagnostics.Warning(MessageId.AnnotationNameUnknownToKata, setting.Location, name, Default, Legacy, setting.Name);
        }
    }

    /// <summary>Checks a qualified name: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static bool IsValid(string key, out string problem)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? null : key[..slash];
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (prefix is not null && (prefix.Length > 253 || !Subdomain().IsMatch(prefix)))
        {
            problem = "the prefix before '/' must be a lowercase DNS subdomain";
            return false;
        }

        if (name.Length is 0 or > 63 || !Name().IsMatch(name))
        {
            problem = "the name must be 1-63 characters of letters, digits, '-', '_' and '.', starting and ending with a letter or digit";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
