using System.Text.RegularExpressions;

namespace Coco.InitData.Containers;

/// <summary>
/// A container image reference as a pod spec writes it, <c>[registry/]repository[:tag][@algorithm:hex]</c>, split the way
/// the distribution reference grammar splits it (github.com/distribution/reference v0.6.0, reference.go and
/// normalize.go): the first component is the registry when it holds a '.' or a ':' or is <c>localhost</c>; otherwise the
/// registry is Docker Hub and a one-component repository is under <c>library/</c>.
/// </summary>
internal sealed partial record ImageReference(string Name, string? Tag, string? Digest)
{
    /// <summary>The Docker Hub name every normalisation uses.</summary>
    private const string DockerHub = "docker.io";

    /// <summary>Splits <paramref name="text"/>; null when it is not a reference (empty, white space, upper case in the repository, a bad tag or digest).</summary>
    public static ImageReference? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || Grammar().Match(text) is not { Success: true } match)
        {
            return null;
        }

        return new ImageReference(match.Groups["name"].Value, NullIfEmpty(match.Groups["tag"].Value), NullIfEmpty(match.Groups["digest"].Value));
    }

    /// <summary>The registry and repository as the guest and containerd see them: <c>nginx</c> is <c>docker.io/library/nginx</c>.</summary>
    public string NormalizedName => Normalize(Name);

    /// <summary>True when this names <paramref name="repository"/> (a <c>registry/repository</c>), whatever its tag or digest.</summary>
    public bool Names(string repository) => string.Equals(NormalizedName, Normalize(repository), StringComparison.Ordinal);

    /// <summary>This name pinned to <paramref name="digest"/>: <c>name@digest</c>, or <c>name:tag@digest</c> when the tag is kept.</summary>
    public string PinnedTo(string digest, bool keepTag) => Name + (keepTag && Tag is not null ? ":" + Tag : string.Empty) + "@" + digest;

    /// <inheritdoc />
    public override string ToString() => Name + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);

    /// <summary><c>registry/repository</c> with Docker Hub's defaults applied; the registry's case is kept, as the grammar keeps it.</summary>
    public static string Normalize(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : name[..slash];
        if (slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            // index.docker.io is Docker Hub's legacy name (normalize.go's legacyDefaultDomain).
            return first == "index.docker.io" ? DockerHub + name[slash..] : name;
        }

        return DockerHub + "/" + (slash < 0 ? "library/" : string.Empty) + name;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    // reference.go's ReferenceRegexp: domain (host or [IPv6], optional port), lower-case path components, tag, digest.
    [GeneratedRegex(
        @"^(?<name>(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::(?<tag>[\w][\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();
}
