using System.Text.RegularExpressions;
using Coco.InitData.Documents;

namespace Coco.InitData.Tool.Inputs;

/// <summary>
/// Whether genpolicy wrote a document's policy: it puts its rules followed by a line <c>policy_data := {...}</c> into
/// policy.rego (kata-containers 3.32.0 src/tools/genpolicy/src/policy.rs, AgentPolicy::generate_initdata_anno). Without
/// that line genpolicy did not write the document, and a digest mismatch does not name it as the cause.
/// </summary>
internal static partial class GenpolicyTrace
{
    /// <summary>True when the document is initdata whose policy.rego sets genpolicy's policy_data.</summary>
    public static bool IsIn(byte[] document) =>
        InitDataDocumentReader.TryRead(document, out var parsed, out _)
        && parsed!.Data.Any(entry => entry.Key == "policy.rego" && PolicyData().IsMatch(entry.Value));

    [GeneratedRegex("^policy_data := ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PolicyData();
}
