using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tool.Tests;

/// <summary>No message reads "1 days": a number before a plural noun is a count that can be 1, unless it never is.</summary>
public sealed partial class MessagePluralTests
{
    // Counts that are never 1, each with the reason: the limit a message reports being passed, or a minimum.
    private static readonly HashSet<(MessageId, string)> NeverOne = new()
    {
        (MessageId.AnnotationTooLarge, "bytes"), // over 262144
        (MessageId.AnnotationLarge, "bytes"), // only reported near the limit
        (MessageId.ManifestAnnotationsTooLarge, "bytes"), // over 262144
        (MessageId.ManifestOutputTooLarge, "bytes"), // over the manifest limit
        (MessageId.ManifestTooLarge, "characters"), // over the manifest limit
        (MessageId.ManifestTooDeep, "levels"), // a fixed limit
        (MessageId.ManifestAliasExpansion, "nodes"), // a fixed limit
        (MessageId.ManifestTooManyDocuments, "documents"), // a fixed limit
        (MessageId.ChainTooManyIntermediates, "intermediates"), // more than webpki's 6
        (MessageId.AnnotationSeveralGzipMembers, "members"), // two or more
        (MessageId.ToolGateGzipMembers, "members"), // two or more
        (MessageId.OutputLocked, "seconds"), // the lock's two-minute wait
    };

    [Fact]
    public void Every_count_before_a_plural_noun_reads_right_for_one()
    {
        var wrong = new List<string>();
        foreach (var id in Enum.GetValues<MessageId>())
        {
            // Every argument 1: "{8} days" then reads "1 days", as it would for a setting of 1.
            var text = Placeholder().Replace(MessageCatalog.GetTemplate(id), "1");
            foreach (Match match in CountedPlural().Matches(text))
            {
                if (!NeverOne.Contains((id, match.Groups[1].Value)))
                {
                    wrong.Add($"{id}: ...{match.Value}...");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // "1 days", "1 gzip members", "1 pod templates": nouns a count is put before in these messages.
    [GeneratedRegex(@"\b1 (?:[a-z]+ )?(days|hours|minutes|seconds|bytes|characters|levels|nodes|documents|intermediates|members|templates|files|certificates|errors|warnings|registries|entries)\b")]
    private static partial Regex CountedPlural();
}
