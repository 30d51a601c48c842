using System.Text;
using System.Text.RegularExpressions;

namespace Coco.InitData.Tool;

/// <summary>
/// MSBuild's property switch, as dotnet/msbuild src/MSBuild/CommandLine/CommandLineSwitches.cs (main, 2026-08)
/// reads it: <c>-p:</c>, <c>/p:</c>, <c>--property:</c> in any case; its value split on ';' and ',' outside
/// double quotes, the quotes removed (QuotingUtilities.SplitUnquoted), empty pieces dropped. Each piece
/// becomes one <c>--property Name=Value</c>, which the project loader checks.
/// </summary>
internal static partial class PropertySwitch
{
    private static readonly char[] Separators = { ';', ',' };

    /// <summary>The arguments with every property switch rewritten as one --property per Name=Value.</summary>
    public static string[] Normalise(IReadOnlyList<string> args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                result.AddRange(args.Skip(i));
                break;
            }

            string? value = null;
            if (Attached().Match(arg) is { Success: true } attached)
            {
                value = attached.Groups[1].Value;
            }
            else if (Separate().IsMatch(arg) && i + 1 < args.Count)
            {
                value = args[++i];
            }

            if (value is null)
            {
                result.Add(arg);
                continue;
            }

            var pieces = Split(value);
            foreach (var piece in pieces.Count == 0 ? new List<string> { string.Empty } : pieces)
            {
                result.Add("--property");
                result.Add(piece);
            }
        }

        return result.ToArray();
    }

    /// <summary>Splits on ';' and ',' outside double quotes and removes the quotes; empty pieces are dropped.</summary>
    public static List<string> Split(string value)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in value)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Separators, c) >= 0)
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return pieces;

        void Flush()
        {
            if (current.Length > 0)
            {
                pieces.Add(current.ToString());
            }

            current.Clear();
        }
    }

    [GeneratedRegex("^(?:--?|/)(?:p|property)[:=](.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Attached();

    [GeneratedRegex("^--?(?:p|property)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separate();
}
