using System.Text;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.SecretDetection;
using Coco.InitData.Specification;
using Xunit.Abstractions;

namespace Coco.InitData.Tests.SecretDetection;

/// <summary>
/// The detector in both directions. The secrets follow the formats and sample strings of
/// gitleaks v8 (cmd/generate/config/rules/*.go generates its true positives from the same shapes with random text);
/// the ordinary values are what initdata really holds.
/// </summary>
public sealed class InlineSecretsTests
{
    private readonly ITestOutputHelper _output;

    public InlineSecretsTests(ITestOutputHelper output) => _output = output;

    /// <summary>Secrets in the shapes gitleaks publishes, random where gitleaks uses random text (fixed seed).</summary>
    public static IEnumerable<string> Secrets()
    {
        var random = new RandomText(14);
        const string alnum = RandomText.Alphanumeric;
        const string upper27 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        foreach (var prefix in new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_" })
        {
            yield return prefix + random.Of(alnum, 36);
        }

        yield return "github_pat_" + random.Of(alnum + "_", 82);
        yield return "glpat-" + random.Of(alnum + "-_", 20);
        foreach (var prefix in new[] { "AKIA", "ASIA", "ABIA", "ACCA" })
        {
            yield return prefix + random.Of(upper27, 16);
        }

        yield return "AKIALALEMEL33243OLIB"; // gitleaks' aws-access-token sample
        yield return "lbqlNh3FW5/3AwnBoWsYIJam9w2Us4ZOH5Un8RyR"; // gitleaks' aws-secret-access-key sample, as a whole value
        yield return "aws_secret_access_key = \"" + random.Of(alnum + "/+", 40) + "\"";
        yield return "xoxb-" + random.Of("0123456789", 12) + "-" + random.Of("0123456789", 12) + "-" + random.Of(alnum, 24);
        yield return "https://hooks.slack.com/services/" + random.Of(alnum, 44);
        yield return "sk-" + random.Of(alnum, 20) + "T3BlbkFJ" + random.Of(alnum, 20);
        yield return "sk-proj-" + random.Of(alnum + "_-", 58) + "T3BlbkFJ" + random.Of(alnum + "_-", 58);
        yield return "sk-ant-api03-" + random.Of(alnum + "_-", 93) + "AA";
        yield return "sk_live_" + random.Of(alnum, 24);
        yield return "AIza" + random.Of(alnum + "_-", 35);
        yield return "npm_" + random.Of(alnum, 36);
        yield return "pypi-AgEIcHlwaS5vcmc" + random.Of(alnum + "_-", 60);
        yield return "hf_" + random.Of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34);
        yield return "dckr_pat_" + random.Of(alnum + "_-", 27);
        yield return "dop_v1_" + random.Of("0123456789abcdef", 64);
        yield return "hvs." + random.Of(alnum + "_-", 95);
        yield return "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        yield return "-----BEGIN OPENSSH " + "PRIVATE KEY-----"; // split: no key-shaped text in the repository
        yield return "-----BEGIN " + "PRIVATE KEY-----";
        yield return "{\"auths\":{\"registry.example.internal:5000\":{\"auth\":\"dXNlcjpwYXNzd29yZA==\"}}}";
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"auths\":{\"registry.example.internal:5000\":{\"auth\":\"dXNlcjpwYXNzd29yZA==\"}}}"));
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes("{\n  \"auths\": {\n    \"r\": {\"auth\": \"YTpi\"}\n  }\n}"));
        yield return "dXNlcjpwYXNzd29yZA=="; // a bare docker auth value: base64 of user:password
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes("robot$ci:" + random.Of(alnum, 32)));
        yield return "https://admin:hunter2@registry.example.internal";
        yield return "Bearer " + random.Of(alnum, 40);
        yield return "https://kbs.example.internal/resource?token=abc";
        yield return "https://kbs.example.internal/resource?password=hunter2";
        yield return "https://storage.example.com/blob?sig=" + random.Of(alnum + "%", 43);
        yield return "https://storage.example.com/blob?key=" + random.Of(alnum, 32);
        yield return "https://s3.example.com/b?X-Amz-Signature=" + random.Of("0123456789abcdef", 64);
    }

    /// <summary>Ordinary values: host names, URLs, digests, identifiers, certificates, policies.</summary>
    public static IEnumerable<string> OrdinaryValues()
    {
        var hosts = new[]
        {
            "registry.example.internal:5000", "sk-kbs-production-01.example.com", "ghp-mirror.example.com", "AKIA-registry.example.com",
            "askia-registry.example.internal", "desk-0123456789abcdef.example", "10.0.0.5:5000", "[fd00::5]:5000", "docker.io", "quay.io/team/app",
            "*.example.internal", "helpdesk-registry-0123456789.example.internal", "task-runner-0123456789abcdef.svc", "registry-1.docker.io",
            "ghcr.io/confidential-containers/guest-components", "gcr.io/distroless/static", "mcr.microsoft.com/dotnet/aspnet:10.0",
        };
        foreach (var host in hosts)
        {
            yield return host;
            yield return "https://" + host.TrimStart('*', '.');
        }

        yield return "https://sk-kbs-production-01.example.com:8080";
        yield return "https://kbs.example.internal:8080/?key=default/registry";
        yield return "https://kbs.example.internal:8080/?sig=v1";
        yield return "kbs:///default/credential/test?tokenless=true";
        yield return "kbs:///default/security-policy/test";
        yield return "kbs:///default/sigstore-config/test";
        yield return "file:///etc/containers/policy.json";
        yield return "localhost,127.0.0.1,.svc,.cluster.local,10.0.0.0/8";
        yield return "io.katacontainers.config.hypervisor.cc_init_data";
        yield return "io.katacontainers.config.runtime.cc_init_data";
        yield return "http://proxy.example.internal:3128";
        var random = new Random(12);
        for (var i = 0; i < 50; i++)
        {
            var bytes = new byte[32];
            random.NextBytes(bytes);
            yield return "sha256:" + Convert.ToHexString(bytes).ToLowerInvariant();
            yield return "registry.example.internal:5000/app@sha256:" + Convert.ToHexString(bytes).ToLowerInvariant();
            yield return "containers := [\"quay.io/team/app:1.0@sha256:" + Convert.ToHexString(bytes).ToLowerInvariant() + "\"]";
            yield return Convert.ToHexString(bytes[..20]).ToLowerInvariant(); // a SHA-1 (a git commit)
            yield return new Guid(bytes[..16]).ToString();
        }

        for (var i = 0; i < 10; i++)
        {
            var pem = TestPki.Root("Ordinary Root " + i).Pem;
            yield return pem;
            foreach (var line in pem.Split('\n'))
            {
                yield return line;
            }
        }

        foreach (var rego in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "samples"), "*.rego", SearchOption.AllDirectories))
        {
            yield return File.ReadAllText(rego);
        }

        foreach (var vector in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "vectors"), "*.toml"))
        {
            yield return File.ReadAllText(vector);
        }
    }

    [Fact]
    public void Every_secret_format_is_caught_and_no_ordinary_value_is_taken_for_one()
    {
        var secrets = Secrets().ToList();
        var ordinary = OrdinaryValues().ToList();

        var missed = secrets.Where(s => InlineSecrets.Find(s) is null).ToList();
        var falseAlarms = ordinary.Where(v => InlineSecrets.FindInText(v).Any()).Select(v => v + " -> " + InlineSecrets.FindInText(v).First().Reason).ToList();

        _output.WriteLine($"secrets caught {secrets.Count - missed.Count}/{secrets.Count}; false alarms {falseAlarms.Count}/{ordinary.Count} ordinary values");
        Assert.True(missed.Count == 0, "missed: " + string.Join(" | ", missed));
        Assert.True(falseAlarms.Count == 0, "false alarms: " + string.Join(" | ", falseAlarms));
    }

    [Theory]
    [InlineData("ghp_", 35)]
    [InlineData("AKIA", 15)]
    public void A_token_one_character_short_of_its_format_is_not_a_secret(string prefix, int length)
    {
        Assert.Null(InlineSecrets.Find(prefix + new string('Q', 3) + "7Z2MNPQRSTVWXYZ234567ABCDEFGHJKLMNPQRS"[..(length - 3)]));
    }

    [Theory]
    [InlineData("package agent_policy\n\n# token for the mirror\ntoken := \"ghp_0123456789abcdefghijABCDEFGHIJklmnop\"\n", 4)]
    [InlineData("package agent_policy\n\n-----BEGIN EC " + "PRIVATE KEY-----\nMHcCAQEE\n-----END EC " + "PRIVATE KEY-----\n", 3)]
    [InlineData("package agent_policy\nauth := \"dXNlcjpwYXNzd29yZA==\"\n", 2)]
    public void A_secret_in_the_policy_file_fails_generation_at_its_file_and_line(string policy, int line)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("policy.rego", policy);
        var spec = new InitDataSpecification { BaseDirectory = dir.Path, PolicyFile = Specs.Setting("InitDataPolicyFile", "policy.rego") };

        var result = InitDataGenerator.Generate(spec);

        Assert.Null(result.Artifacts);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CID1061", error.Code);
        Assert.Equal(new SourceLocation(path, line), error.Location);
        Assert.DoesNotContain("0123456789abcdefghij", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_location_shaped_like_an_access_key_is_refused_at_its_item()
    {
        using var dir = new TempDirectory();
        var registry = Specs.Registry(dir.Path, "registry.example.internal:5000", line: 12);
        registry = new RegistryDeclaration
        {
            Name = registry.Name, DeclaredAt = registry.DeclaredAt, BaseDirectory = registry.BaseDirectory, Insecure = "true",
            Location = "AKIALALEMEL33243OLIB.example.internal:5000",
        };

        var result = InitDataGenerator.Generate(Specs.WithKbs(dir.Path, registry));

        var error = Assert.Single(result.Diagnostics, d => d.Code == "CID1061");
        Assert.Equal(12, error.Location.Line);
        Assert.Null(result.Artifacts);
    }

    [Fact]
    public void Query_parameters_named_like_secrets_but_not_one_are_not_user_information()
    {
        using var dir = new TempDirectory();
        var spec = Specs.WithKbs(dir.Path);
        spec = new InitDataSpecification
        {
            BaseDirectory = spec.BaseDirectory, KbsUrl = spec.KbsUrl, Clock = spec.Clock,
            ImageSecurityPolicyUri = Specs.Setting("InitDataImageSecurityPolicyUri", "kbs:///default/security-policy/test?tokenless=true"),
        };

        var result = InitDataGenerator.Generate(spec);

        Assert.False(result.HasErrors, string.Join(" | ", result.Diagnostics));
    }
}
