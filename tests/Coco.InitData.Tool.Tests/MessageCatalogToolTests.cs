using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tool.Tests;

/// <summary>The tool prints findings in the form MSBuild parses (uniqueness and ranges: Coco.InitData.Tests MessageCatalogTests).</summary>
public sealed class MessageCatalogToolTests
{
    [Fact]
    public void Canonical_form_is_what_MSBuild_parses()
    {
        var diagnostic = Diagnostic.Create(MessageId.ManifestYamlInvalid, DiagnosticSeverity.Error, new SourceLocation("k8s/app.yaml", 3, 7), "k8s/app.yaml", "oops");

        // MSBuild's canonical error format: origin(line,col): category code: text
        Assert.Matches(new Regex(@"^k8s/app\.yaml\(3,7\): error CID3050: Manifest 'k8s/app\.yaml' is not valid YAML: oops\.$"), diagnostic.ToCanonicalString());
    }
}
