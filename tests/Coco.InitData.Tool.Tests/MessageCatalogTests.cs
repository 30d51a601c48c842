using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;
using Xunit;

namespace Coco.InitData.Tool.Tests;

/// <summary>The tool's and the manifests' messages: present, coded, in their ranges, and no code used twice.</summary>
public sealed class MessageCatalogTests
{
    [Fact]
    public void EveryMessageHasAUniqueCode()
    {
        var codes = Enum.GetValues<MessageId>().Select(id => MessageCatalog.Format(id, new object?[10]).Code).ToList();

        Assert.All(codes, code => Assert.Matches("^CID[0-9]{4}$", code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToolAndManifestMessagesStayInTheirRanges()
    {
        foreach (var id in Enum.GetValues<MessageId>())
        {
            var number = int.Parse(MessageCatalog.Format(id, new object?[10]).Code[3..], System.Globalization.CultureInfo.InvariantCulture);
            var name = id.ToString();
            if (name.StartsWith("Tool", StringComparison.Ordinal) || name.StartsWith("Probe", StringComparison.Ordinal) || name.StartsWith("Certs", StringComparison.Ordinal))
            {
                Assert.InRange(number, 4001, 4099);
            }
            else if (name.StartsWith("Manifest", StringComparison.Ordinal))
            {
                Assert.InRange(number, 3050, 3099);
            }
        }
    }

    [Fact]
    public void CanonicalFormIsWhatMsBuildParses()
    {
        var diagnostic = Diagnostic.Create(MessageId.ManifestYamlInvalid, DiagnosticSeverity.Error, new SourceLocation("k8s/app.yaml", 3, 7), "k8s/app.yaml", "oops");

        // MSBuild's canonical error format: origin(line,col): category code: text
        Assert.Matches(new Regex(@"^k8s/app\.yaml\(3,7\): error CID3050: Manifest 'k8s/app\.yaml' is not valid YAML: oops\.$"), diagnostic.ToCanonicalString());
    }
}
