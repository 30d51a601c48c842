using Coco.InitData.Generation;
using Coco.InitData.SecretDetection;
using Coco.InitData.Specification;
using Xunit.Abstractions;

namespace Coco.InitData.Tests.SecretDetection;

/// <summary>
/// A secret with no prefix of its own, assigned to a name that says what it is. The reference is gitleaks' generic-api-key
/// rule (gitleaks v8.30.0, cmd/generate/config/rules/generic.go with utils/generate.go's assignment shape): its keywords,
/// its entropy threshold of 3.5 bits (a value at or below it passes) and its stop-word check. The policy shapes are modelled
/// on Kata's genpolicy rules (kata-containers 4.1, src/tools/genpolicy/rules.rego and genpolicy-settings.json) and on the
/// OPA Gatekeeper library and conftest examples; no upstream file is copied.
/// </summary>
public sealed class GenericSecretAssignmentTests
{
    private readonly ITestOutputHelper _output;

    public GenericSecretAssignmentTests(ITestOutputHelper output) => _output = output;

    /// <summary>Assignments of generated secrets in the shapes gitleaks' rule tests generate, random text with a fixed seed.</summary>
    public static IEnumerable<string> Assignments()
    {
        var random = new RandomText(23);
        const string alnum = RandomText.Alphanumeric;
        const string hex = "0123456789abcdef";
        yield return "db_password = \"" + random.Of(alnum, 24) + "\"";
        yield return "# token: " + random.Of(hex, 32);
        yield return "#token:" + random.Of(hex, 32);
        yield return "\"client_secret\" : \"" + random.Of(hex, 64) + "\",";
        yield return "passwd = " + random.Of(alnum + "-_.=", 30);
        yield return "creds = " + random.Of(alnum, 30);
        yield return "private-key: " + random.Of(alnum + "-_.=", 100);
        yield return "mySecretString=" + random.Of(alnum, 30);
        yield return "some_api_token_123 = \"" + random.Of(alnum, 60) + "\"";
        yield return "\"credentials\" : \"" + random.Of(hex, 64) + "\"";
        yield return "registry_auth := \"" + random.Of("abcdefghijklmnopqrstuvwxyz0123456789+/", 40) + "==\"";
        yield return "access_token = '" + random.Of(alnum, 40) + "'";
        yield return "    \"mirror_password\": \"" + random.Of(alnum, 16) + "\",";
        yield return "API_KEY=" + random.Of(alnum, 32);
    }

    /// <summary>Lines of the shapes real Rego policies hold, with the words that put a keyword next to a value.</summary>
    public static IEnumerable<string> PolicyLines()
    {
        var random = new Random(25);
        string Hex(int length) => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[random.Next(16)]));
        for (var i = 0; i < 20; i++)
        {
            // genpolicy's policy_data: layer digests, verity hashes, keys of annotations, sandbox names.
            yield return "        \"digest\": \"sha256:" + Hex(64) + "\",";
            yield return "    \"verity_hash\": \"" + Hex(64) + "\"";
            yield return "    \"key\": \"sha256:" + Hex(64) + "\",";
            yield return "key := \"io.katacontainers.pkg.oci.bundle_path\"";
            yield return "sandbox_name := \"coco-demo-" + Hex(5) + "\"";
        }

        yield return "    key == \"io.kubernetes.cri.sandbox-id\"";
        yield return "    some key, value in input.OCI.Annotations";
        yield return "    access := input.request.object.spec.containers[_].securityContext";
        yield return "    token := input.OCI.Mounts[_].source";
        yield return "    api_version := \"admission.k8s.io/v1\"";
        yield return "    secret_name := \"registry-pull-secret-01\"";
        yield return "    keyring := \"/etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release\"";
        yield return "    authorized_keys := \"/home/core/.ssh/authorized_keys2\"";
        yield return "    key_id := \"8c7a1f0e-4b2d-4f6a-9e3c-1d5b7a9c0e2f\"";
        yield return "    public_key := \"ssh-ed25519-AAAAC3NzaC1lZDI1NTE5\"";
        yield return "    service_account_token_path := \"/var/run/secrets/kubernetes.io/serviceaccount/token\"";
        yield return "    \"^KUBERNETES_SERVICE_PORT_HTTPS=443$\",";
        yield return "    auth_type := \"bearer-token-v2\"";
        yield return "    msg := sprintf(\"container <%v> has no API key configured\", [container.name])";
        yield return "    secret_volume := \"default-token-x7k2p\"";
        yield return "    access_mode := \"ReadWriteOnce\"";
        yield return "default AllowRequestsFailingPolicy := false";
        yield return "    api_groups := [\"apps\", \"batch\", \"networking.k8s.io\"]";
        yield return "      \"apiGroup\": \"rbac.authorization.k8s.io\","; // the two shapes the Gatekeeper library's tests raised
        yield return "    inp := {\"parameters\": {\"deprecatedAPI\": \"autoscaling/v2beta2\", \"targetAPI\": \"autoscaling/v2\"}}";
    }

    [SkippableFact]
    public void A_generated_secret_assigned_to_a_credential_name_is_found_and_policy_shapes_are_not()
    {
        var missed = Assignments().Where(a => InlineSecrets.Find(a) is null).ToList();
        var alarms = PolicyLines().Where(l => InlineSecrets.Find(l) is not null).Select(l => l + " -> " + InlineSecrets.Find(l)).ToList();

        Assert.True(missed.Count == 0, "missed: " + string.Join(" | ", missed));
        Assert.True(alarms.Count == 0, "false alarms: " + string.Join(" | ", alarms));
    }

    [SkippableTheory]
    [InlineData("db_password = \"aaaaaaaaaaaaaaaa\"")] // entropy 0
    [InlineData("password = \"abababababab1212\"")] // 2 bits: a pattern, not a generated value
    [InlineData("token: registrytokenvalue")] // letters only: gitleaks' own allowance
    [InlineData("db_password = \"example-Z7q9XkP2mW4v\"")] // a stop word marks a documented placeholder
    [InlineData("secret_name := \"Z7q9XkP2mW4vR8sT\"")] // a name, not a secret, whatever it is called
    [InlineData("password = \"Z7q9XkP2m\"")] // 9 characters: under the rule's 10
    public void Values_the_reference_rule_lets_pass_are_not_secrets(string line)
    {
        Assert.Null(GenericSecretAssignment.Find(line));
    }

    [SkippableFact]
    public void A_password_assignment_in_the_policy_file_fails_generation_at_its_line_and_is_never_printed()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("policy.rego", "package agent_policy\n\ndb_password = \"Qm8vT2xK9pL4wZ7rN3sY\"\n# token: 9f86d081884c7d659a2feaa0c55ad015\n");
        var spec = new InitDataSpecification { BaseDirectory = dir.Path, PolicyFile = Specs.Setting("InitDataPolicyFile", "policy.rego") };

        var result = InitDataGenerator.Generate(spec);

        Assert.Null(result.Artifacts);
        Assert.Equal(new[] { 3, 4 }, result.Diagnostics.Where(d => d.Code == "CID1061").Select(d => d.Location.Line));
        Assert.All(result.Diagnostics, d => Assert.Equal(path, d.Location.File));
        var text = string.Join("\n", result.Diagnostics.Select(d => d.Message));
        Assert.DoesNotContain("Qm8vT2xK9pL4wZ7rN3sY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("9f86d081884c7d659a2feaa0c55ad015", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// The false-alarm count on real policies, for the record: set COCO_REGO_CORPUS to a folder of .rego files (Kata's
    /// genpolicy rules.rego, the OPA Gatekeeper library, conftest's examples) to measure; every alarm is printed so it can
    /// be judged. Not a gate: the corpus is not in this repository.
    /// </summary>
    [SkippableFact]
    public void Real_rego_policies_raise_no_alarm()
    {
        var corpus = Environment.GetEnvironmentVariable("COCO_REGO_CORPUS");
        Skip.If(string.IsNullOrEmpty(corpus) || !Directory.Exists(corpus), "COCO_REGO_CORPUS does not name a folder of .rego files");

        var files = Directory.GetFiles(corpus!, "*.rego", SearchOption.AllDirectories);
        var lines = 0;
        var alarms = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            lines += text.Split('\n').Length;
            alarms.AddRange(InlineSecrets.FindInText(text).Select(a => $"{Path.GetRelativePath(corpus!, file)}({a.Line}): {a.Reason}: {a.Masked}"));
        }

        _output.WriteLine($"{files.Length} files, {lines} lines, {alarms.Count} alarms");
        alarms.ForEach(_output.WriteLine);
        Assert.Empty(alarms);
    }
}
