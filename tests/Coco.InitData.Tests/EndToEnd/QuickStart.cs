using System.Text;
using System.Text.RegularExpressions;

namespace Coco.InitData.Tests.EndToEnd;

/// <summary>
/// The README's Quick start, between its <c>&lt;!-- quick-start --&gt;</c> markers, as a bash script: every
/// <c>sh</c> block verbatim, and every <c>xml</c> block pasted into the project file of the current folder
/// before <c>&lt;/Project&gt;</c>, as the README tells the reader to.
/// </summary>
internal static partial class QuickStart
{
    public static string Script(string readme)
    {
        var start = readme.IndexOf("<!-- quick-start -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- /quick-start -->", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException("README.md has no <!-- quick-start --> ... <!-- /quick-start --> section");
        }

        var script = new StringBuilder("set -euxo pipefail\n");
        foreach (Match block in FencedBlock().Matches(readme[start..end]))
        {
            var body = block.Groups["body"].Value;
            switch (block.Groups["language"].Value)
            {
                case "sh":
                    script.Append(body);
                    break;
                case "xml":
                    // The reader's paste: inside <Project> of the one project file here.
                    script.Append("python3 - <<'PASTE'\nimport glob\npath = glob.glob('*.csproj')[0]\ntext = open(path).read()\n")
                        .Append("snippet = ").Append(PythonString(body)).Append('\n')
                        .Append("open(path, 'w').write(text.replace('</Project>', snippet + '</Project>', 1))\nPASTE\n");
                    break;
                default:
                    throw new InvalidOperationException("The Quick start has a ```" + block.Groups["language"].Value + " block the test cannot follow");
            }
        }

        return script.ToString();
    }

    private static string PythonString(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^```(?<language>[a-z]*)\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
