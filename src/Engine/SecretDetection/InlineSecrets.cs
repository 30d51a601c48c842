using System.Text;
using System.Text.RegularExpressions;

namespace Coco.InitData.SecretDetection;

/// <summary>
/// Recognises values that look like credentials. initdata is plaintext to the host (it travels in a pod annotation),
/// so a secret in any byte of it is leaked the moment the pod is created. The formats are those published by the
/// gitleaks project (v8, cmd/generate/config/rules/*.go: rule ids in the table), kept to the ones with a fixed
/// prefix or shape, so ordinary values (host names, URLs, digests, certificates) are not taken for secrets.
/// </summary>
public static partial class InlineSecrets
{
    // Always a secret when the value is not empty.
    private static readonly string[] SecretQueryNames =
    {
        "password", "passwd", "pwd", "pass", "secret", "client_secret", "token", "access_token", "id_token", "refresh_token",
        "api_key", "apikey", "api-key", "authorization", "x-amz-signature", "x-amz-credential", "x-amz-security-token",
        "credential", "credentials", "private_key",
    };

    // Only a secret when the value itself looks like one: '?key=default/registry' or '?sig=v1' are ordinary.
    private static readonly string[] AmbiguousQueryNames = { "key", "sig", "signature", "auth", "code" };

    private static readonly (string Id, Regex Pattern, string Reason)[] Formats =
    {
        ("private-key", PrivateKey(), "a PEM private key"),
        ("github-pat / github-oauth / github-app-token / github-refresh-token", GitHubToken(), "a GitHub token"),
        ("github-fine-grained-pat", GitHubFineGrained(), "a GitHub fine-grained token"),
        ("gitlab-pat / gitlab-deploy-token / gitlab-runner-authentication-token", GitLabToken(), "a GitLab token"),
        ("aws-access-token", AwsAccessKey(), "an AWS access key id"),
        ("slack-*-token", SlackToken(), "a Slack token"),
        ("slack-webhook-url", SlackWebhook(), "a Slack webhook URL"),
        ("openai-api-key", OpenAiKey(), "an OpenAI API key"),
        ("anthropic-api-key", AnthropicKey(), "an Anthropic API key"),
        ("stripe-access-token", StripeKey(), "a Stripe key"),
        ("gcp-api-key", GoogleApiKey(), "a Google API key"),
        ("npm-access-token", NpmToken(), "an npm token"),
        ("pypi-upload-token", PyPiToken(), "a PyPI token"),
        ("huggingface-access-token", HuggingFaceToken(), "a Hugging Face token"),
        ("dockerhub-pat (docker.io personal access token)", DockerHubToken(), "a Docker Hub token"),
        ("digitalocean-pat", DigitalOceanToken(), "a DigitalOcean token"),
        ("vault-service-token", VaultToken(), "a HashiCorp Vault token"),
        ("jwt", Jwt(), "a JSON Web Token"),
        ("aws-secret-access-key (with its keyword)", AwsSecretWithKeyword(), "an AWS secret access key"),
    };

    /// <summary>The format ids this detector takes from gitleaks, for the record in tests and the README.</summary>
    internal static IEnumerable<string> FormatIds => Formats.Select(f => f.Id);

    /// <summary>What makes <paramref name="value"/> look like a secret, or null when nothing does.</summary>
    public static string? Find(string value) => FindWithMatch(value)?.Reason;

    /// <summary>Every line of <paramref name="text"/> (1-based) that looks like it carries a secret, with the reason and the line masked (at most 100 characters), safe to print.</summary>
    internal static IEnumerable<(int Line, string Reason, string Masked)> FindInText(string text)
    {
        var line = 0;
        foreach (var content in text.Split('\n'))
        {
            line++;
            if (FindWithMatch(content.TrimEnd('\r')) is { } found)
            {
                var masked = Redact(content.Trim());
                yield return (line, found.Reason, masked.Length <= 100 ? masked : masked[..100] + "...");
            }
        }
    }

    /// <summary>
    /// The text with every credential in it masked, safe to print in a build log: the user information of a URL or a
    /// <c>user:password@host</c> name becomes <c>***@</c>, a query or fragment <c>?***</c>, and any other secret this
    /// detector finds <c>***</c>. What is left (scheme, host, path, the words around) still says which value is meant.
    /// The one masking every message uses.
    /// </summary>
    public static string Redact(string text)
    {
        var masked = UserInfoPart().Replace(text, "${before}***@");
        masked = QueryPart().Replace(masked, m => m.Value[0] + "***");
        for (var pass = 0; pass < 8 && FindWithMatch(masked) is { } found; pass++)
        {
            var at = found.Match.Length > 0 ? masked.IndexOf(found.Match, StringComparison.Ordinal) : -1;
            masked = at < 0 ? "***" : masked[..at] + "***" + masked[(at + found.Match.Length)..];
        }

        return FindWithMatch(masked) is null ? masked : "***";
    }

    private static (string Reason, string Match)? FindWithMatch(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        foreach (var (id, pattern, reason) in Formats)
        {
            foreach (Match match in pattern.Matches(value))
            {
                var token = match.Groups["t"].Success ? match.Groups["t"].Value : match.Value;
                if (id == "aws-access-token" && (ShannonEntropy.Of(token) < 3 || token.EndsWith("EXAMPLE", StringComparison.Ordinal)))
                {
                    continue; // gitleaks' own allowances: AKIAXXXXXXXXXXXXXXXX, the documentation's ...EXAMPLE key.
                }

                return (reason, token);
            }
        }

        if (value.Contains("\"auths\"", StringComparison.Ordinal) || DockerAuthEntry().IsMatch(value))
        {
            return ("container registry auth JSON", value);
        }

        if (AuthorizationScheme().Match(value) is { Success: true } scheme)
        {
            return ("an HTTP Authorization value", scheme.Value.Trim());
        }

        if (UserInfo().Match(value) is { Success: true } userInfo)
        {
            return ("user:password@ credentials", userInfo.Value.TrimStart(' ', '\t', ',', ';', '/'));
        }

        if (FindInQuery(value) is { } query)
        {
            return query;
        }

        foreach (Match candidate in Base64Token().Matches(value))
        {
            if (DecodeBase64Text(candidate.Value) is { } decoded)
            {
                if (decoded.Contains("\"auths\"", StringComparison.Ordinal) || DockerAuthEntry().IsMatch(decoded))
                {
                    return ("base64 of a container registry auth JSON", candidate.Value);
                }

                if (BasicCredentials().IsMatch(decoded))
                {
                    return ("a base64 'user:password' (a registry auth value)", candidate.Value);
                }
            }
        }

        if (GenericSecretAssignment.Find(value) is { } assigned)
        {
            return ("a password, token or key assigned to a name that says so", assigned);
        }

        // A whole value that is exactly an AWS secret access key's shape: 40 characters of its alphabet, all classes, high entropy.
        var trimmed = value.Trim().Trim('"', '\'');
        if (trimmed.Length == 40 && AwsSecretShape().IsMatch(trimmed) && trimmed.Any(char.IsAsciiLetterLower) && trimmed.Any(char.IsAsciiLetterUpper)
            && trimmed.Any(char.IsAsciiDigit) && ShannonEntropy.Of(trimmed) > 4.2)
        {
            return ("an AWS secret access key", trimmed);
        }

        return null;
    }

    private static (string Reason, string Match)? FindInQuery(string value)
    {
        var query = value.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        var end = value.IndexOfAny(new[] { ' ', '\t', '"', '\'', '#' }, query);
        foreach (var pair in value[(query + 1)..(end < 0 ? value.Length : end)].Split('&', ';'))
        {
            var parts = pair.Split('=', 2);
            var name = parts[0];
            var parameter = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
            if (parameter.Length == 0)
            {
                continue;
            }

            if (SecretQueryNames.Contains(name, StringComparer.OrdinalIgnoreCase)
                || (AmbiguousQueryNames.Contains(name, StringComparer.OrdinalIgnoreCase) && LooksRandom(parameter)))
            {
                return ($"a '{name}' query parameter", pair);
            }
        }

        return null;
    }

    // Long enough, several character classes, and about as unpredictable as a generated token.
    private static bool LooksRandom(string value) =>
        value.Length >= 16 && ShannonEntropy.Of(value) >= 3.5 && (value.Any(char.IsAsciiDigit) ? 1 : 0) + (value.Any(char.IsAsciiLetterLower) ? 1 : 0) + (value.Any(char.IsAsciiLetterUpper) ? 1 : 0) >= 2;

    // Printable ASCII text behind a standard padded base64 token, or null.
    private static string? DecodeBase64Text(string token)
    {
        if (token.Length % 4 != 0)
        {
            return null;
        }

        var bytes = new byte[token.Length / 4 * 3];
        if (!Convert.TryFromBase64String(token, bytes, out var length) || length == 0)
        {
            return null;
        }

        foreach (var b in bytes.AsSpan(0, length))
        {
            if (b is < 0x20 and not (byte)'\n' and not (byte)'\r' and not (byte)'\t' || b > 0x7e)
            {
                return null;
            }
        }

        return Encoding.ASCII.GetString(bytes, 0, length);
    }

    [GeneratedRegex(@"-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY( BLOCK)?-----", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(ghp|gho|ghu|ghs|ghr)_[0-9a-zA-Z]{36}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"github_pat_\w{82}", RegexOptions.CultureInvariant)]
    private static partial Regex GitHubFineGrained();

    [GeneratedRegex(@"(?<![A-Za-z0-9_-])(glpat-[\w-]{20,}|gldt-[\w-]{20,}|glrt-[\w-]{20,}|glptt-[0-9a-f]{40})", RegexOptions.CultureInvariant)]
    private static partial Regex GitLabToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<t>(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex(@"xox[baprse]-[0-9a-zA-Z]{10,48}(-[0-9a-zA-Z]{1,64}){0,4}", RegexOptions.CultureInvariant)]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"hooks\.slack\.com/(services|workflows|triggers)/[A-Za-z0-9+/]{43,56}", RegexOptions.CultureInvariant)]
    private static partial Regex SlackWebhook();

    [GeneratedRegex(@"sk-((proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20})T3BlbkFJ[A-Za-z0-9_-]{20,}", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAiKey();

    [GeneratedRegex(@"sk-ant-(api03|admin01)-[a-zA-Z0-9_-]{93}AA", RegexOptions.CultureInvariant)]
    private static partial Regex AnthropicKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(sk|rk)_(test|live|prod)_[a-zA-Z0-9]{10,99}", RegexOptions.CultureInvariant)]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"AIza[\w-]{35}", RegexOptions.CultureInvariant)]
    private static partial Regex GoogleApiKey();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])npm_[a-zA-Z0-9]{36}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex NpmToken();

    [GeneratedRegex(@"pypi-AgEIcHlwaS5vcmc[\w-]{50,1000}", RegexOptions.CultureInvariant)]
    private static partial Regex PyPiToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])hf_[a-zA-Z]{34}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex HuggingFaceToken();

    [GeneratedRegex(@"dckr_pat_[a-zA-Z0-9_-]{27,}", RegexOptions.CultureInvariant)]
    private static partial Regex DockerHubToken();

    [GeneratedRegex(@"do[por]_v1_[a-f0-9]{64}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitalOceanToken();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])hv[sb]\.[\w-]{90,120}", RegexOptions.CultureInvariant)]
    private static partial Regex VaultToken();

    [GeneratedRegex(@"ey[A-Za-z0-9_-]{17,}\.ey[A-Za-z0-9_/-]{17,}\.[A-Za-z0-9_/-]{10,}", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    [GeneratedRegex(@"(?i)aws.{0,20}?(secret|private)?.{0,10}?(key|token).{0,10}?[""'=:\s]+(?-i)(?<t>[A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])", RegexOptions.CultureInvariant)]
    private static partial Regex AwsSecretWithKeyword();

    [GeneratedRegex(@"^[A-Za-z0-9/+]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsSecretShape();

    // A docker config's "auth": "<base64>" entry (the whole config is caught by "auths").
    [GeneratedRegex(@"""auth""\s*:\s*""[A-Za-z0-9+/=]{4,}""", RegexOptions.CultureInvariant)]
    private static partial Regex DockerAuthEntry();

    [GeneratedRegex(@"(^|\s)(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationScheme();

    // scheme://user:password@host, or user:password@host without a scheme (as in a NO_PROXY list); not an image
    // reference's name:tag@sha256:digest.
    [GeneratedRegex(@"(^|[\s,;/])[^\s,;/:@""']+:[^\s,;/@""']+@(?!sha(256|384|512):)[^\s,;/@""']+", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    // What stands before the last '@' of a word (after its scheme): user information, whatever characters it holds;
    // not the '@' of an image reference's digest.
    [GeneratedRegex(@"(?<before>(?:^|[\s,;'""])(?:[A-Za-z][A-Za-z0-9+.-]*://)?)[^\s,;'""]+@(?!sha(256|384|512):)(?=[^\s,;'""@]*(?:$|[\s,;'""]))", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPart();

    // A query or fragment, to the end of its word.
    [GeneratedRegex(@"[?#][^\s,;'""]+", RegexOptions.CultureInvariant)]
    private static partial Regex QueryPart();

    // Standard base64 words of at least 12 characters (a docker auth of 'a:bcdefgh' is 12).
    [GeneratedRegex(@"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{10,}={0,2}(?![A-Za-z0-9+/=])", RegexOptions.CultureInvariant)]
    private static partial Regex Base64Token();

    // user:password, as a registry auth value decodes: no spaces, no URL, one colon.
    [GeneratedRegex(@"^[A-Za-z0-9._@+$-]{1,128}:[^\s:/]{4,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex BasicCredentials();
}
