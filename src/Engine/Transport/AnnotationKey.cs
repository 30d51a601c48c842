using System.Text.RegularExpressions;

namespace Coco.InitData.Transport;

/// <summary>The pod annotation that carries initdata, and Kubernetes' rules for annotation keys.</summary>
public static partial class AnnotationKey
{
    /// <summary>The name kata 3.20+ and CoCo v0.16+ read.</summary>
    public const string Default = "io.katacontainers.config.hypervisor.cc_init_data";

    /// <summary>The name kata 3.16-3.19 (and peer pods before cloud-api-adaptor v0.14) read.</summary>
    public const string Legacy = "io.katacontainers.config.runtime.cc_init_data";

    /// <summary>Kubernetes' limit for all annotations of one object, keys plus values.</summary>
    public const int KubernetesAnnotationLimit = 262144;

    /// <summary>Above this the build warns: kubectl apply keeps a second copy in last-applied-configuration.</summary>
    public const int WarningThreshold = 65536;

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
