namespace Coco.InitData.Registries;

/// <summary>
/// How the guest picks the <c>[[image.registry_config.registry]]</c> rule for an image, modelled on image-rs
/// (guest-components v0.21.0, image-rs/src/registry/mod.rs, <c>match_reference_prefix</c> and
/// <c>handle_registry_tasks</c>), which is not what containers-registries.conf describes:
/// <list type="bullet">
/// <item>a prefix is looked for anywhere in the reference (its first occurrence), not only at its start, so
/// <c>quay.io</c> matches <c>ghcr.io/quay.io/x:1</c> and <c>myquay.io/x:1</c>; the match must end at
/// <c>:</c>, <c>/</c>, <c>@</c> or the end of the reference;</item>
/// <item>a <c>*.domain</c> prefix matches where <c>.domain</c> first occurs, with no <c>/</c> before it;</item>
/// <item>among the rules that match, the one whose match ends last wins, and of those the last declared.</item>
/// </list>
/// The reference is the guest's normalised form: <c>registry/repository[:tag][@digest]</c>
/// (<c>nginx</c> is <c>docker.io/library/nginx:latest</c>).
/// </summary>
internal static class GuestPrefixMatcher
{
    /// <summary>One prefix against one reference: where the match starts and ends, or null.</summary>
    public static (int Start, int End)? Match(string reference, string prefix)
    {
        var wildcard = prefix.StartsWith("*.", StringComparison.Ordinal);
        var needle = wildcard ? prefix[1..] : prefix;
        var start = reference.IndexOf(needle, StringComparison.Ordinal);
        if (start < 0 || (wildcard && reference.AsSpan(0, start).Contains('/')))
        {
            return null;
        }

        var end = start + needle.Length;
        return end == reference.Length || reference[end] is ':' or '/' or '@' ? (start, end) : null;
    }

    /// <summary>The index of the rule the guest applies to <paramref name="reference"/>, or null when none matches.</summary>
    public static int? Select(string reference, IReadOnlyList<string> prefixes)
    {
        int? winner = null;
        var winnerEnd = -1;
        for (var i = 0; i < prefixes.Count; i++)
        {
            // image-rs keeps the last of equal maxima (Iterator::max_by_key), hence >=.
            if (Match(reference, prefixes[i]) is { } match && match.End >= winnerEnd)
            {
                winner = i;
                winnerEnd = match.End;
            }
        }

        return winner;
    }
}
