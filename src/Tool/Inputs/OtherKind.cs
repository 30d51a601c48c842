using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tool.Inputs;

/// <summary>
/// The files given by mistake where initdata is read, recognised so the message names the command meant: a PEM
/// certificate (verify --ca) or an MSBuild project (generate). Asked only of an input nothing else recognised.
/// </summary>
internal static partial class OtherKind
{
    private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj", ".proj" };

    /// <summary>The message for what the input is, or null when it is none of these.</summary>
    public static MessageId? Of(string path, string text)
    {
        if (Certificate().IsMatch(text))
        {
            return MessageId.ToolInputIsCertificate;
        }

        return ProjectExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || Project().IsMatch(text)
            ? MessageId.ToolInputIsProject
            : null;
    }

    // RFC 7468 labels a certificate CERTIFICATE; OpenSSL also writes X509 CERTIFICATE and TRUSTED CERTIFICATE.
    [GeneratedRegex("-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----", RegexOptions.CultureInvariant)]
    private static partial Regex Certificate();

    // <Project as the root element, after an optional byte order mark, XML declaration and comments.
    [GeneratedRegex(@"\A\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<Project[\s/>]", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Project();
}
