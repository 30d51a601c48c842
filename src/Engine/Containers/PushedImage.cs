using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Coco.InitData.Containers;

/// <summary>The image a publish pushed: <c>registry/repository</c> and the digest of its manifest (or of its index, for several runtimes).</summary>
/// <param name="Repository">Where it was pushed, <c>registry/repository</c>.</param>
/// <param name="Digest"><c>sha256:</c> and 64 lower-case hex digits.</param>
public sealed partial record PushedImage(string Repository, string Digest)
{
    /// <summary>The pushed image, or null with <paramref name="problem"/> saying in a few words what is wrong.</summary>
    public static PushedImage? Create(string repository, string digest, out string problem)
    {
        if (!Sha256Digest().IsMatch(digest))
        {
            problem = $"the digest '{digest}' is not sha256: followed by 64 lower-case hex digits";
            return null;
        }

        if (ImageReference.Parse(repository) is not { Tag: null, Digest: null } reference || reference.Name != repository)
        {
            problem = $"'{repository}' is not a registry/repository name (no tag or digest)";
            return null;
        }

        problem = string.Empty;
        return new PushedImage(repository, digest);
    }

    /// <summary>The pushed image from <c>REPOSITORY@DIGEST</c> (a tag before the digest is allowed and dropped: the digest names the image).</summary>
    public static PushedImage? Parse(string text, out string problem)
    {
        if (ImageReference.Parse(text) is not { Digest: { } digest } reference)
        {
            problem = $"'{text}' is not registry/repository@sha256:<64 hex digits>";
            return null;
        }

        return Create(reference.Name, digest, out problem);
    }

    /// <summary>The digest of an image index the SDK pushed, from its JSON text (<c>$(GeneratedImageIndex)</c>): sha256 of its UTF-8 bytes, as the SDK computes it.</summary>
    public static string IndexDigest(string indexJson) =>
        "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(indexJson))).ToLowerInvariant();

    /// <summary><c>registry/repository@digest</c>.</summary>
    public override string ToString() => Repository + "@" + Digest;

    [GeneratedRegex("^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Digest();
}
