using Coco.InitData.Artifacts;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Manifests;
using Coco.InitData.Specification;

namespace Coco.InitData.Tests.Generation;

/// <summary>The one entry point of the task and the tool: what it reads, writes and says.</summary>
public sealed class InitDataPipelineTests
{
    [Fact]
    public void The_files_read_are_exactly_the_files_the_generation_opened_each_once()
    {
        using var dir = new TempDirectory();
        dir.Write("ca.pem", TestPki.Root().Pem);
        dir.Write("policy.rego", "package agent_policy\n");
        dir.Write("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n");
        dir.Write("unrelated.pem", TestPki.Root("Other").Pem);
        var spec = WithPolicy(Specs.WithKbs(dir.Path, Specs.Registry(dir.Path, "a.example", "ca.pem"), Specs.Registry(dir.Path, "b.example", "ca.pem")), dir.Path);

        var outcome = InitDataPipeline.Run(new GenerationRequest { Specification = spec, Manifests = new[] { Manifest(dir.Path, "k8s/pod.yaml") }, OutputPath = Path.Combine(dir.Path, "out") });

        Assert.NotNull(outcome.WrittenFiles);
        Assert.Equal(
            new[] { Path.Combine(dir.Path, "ca.pem"), Path.Combine(dir.Path, "policy.rego"), Path.Combine(dir.Path, "k8s", "pod.yaml") }.Order(StringComparer.Ordinal),
            outcome.FilesRead.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_an_input_too_so_that_its_appearance_triggers_the_next_build()
    {
        using var dir = new TempDirectory();

        var outcome = InitDataPipeline.Run(new GenerationRequest { Specification = Specs.WithKbs(dir.Path, Specs.Registry(dir.Path, "a.example", "missing.pem")), OutputPath = Path.Combine(dir.Path, "out") });

        Assert.Null(outcome.WrittenFiles);
        Assert.Null(outcome.Summary);
        Assert.Contains(outcome.Diagnostics, d => d.Code == "CID1008");
        Assert.Equal(Path.Combine(dir.Path, "missing.pem"), Assert.Single(outcome.FilesRead));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void The_summary_shows_the_document_relative_to_the_project_inside_it_and_in_full_outside_it()
    {
        using var dir = new TempDirectory();
        using var elsewhere = new TempDirectory();
        dir.Write("ca.pem", TestPki.Root().Pem);
        var spec = Specs.WithKbs(dir.Path, Specs.Registry(dir.Path, "a.example", "ca.pem"));

        var inside = InitDataPipeline.Run(new GenerationRequest { Specification = spec, OutputPath = Path.Combine(dir.Path, "bin", "initdata") });
        var outside = InitDataPipeline.Run(new GenerationRequest { Specification = spec, OutputPath = elsewhere.Path });

        Assert.Equal($"InitData: 1 registry, 1 certificate -> bin/initdata/initdata.toml {inside.Digest}", inside.Summary);
        Assert.Equal($"InitData: 1 registry, 1 certificate -> {Path.Combine(elsewhere.Path, "initdata.toml")} {outside.Digest}", outside.Summary);
        Assert.Matches("^sha256:[0-9a-f]{64}$", inside.Digest);
    }

    [Fact]
    public void Nothing_declared_is_a_warning_at_the_project_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var at = new SourceLocation(Path.Combine(dir.Path, "app.csproj"));

        var outcome = InitDataPipeline.Run(new GenerationRequest { Specification = new InitDataSpecification { BaseDirectory = dir.Path }, OutputPath = Path.Combine(dir.Path, "out"), DeclaredIn = at });

        var warning = Assert.Single(outcome.Diagnostics);
        Assert.Equal("CID1031", warning.Code);
        Assert.Equal(at, warning.Location);
        Assert.Empty(outcome.WrittenFiles!);
        Assert.Null(outcome.Summary);
        Assert.Empty(outcome.FilesRead);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void Declaring_nothing_after_a_generation_removes_its_files_and_keeps_the_users()
    {
        using var dir = new TempDirectory();
        dir.Write("ca.pem", TestPki.Root().Pem);
        dir.Write("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n");
        var output = Path.Combine(dir.Path, "out");
        var generated = InitDataPipeline.Run(new GenerationRequest
        {
            Specification = Specs.WithKbs(dir.Path, Specs.Registry(dir.Path, "registry.example.internal:5000", "ca.pem")),
            Manifests = new[] { Manifest(dir.Path, "k8s/pod.yaml") },
            OutputPath = output,
        });
        Assert.Contains(Path.Combine(output, "k8s", "pod.yaml"), generated.WrittenFiles!);
        Assert.Contains(generated.WrittenFiles!, f => f.Contains("certs.d", StringComparison.Ordinal));
        var notes = dir.Write("out/notes.txt", "the user's");

        var outcome = InitDataPipeline.Run(new GenerationRequest { Specification = new InitDataSpecification { BaseDirectory = dir.Path }, OutputPath = output });

        Assert.Equal("CID1031", Assert.Single(outcome.Diagnostics).Code);
        Assert.Empty(outcome.WrittenFiles!);
        Assert.Null(outcome.Digest);
        Assert.Empty(outcome.FilesRead);
        Assert.All(generated.WrittenFiles!, f => Assert.False(File.Exists(f), f));
        Assert.False(File.Exists(Path.Combine(output, SetBookkeeping.ListFileName)));
        Assert.False(Directory.Exists(Path.Combine(output, "k8s")));
        Assert.False(Directory.Exists(Path.Combine(output, "containerd")));
        Assert.Equal("the user's", File.ReadAllText(notes));
    }

    [Fact]
    public async Task Two_generations_at_once_record_only_their_own_files()
    {
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        one.Write("ca.pem", TestPki.Root("One").Pem);
        two.Write("ca.pem", TestPki.Root("Two").Pem);
        GenerationOutcome Run(TempDirectory dir) => InitDataPipeline.Run(new GenerationRequest
        {
            Specification = Specs.WithKbs(dir.Path, Enumerable.Range(0, 20).Select(i => Specs.Registry(dir.Path, $"r{i}.example", "ca.pem")).ToArray()),
            OutputPath = Path.Combine(dir.Path, "out"),
        });

        var outcomes = await Task.WhenAll(Task.Run(() => Run(one)), Task.Run(() => Run(two)));

        Assert.Equal(Path.Combine(one.Path, "ca.pem"), Assert.Single(outcomes[0].FilesRead));
        Assert.Equal(Path.Combine(two.Path, "ca.pem"), Assert.Single(outcomes[1].FilesRead));
    }

    private static InitDataSpecification WithPolicy(InitDataSpecification spec, string directory) => new()
    {
        BaseDirectory = spec.BaseDirectory,
        Registries = spec.Registries,
        Settings = new Dictionary<Settings.SettingDefinition, SettingValue>(spec.Settings) { [Settings.SettingCatalog.PolicyFile] = Specs.Setting("InitDataPolicyFile", Path.Combine(directory, "policy.rego")) },
        Clock = spec.Clock,
    };

    private static ManifestDeclaration Manifest(string directory, string path) =>
        new() { Path = path, OutputName = Path.GetFileName(path), DeclaredAt = Specs.Item(directory, 20), BaseDirectory = directory };
}
