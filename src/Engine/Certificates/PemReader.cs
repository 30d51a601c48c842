namespace Coco.InitData.Certificates;

/// <summary>
/// Splits PEM text into blocks with the line of each BEGIN, tolerating what OpenSSL tolerates
/// (text between blocks, CRLF, a BOM, surrounding white space) and reporting what it does not.
/// </summary>
internal static class PemReader
{
    private const string Dashes = "-----";

    /// <summary>Reads every block; <paramref name="problem"/> is set, and the blocks read so far returned, when the structure is broken.</summary>
    public static IReadOnlyList<PemBlock> Read(string text, out string? problem)
    {
        problem = null;
        var blocks = new List<PemBlock>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? label = null;
        var beginLine = 0;
        var body = new System.Text.StringBuilder();
        var headers = false;

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (label is null)
            {
                if (line.StartsWith(Dashes + "BEGIN ", StringComparison.Ordinal))
                {
                    if (!line.EndsWith(Dashes, StringComparison.Ordinal) || line.Length <= 16)
                    {
                        problem = $"line {i + 1} has a malformed BEGIN marker";
                        return blocks;
                    }

                    label = line[11..^5];
                    beginLine = i + 1;
                    body.Clear();
                    headers = false;
                }
                else if (line.StartsWith(Dashes + "END ", StringComparison.Ordinal))
                {
                    problem = $"line {i + 1} has an END marker without a BEGIN";
                    return blocks;
                }

                continue;
            }

            if (line.StartsWith(Dashes + "END ", StringComparison.Ordinal))
            {
                var endLabel = line.EndsWith(Dashes, StringComparison.Ordinal) && line.Length > 14 ? line[9..^5] : null;
                if (endLabel != label)
                {
                    problem = $"the {label} block that begins at line {beginLine} ends with a mismatched marker at line {i + 1}";
                    return blocks;
                }

                blocks.Add(new PemBlock(label, beginLine, body.ToString(), headers));
                label = null;
                continue;
            }

            if (line.StartsWith(Dashes, StringComparison.Ordinal))
            {
                problem = $"the {label} block that begins at line {beginLine} has no END marker before line {i + 1}";
                return blocks;
            }

            if (line.Contains(':', StringComparison.Ordinal))
            {
                headers = true;
                continue;
            }

            body.Append(line);
        }

        if (label is not null)
        {
            problem = $"the {label} block that begins at line {beginLine} has no END marker";
        }

        return blocks;
    }
}
