using System.Text.RegularExpressions;

namespace Coco.InitData;

/// <summary>
/// Recognises values that look like credentials. initdata is plaintext to the host (it travels in a pod
/// annotation), so a secret in any setting is leaked the moment the pod is created: better a false
/// positive at build time than a token in every cluster's etcd.
/// </summary>
internal static partial class InlineSecrets
{
    private static readonly string[] SecretQueryNames =
    {
        "password", "passwd", "pwd", "pass", "secret", "client_secret", "token", "access_token", "id_token", "refresh_token",
        "api_key", "apikey", "api-key", "key", "auth", "authorization", "signature", "sig", "x-amz-signature", "x-amz-credential",
        "x-amz-security-token", "credential", "credentials",
    };

    /// <summary>What makes <paramref name="value"/> look like a secret, or null when nothing does.</summary>
    public static string? Find(string value)
    {
        if (value.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return "a PEM private key";
        }

        if (value.Contains("\"auths\"", StringComparison.Ordinal) || value.Contains("\"auth\"", StringComparison.Ordinal))
        {
            return "container registry auth JSON";
        }

        if (AuthorizationScheme().IsMatch(value))
        {
            return "an HTTP Authorization value";
        }

        if (UserInfo().IsMatch(value))
        {
            return "user:password@ credentials";
        }

        if (KnownToken().Match(value) is { Success: true } token)
        {
            return "a token with the well-known prefix '" + token.Value[..Math.Min(4, token.Value.Length)] + "'";
        }

        if (Jwt().IsMatch(value))
        {
            return "a JSON Web Token";
        }

        var query = value.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            foreach (var pair in value[(query + 1)..].Split('&', ';'))
            {
                var name = pair.Split('=', 2)[0];
                if (SecretQueryNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    return $"a '{name}' query parameter";
                }
            }
        }

        return null;
    }

    /// <summary>The value with everything after its first few characters masked, safe to print in a build log.</summary>
    public static string Redact(string value) => value.Length <= 8 ? "***" : value[..8] + "***";

    [GeneratedRegex(@"(^|\s)(Bearer|Basic)\s+\S", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationScheme();

    // scheme://user:password@host, or user:password@host without a scheme (as in a NO_PROXY list).
    [GeneratedRegex(@"(^|[\s,;/])[^\s,;/:@]+:[^\s,;/@]+@[^\s,;/@]+", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // GitHub, GitLab, AWS access key ids, Slack, OpenAI-style keys; only at the start of a word, so a host
    // such as "desk-..." is not taken for a key.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])((ghp_|gho_|ghs_|ghu_|github_pat_|glpat-|xox[abpr]-|sk-)[A-Za-z0-9_\-]{16,}|AKIA[0-9A-Z]{16})", RegexOptions.CultureInvariant)]
    private static partial Regex KnownToken();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();
}
