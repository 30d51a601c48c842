using System.Text.RegularExpressions;

namespace Coco.InitData.SecretDetection;

/// <summary>
/// A password, token or key assigned to a name that says so (<c>db_password = "..."</c>, <c># token: ...</c>), with no
/// prefix of its own to recognise it by. Modelled on gitleaks' generic-api-key rule (v8.30, cmd/generate/config/rules/generic.go
/// and utils/generate.go): the same keywords and assignment shape, a value of 10 to 150 token characters whose Shannon
/// entropy is above 3.5 bits, a value of letters alone never a secret, and stop words and name patterns that mark ordinary
/// values. The stop words and names here are our own, chosen for what policies and initdata documents hold.
/// </summary>
internal static partial class GenericSecretAssignment
{
    /// <summary>gitleaks' threshold: a value at or below it is a word or an identifier, not a generated secret.</summary>
    public const double EntropyThreshold = 3.5;

    // A line holding none of these cannot match (gitleaks' keyword pre-filter, the same list).
    private static readonly string[] Keywords = { "access", "api", "auth", "key", "credential", "creds", "passwd", "password", "secret", "token" };

    // Words that make a value ordinary when it contains them (lower case, substring match as in gitleaks).
    private static readonly string[] StopWords =
    {
        "example", "sample", "placeholder", "changeme", "dummy", "xxxxxx", "000000", "aaaaaa", "123456", "abcdef",
        "default", "policy", "container", "sandbox", "kubernetes", "katacontainers", "namespace", "registry", "localhost",
        "cluster", "service", "request", "response", "agent", "image", "config", "volume", "mount", "annotation",
        "input", "data.", "allow", "deny", "sha256", "sha384", "sha512", "http", "kbs", "resource", "version", "value",
    };

    /// <summary>The secret value of the first generic assignment in <paramref name="line"/>, or null.</summary>
    public static string? Find(string line)
    {
        if (!Keywords.Any(k => line.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        foreach (Match match in Assignment().Matches(line))
        {
            var value = match.Groups["value"].Value;
            if (IsSecret(value) && !OrdinaryName().IsMatch(match.Value))
            {
                return value;
            }
        }

        return null;
    }

    private static bool IsSecret(string value)
    {
        if (OnlyLetters().IsMatch(value) || DottedOrPathName().IsMatch(value) || ShannonEntropy.Of(value) <= EntropyThreshold)
        {
            return false;
        }

        var lower = value.ToLowerInvariant();
        return !StopWords.Any(w => lower.Contains(w, StringComparison.Ordinal));
    }

    // name (ending in its keyword, then up to 20 more name characters), an assignment operator, optional quotes, the
    // value, then a quote, white space, ';', an escaped newline or the end.
    [GeneratedRegex(
        @"(?i)[\w.-]{0,50}?(?:access|auth|(?-i:[Aa]pi|API)|credential|creds|key|passw(?:or)?d|secret|token)[ \t\w.-]{0,20}[\s'""]{0,3}"
        + @"(?:=|>|:{1,3}=|\|\||:|=>|\?=|,)[`'""\s=]{0,5}(?<value>[\w.=-]{10,150}|[a-z0-9][a-z0-9+/]{11,}={0,3})(?=[`'""\s;]|\\[nr]|$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    // Names that hold no secret though they carry a keyword: identifiers, versions, lengths, public halves, locations.
    [GeneratedRegex(
        @"(?i)(?:public|pub|foreign|primary|sort|partition|bucket|schema)[_.-]?key|(?:access|api|auth|credentials?|key|secret|token)[_.-]?(?:ids?|names?|groups?|version|length|size|type|kind|file|path|ur[il]s?|endpoint|hash|alias|ref)\b|author(?!i[sz])|csrf[_.-]?token|monkey|turkey|keyboard|keyring|keyword",
        RegexOptions.CultureInvariant)]
    private static partial Regex OrdinaryName();

    // Lower-case words joined by '.' or '/': a host, an API group or version, a package or a path (rbac.authorization.k8s.io,
    // autoscaling/v2beta2). Generated secrets mix cases or have no separators.
    [GeneratedRegex(@"^[a-z0-9-]+(?:[./][a-z0-9-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedOrPathName();

    [GeneratedRegex(@"^[A-Za-z_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyLetters();
}
