using System.Security;
using Microsoft.Build.Evaluation;

namespace Coco.InitData.Targets.Tests;

/// <summary>
/// One shared props file above two projects, as a Directory.Build.props shared by many workloads: every path means
/// what it means to MSBuild (an Include is its %(FullPath), metadata and properties are relative to the project being
/// built), and every finding is located where MSBuild's evaluation says the declaration is.
/// </summary>
[Collection(nameof(MSBuildCollection))]
public sealed class SharedDeclarationTests : IDisposable
{
    private readonly TempDirectory _root = new("cid-shared");

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Paths_in_a_shared_props_file_resolve_against_each_project_being_built()
    {
        WriteProps("""
            <PropertyGroup><InitDataKbsCertificate>certs/kbs.pem</InitDataKbsCertificate></PropertyGroup>
            <ItemGroup>
              <InitDataCertificate Include="certs/extra.pem" />
              <InitDataRegistry Include="registry.example.internal:5000" CertificateAuthority="certs/registry.pem" />
            </ItemGroup>
            """);
        var decoys = WriteCertificates(string.Empty, "Props");
        var one = WriteCertificates("one", "One");
        var two = WriteCertificates("two", "Two");

        var documents = new[] { "one", "two" }.Select(p => BuildAndRead(p)).ToList();

        AssertEmbeds(documents[0], one);
        AssertEmbeds(documents[1], two);
        Assert.All(documents, d => Assert.All(decoys, decoy => Assert.DoesNotContain(FirstBase64Line(decoy), d, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_glob_expands_in_the_project_folder_and_MSBuildThisFileDirectory_points_at_the_props_folder()
    {
        WriteProps("""
            <ItemGroup>
              <InitDataCertificate Include="certs/*.pem" />
              <InitDataCertificate Include="$(MSBuildThisFileDirectory)shared-certs/*.pem" />
            </ItemGroup>
            """);
        var project = WriteCertificates("one", "One");
        var shared = _root.Write("shared-certs/corporate.pem", TestPki.Root("Corporate Root").Pem);

        var document = BuildAndRead("one");

        AssertEmbeds(document, project);
        Assert.Contains(FirstBase64Line(File.ReadAllText(shared)), document, StringComparison.Ordinal);
    }

    [Fact]
    public void A_glob_that_matches_nothing_is_a_warning_at_its_line_in_the_props_file_unless_a_condition_holds_it()
    {
        WriteProps("""
            <ItemGroup>
              <InitDataCertificate Include="certs/*.pem" />
              <InitDataCertificate Include="missing/*.pem" />
              <InitDataCertificate Include="optional/*.pem" Condition="Exists('optional')" />
              <InitDataManifest Include="k8s/*.yaml" />
            </ItemGroup>
            """);
        WriteCertificates("one", "One");

        var log = BuildSucceeds("one");

        var dropped = log.Warnings.Where(w => w.Code == "CID1030").ToList();
        Assert.Equal(new[] { "missing/*.pem", "k8s/*.yaml" }, dropped.Select(w => w.Message!.Split('"')[1]));
        Assert.All(dropped, w => Assert.Equal(PropsPath, w.File));
        Assert.Equal(new[] { LineOf(PropsPath, "missing/*.pem"), LineOf(PropsPath, "k8s/*.yaml") }, dropped.Select(w => w.LineNumber));
    }

    [Fact]
    public void Findings_point_at_the_definition_MSBuild_used_across_imports_and_conditions()
    {
        WriteProps("""
            <PropertyGroup>
              <InitDataAlgorithm Condition="'$(Flavour)' == 'strict'">sha512</InitDataAlgorithm>
              <InitDataAlgorithm Condition="'$(Flavour)' != 'strict'">sha-256</InitDataAlgorithm>
            </PropertyGroup>
            <ItemGroup>
              <InitDataRegistry Include="https://registry.example.internal" />
              <InitDataRegistry Include="%2A.wildcard.example" />
              <InitDataRegistry Include="*.globbed.example" />
            </ItemGroup>
            """);
        WriteCertificates("one", "One");

        var log = BuildFails("one");

        var algorithm = Assert.Single(log.Errors, e => e.Code == "CID1002");
        Assert.Equal((PropsPath, LineOf(PropsPath, "sha-256")), (algorithm.File, algorithm.LineNumber));
        var registry = Assert.Single(log.Errors, e => e.Code == "CID1001");
        Assert.Equal((PropsPath, LineOf(PropsPath, "https://registry")), (registry.File, registry.LineNumber));
        var glob = Assert.Single(log.Errors, e => e.Code == "CID1028");
        Assert.Equal((PropsPath, LineOf(PropsPath, "*.globbed")), (glob.File, glob.LineNumber));
    }

    [Fact]
    public void A_property_from_the_command_line_names_the_project_without_a_line()
    {
        WriteProps(string.Empty);
        WriteCertificates("one", "One");

        var log = BuildFails("one", new Dictionary<string, string> { ["InitDataAlgorithm"] = "md5" });

        var algorithm = Assert.Single(log.Errors, e => e.Code == "CID1002");
        Assert.Equal((ProjectPath("one"), 0), (algorithm.File, algorithm.LineNumber));
    }

    [Fact]
    public void A_project_with_the_package_and_nothing_declared_warns_and_writes_nothing()
    {
        WriteProps(string.Empty);
        _root.Write("one/app.proj", Project(kbsUrl: false));

        var log = BuildSucceeds("one");

        var warning = Assert.Single(log.Warnings, w => w.Code == "CID1031");
        Assert.Equal(ProjectPath("one"), warning.File);
        Assert.Contains("InitDataRegistry", warning.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root.Path, "one", "bin", "initdata", "initdata.toml")));
        // Once said, a project that declares nothing costs one up-to-date check: no task on the next build.
        var (_, again) = Build("one");
        Assert.Empty(again.TasksStarted);
    }

    private string PropsPath => Path.Combine(_root.Path, "Directory.Build.props");

    private string ProjectPath(string name) => Path.Combine(_root.Path, name, "app.proj");

    private void WriteProps(string body) => _root.Write("Directory.Build.props", $"""
        <Project>
        {body}
        </Project>
        """);

    // The project imports the props explicitly (the SDK does the same for Directory.Build.props) and builds in-process.
    private static string Project(bool kbsUrl = true) => $"""
        <Project>
          <PropertyGroup>
            <OutDir>bin/</OutDir>
            <IntermediateOutputPath>obj/</IntermediateOutputPath>
            <InitDataTasksAssembly>{SecurityElement.Escape(Path.Combine(AppContext.BaseDirectory, "Coco.InitData.Tasks.dll"))}</InitDataTasksAssembly>
            {(kbsUrl ? "<InitDataKbsUrl>http://kbs.example.internal:8080</InitDataKbsUrl>" : string.Empty)}
            <InitDataValidationTime>2026-06-01T00:00:00Z</InitDataValidationTime>
          </PropertyGroup>
          <Import Project="{SecurityElement.Escape(RepositoryPaths.PropsFile)}" />
          <Import Project="../Directory.Build.props" />
          <Target Name="CopyFilesToOutputDirectory" />
          <Target Name="Build" DependsOnTargets="CopyFilesToOutputDirectory" />
          <Import Project="{SecurityElement.Escape(RepositoryPaths.TargetsFile)}" />
        </Project>
        """;

    // kbs.pem, extra.pem and registry.pem under <folder>/certs, each a distinct CA named after the folder.
    private List<string> WriteCertificates(string folder, string name)
    {
        if (folder.Length > 0 && !File.Exists(ProjectPath(folder)))
        {
            _root.Write(Path.Combine(folder, "app.proj"), Project());
        }

        return new[] { "kbs", "extra", "registry" }
            .Select(kind => TestPki.Root($"{name} {kind} CA").Pem)
            .Select((pem, i) => { _root.Write(Path.Combine(folder, "certs", new[] { "kbs", "extra", "registry" }[i] + ".pem"), pem); return pem; })
            .ToList();
    }

    private (bool Success, BuildRecorder Log) Build(string name, IDictionary<string, string>? globalProperties = null)
    {
        using var collection = new ProjectCollection(globalProperties ?? new Dictionary<string, string>());
        var instance = collection.LoadProject(ProjectPath(name)).CreateProjectInstance();
        var recorder = new BuildRecorder();
        var success = instance.Build(new[] { "Build" }, new[] { recorder });
        return (success, recorder);
    }

    private BuildRecorder BuildSucceeds(string name)
    {
        var (success, log) = Build(name);
        Assert.True(success, string.Join("\n", log.Errors.Select(e => e.Message)));
        return log;
    }

    private BuildRecorder BuildFails(string name, IDictionary<string, string>? globalProperties = null)
    {
        var (success, log) = Build(name, globalProperties);
        Assert.False(success);
        return log;
    }

    private string BuildAndRead(string name)
    {
        BuildSucceeds(name);
        return File.ReadAllText(Path.Combine(_root.Path, name, "bin", "initdata", "initdata.toml"));
    }

    private static void AssertEmbeds(string document, IEnumerable<string> pems) =>
        Assert.All(pems, pem => Assert.Contains(FirstBase64Line(pem), document, StringComparison.Ordinal));

    // The first base64 line after BEGIN is unique to the certificate and appears verbatim in the document.
    private static string FirstBase64Line(string pem) => pem.Split('\n')[1];

    private static int LineOf(string file, string text) => Array.FindIndex(File.ReadAllLines(file), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
