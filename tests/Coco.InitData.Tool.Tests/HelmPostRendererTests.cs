using System.Text.Json;
using System.Text.RegularExpressions;
using Coco.InitData.Tool.Tests.Infrastructure;

namespace Coco.InitData.Tool.Tests;

/// <summary>
/// <c>coco-initdata annotate -</c> as a Helm post-renderer, run with docs/tool.md's arguments on the streams Helm
/// hands a post-renderer (Helm itself is not installable here). Helm 3.21 (pkg/postrender/exec.go) runs the
/// binary with stdin and stdout and stops on a non-zero exit; Helm 4.2 runs a postrenderer/v1 plugin the same way
/// (internal/plugin/runtime_subprocess.go). A chart's stream is modelled on <c>helm template</c> of a chart made by
/// <c>helm create</c> (pkg/chartutil/create.go; pkg/action/action.go frames each document as
/// <c>---\n# Source: NAME\nCONTENT\n</c>).
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(ToolCollection.Name)]
public sealed class HelmPostRendererTests(InstalledTool tool) : ToolTestsWithAFolder(tool)
{
    private const string Key = "io.katacontainers.config.hypervisor.cc_init_data";

    // helm template web ./web (Helm 3): ServiceAccount, Service, Deployment, then the test Pod hook.
    private static readonly string[] HelmTemplateDocuments =
    [
        "---\n# Source: web/templates/serviceaccount.yaml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  labels:\n    helm.sh/chart: web-0.1.0\n    app.kubernetes.io/name: web\n    app.kubernetes.io/instance: web\n    app.kubernetes.io/version: \"1.16.0\"\n    app.kubernetes.io/managed-by: Helm\nautomountServiceAccountToken: true\n",
        "---\n# Source: web/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    helm.sh/chart: web-0.1.0\n    app.kubernetes.io/name: web\n    app.kubernetes.io/instance: web\n    app.kubernetes.io/managed-by: Helm\nspec:\n  type: ClusterIP\n  ports:\n    - port: 80\n      targetPort: http\n      protocol: TCP\n      name: http\n  selector:\n    app.kubernetes.io/name: web\n    app.kubernetes.io/instance: web\n",
        "---\n# Source: web/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    helm.sh/chart: web-0.1.0\n    app.kubernetes.io/name: web\n    app.kubernetes.io/instance: web\n    app.kubernetes.io/managed-by: Helm\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: web\n      app.kubernetes.io/instance: web\n  template:\n    metadata:\n      labels:\n        helm.sh/chart: web-0.1.0\n        app.kubernetes.io/name: web\n        app.kubernetes.io/instance: web\n        app.kubernetes.io/managed-by: Helm\n    spec:\n      serviceAccountName: web\n      securityContext:\n        {}\n      containers:\n        - name: web\n          securityContext:\n            {}\n          image: \"nginx:1.16.0\"\n          imagePullPolicy: IfNotPresent\n          ports:\n            - name: http\n              containerPort: 80\n              protocol: TCP\n          livenessProbe:\n            httpGet:\n              path: /\n              port: http\n          resources:\n            {}\n",
        "---\n# Source: web/templates/tests/test-connection.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: \"web-test-connection\"\n  labels:\n    helm.sh/chart: web-0.1.0\n  annotations:\n    \"helm.sh/hook\": test\nspec:\n  containers:\n    - name: wget\n      image: busybox\n      command: ['wget']\n      args: ['web:80']\n  restartPolicy: Never\n",
    ];

    // The same chart as Helm 4 hands it over: kyaml's re-serialised stream (kio.StringAll), documents sorted by
    // file name, each carrying postrenderer.helm.sh/postrender-filename, hooks included (pkg/action/action.go).
    private static readonly string[] Helm4Documents =
    [
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app.kubernetes.io/name: web\n  annotations:\n    postrenderer.helm.sh/postrender-filename: 'web/templates/deployment.yaml'\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: web\n  template:\n    metadata:\n      labels:\n        app.kubernetes.io/name: web\n    spec:\n      serviceAccountName: web\n      securityContext: {}\n      containers:\n      - name: web\n        image: \"nginx:1.16.0\"\n        resources: {}\n",
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    postrenderer.helm.sh/postrender-filename: 'web/templates/service.yaml'\nspec:\n  type: ClusterIP\n  ports:\n  - port: 80\n    targetPort: http\n",
        "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  annotations:\n    postrenderer.helm.sh/postrender-filename: 'web/templates/serviceaccount.yaml'\nautomountServiceAccountToken: true\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"web-test-connection\"\n  annotations:\n    \"helm.sh/hook\": test\n    postrenderer.helm.sh/postrender-filename: 'web/templates/tests/test-connection.yaml'\nspec:\n  containers:\n  - name: wget\n    image: busybox\n    command: ['wget']\n    args: ['web:80']\n  restartPolicy: Never\n",
    ];

    public static TheoryData<string> Streams => new() { "helm template (Helm 3)", "kyaml stream (Helm 4)" };

    [SkippableTheory]
    [MemberData(nameof(Streams))]
    public void Every_document_comes_back_with_the_annotation_on_each_pod_template_and_nothing_else_changed(string shape)
    {
        var (documents, separator) = shape.StartsWith("helm template", StringComparison.Ordinal) ? (HelmTemplateDocuments, string.Empty) : (Helm4Documents, "---\n");
        var stream = string.Join(separator, documents);
        var value = Generate();

        var result = PostRender(stream, ReadmePostRendererArguments());

        Assert.True(result.ExitCode == 0, result.Output);
        var output = result.StandardOutput;
        var outputDocuments = SplitLike(output, separator);
        Assert.Equal(documents.Length, outputDocuments.Count);
        for (var i = 0; i < documents.Length; i++)
        {
            var template = documents[i].Contains("kind: Deployment", StringComparison.Ordinal) || documents[i].Contains("kind: Pod", StringComparison.Ordinal);
            if (template)
            {
                AssertOnlyTheAnnotationWasAdded(documents[i], outputDocuments[i], value);
            }
            else
            {
                Assert.Equal(documents[i], outputDocuments[i]);
            }
        }

        // PyYAML: exactly the two pod templates carry exactly the value; no object's own metadata but the Pod's.
        var objects = PythonOracle.Run("own_and_template_annotations.py", Folder.Write("rendered.yaml", output)).EnumerateArray().ToList();
        Assert.Equal(4, objects.Count);
        foreach (var o in objects)
        {
            var kind = o.GetProperty("kind").GetString();
            var template = o.GetProperty("template");
            Assert.Equal(kind is "Deployment" or "Pod" ? value : null, template.ValueKind == JsonValueKind.Object && template.TryGetProperty(Key, out var v) ? v.GetString() : null);
            if (kind != "Pod")
            {
                Assert.False(o.GetProperty("own").TryGetProperty(Key, out _), kind + "'s own metadata got the annotation");
            }
        }

        var gate = Tool.RunWith(Folder.Path, null, output, "verify", "-", "--expect-digest", Path.Combine(Folder.Path, InitDataFolder, "initdata.json"));
        Assert.True(gate.ExitCode == 0, gate.Output);
    }

    public static TheoryData<string, string, string> Failures => new()
    {
        // A template that rendered a broken line in the middle of the stream.
        { "a broken document", "image: \"nginx:1.16.0\"\n", "image: \"nginx:1.16.0\n" },
        // A template that rendered a bare list, not an object.
        { "a document that is not an object", "---\n# Source: web/templates/service.yaml\n", "---\n# Source: web/templates/notes.yaml\n- not\n- an object\n---\n# Source: web/templates/service.yaml\n" },
        { "an --initdata that does not exist", string.Empty, "missing.annotation" },
        { "an --initdata that is a folder", string.Empty, "." },
        { "an --initdata that is no initdata document", string.Empty, "plain.toml" },
    };

    [SkippableTheory]
    [MemberData(nameof(Failures))]
    public void Any_error_writes_nothing_on_standard_output_and_exits_non_zero_so_helm_stops(string failure, string find, string replace)
    {
        Generate();
        Folder.Write("plain.toml", "x = 1\n");
        var stream = string.Concat(HelmTemplateDocuments);
        var arguments = ReadmePostRendererArguments();
        if (find.Length > 0)
        {
            Assert.Contains(find, stream, StringComparison.Ordinal);
            stream = stream.Replace(find, replace, StringComparison.Ordinal);
        }
        else
        {
            arguments[^1] = replace;
        }

        var result = PostRender(stream, arguments);

        Assert.True(result.ExitCode != 0, failure + ": exit 0\n" + result.Output);
        Assert.True(result.StandardOutput.Length == 0, failure + ": wrote to standard output:\n" + result.StandardOutput);
        Assert.Matches(@"error CID\d{4}: ", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Helm_3_template_prints_hooks_unannotated_where_the_gate_names_them_and_annotate_on_the_pipe_passes()
    {
        Generate();
        var expect = Path.Combine(Folder.Path, InitDataFolder, "initdata.json");
        // Helm 3.21 cmd/helm/template.go: the post-rendered manifests, then each hook as the chart rendered it.
        var manifests = PostRender(string.Concat(HelmTemplateDocuments[..3]), ReadmePostRendererArguments());
        Assert.True(manifests.ExitCode == 0, manifests.Output);
        var printed = manifests.StandardOutput.TrimEnd('\n') + "\n" + HelmTemplateDocuments[3];

        var gate = Tool.RunWith(Folder.Path, null, printed, "verify", "-", "--expect-digest", expect);
        var piped = PostRender(printed, ReadmePostRendererArguments());
        var gateAfterPipe = Tool.RunWith(Folder.Path, null, piped.StandardOutput, "verify", "-", "--expect-digest", expect);

        Assert.Equal(1, gate.ExitCode);
        Assert.Contains("Pod/web-test-connection", gate.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Deployment/web", gate.StandardError, StringComparison.Ordinal);
        Assert.True(gateAfterPipe.ExitCode == 0, gateAfterPipe.Output);
    }

    [SkippableFact]
    public void An_unreadable_initdata_file_writes_nothing_on_standard_output()
    {
        Generate();
        var locked = Path.Combine(Folder.Path, InitDataFolder, "initdata.annotation");
        if (OperatingSystem.IsWindows())
        {
            throw new SkipException("file modes are Unix's");
        }

        File.SetUnixFileMode(locked, UnixFileMode.None);
        Skip.If(CanRead(locked), "this user reads a file of mode 000 (root): the case cannot be made here");
        var arguments = ReadmePostRendererArguments();

        var result = PostRender(string.Concat(HelmTemplateDocuments), arguments);

        Assert.True(result.ExitCode != 0, result.Output);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Matches(@"error CID\d{4}: ", result.StandardError);
    }

    [SkippableFact]
    public void The_documented_helm_4_plugin_runs_the_same_command_line()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "tool.md"));
        var block = Regex.Match(readme, "```yaml\n(# coco-initdata-helm/plugin.yaml\n.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, "docs/tool.md has no coco-initdata-helm/plugin.yaml block");
        var plugin = Folder.Write("coco-initdata-helm/plugin.yaml", block.Groups[1].Value);
        var value = Generate();
        var stream = string.Concat(HelmTemplateDocuments);

        var prepared = PythonOracle.Run("helm_plugin.py", [plugin, .. ReadmePostRendererArguments()]);

        Assert.Empty(prepared.GetProperty("problems").EnumerateArray());
        Assert.Equal(ReadmePostRenderer(out _), prepared.GetProperty("name").GetString());
        var argv = prepared.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.Equal("coco-initdata", argv[0]); // found on PATH, where dotnet tool install --global puts it
        var result = PostRender(stream, argv[1..]);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(PostRender(stream, ReadmePostRendererArguments()).StandardOutput, result.StandardOutput);
        Assert.Contains(value, result.StandardOutput, StringComparison.Ordinal);
    }

    // helm create's values.yaml (Helm 3.21 pkg/chartutil/create.go), the keys a chart's templates read.
    private const string ChartValues = """
        replicaCount: 1
        image:
          repository: nginx
          pullPolicy: IfNotPresent
          tag: ""
        serviceAccount:
          create: true
          automount: true
          annotations: {}
          name: ""
        podAnnotations: {}
        podLabels: {}
        podSecurityContext: {}
        service:
          type: ClusterIP
          port: 80
        resources: {}
        """;

    [SkippableFact]
    public void The_values_fragment_sets_podAnnotations_as_helm_merges_it_and_nothing_else()
    {
        var value = Generate();
        var chart = Folder.Write("chart/values.yaml", ChartValues);

        var merged = PythonOracle.Run("helm_values.py", chart, Path.Combine(Folder.Path, InitDataFolder, "helm", "values.yaml"));
        var defaults = PythonOracle.Run("helm_values.py", chart);

        var annotations = merged.GetProperty("podAnnotations").EnumerateObject().ToList();
        Assert.Equal(Key, Assert.Single(annotations).Name);
        Assert.Equal(value, annotations[0].Value.GetString());
        var others = merged.EnumerateObject().Where(p => p.Name != "podAnnotations").Select(p => p.Name + "=" + p.Value.GetRawText());
        Assert.Equal(defaults.EnumerateObject().Where(p => p.Name != "podAnnotations").Select(p => p.Name + "=" + p.Value.GetRawText()), others);
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_values_fragment_keeps_the_users_own_podAnnotations_in_either_order(bool fragmentLast)
    {
        var value = Generate();
        var chart = Folder.Write("chart/values.yaml", ChartValues);
        var own = Folder.Write("mine.yaml", "podAnnotations:\n  prometheus.io/scrape: \"true\"\nreplicaCount: 3\n");
        var fragment = Path.Combine(Folder.Path, InitDataFolder, "helm", "values.yaml");

        var merged = PythonOracle.Run("helm_values.py", fragmentLast ? [chart, own, fragment] : [chart, fragment, own]);

        var annotations = merged.GetProperty("podAnnotations");
        Assert.Equal(value, annotations.GetProperty(Key).GetString());
        Assert.Equal("true", annotations.GetProperty("prometheus.io/scrape").GetString());
        Assert.Equal(3, merged.GetProperty("replicaCount").GetInt32());
    }

    // Where docs/tool.md's post-renderer writes: the build's initdata folder, relative to the folder Helm runs in.
    private const string InitDataFolder = "bin/Release/net10.0/initdata";

    /// <summary>Generates the set into the folder docs/tool.md names and returns the annotation value.</summary>
    private string Generate()
    {
        var generated = Tool.Run(Folder.Path, "generate", "--kbc-name", "offline_fs_kbc", "-o", InitDataFolder);
        Assert.True(generated.ExitCode == 0, generated.Output);
        return File.ReadAllText(Path.Combine(Folder.Path, InitDataFolder, "initdata.annotation"));
    }

    /// <summary>Runs the installed tool as Helm runs its post-renderer: in the current folder, the stream on standard input.</summary>
    private ProcessResult PostRender(string stream, string[] arguments) => Tool.RunWith(Folder.Path, null, stream, arguments);

    /// <summary>The --post-renderer-args of docs/tool.md's helm install line, in order.</summary>
    private static string[] ReadmePostRendererArguments()
    {
        ReadmePostRenderer(out var arguments);
        return arguments;
    }

    /// <summary>docs/tool.md's helm install line: the --post-renderer value, and each --post-renderer-args value.</summary>
    private static string ReadmePostRenderer(out string[] arguments)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "tool.md"));
        var line = Regex.Match(readme, @"^helm install web \./chart --post-renderer (?:.*\\\n)*.*$", RegexOptions.Multiline);
        Assert.True(line.Success, "docs/tool.md has no helm install --post-renderer line");
        var words = line.Value.Replace("\\\n", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        arguments = words.Select((w, i) => (w, i)).Where(x => x.i > 0 && words[x.i - 1] == "--post-renderer-args").Select(x => x.w).ToArray();
        Assert.Equal(words.Count(w => w == "--post-renderer-args"), arguments.Length);
        return words[Array.IndexOf(words, "--post-renderer") + 1];
    }

    /// <summary>Cuts a stream into its documents: at each "---" line, kept with its document when the input keeps it so.</summary>
    private static List<string> SplitLike(string output, string separator) => separator.Length == 0
        ? Regex.Split(output, "(?m)^(?=---\n)").Where(d => d.Length > 0).ToList()
        : Regex.Split(output, "(?m)^---\n").ToList();

    /// <summary>Every input line is still there in order; the only new lines are the annotation and an annotations: key right above it.</summary>
    private static void AssertOnlyTheAnnotationWasAdded(string input, string output, string value)
    {
        var expected = input.Split('\n');
        var actual = output.Split('\n');
        var next = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            if (next < expected.Length && actual[i] == expected[next])
            {
                next++;
                continue;
            }

            var isValue = actual[i].TrimStart() == Key + ": " + value;
            var opensAnnotations = actual[i].TrimStart() == "annotations:" && i + 1 < actual.Length && actual[i + 1].TrimStart() == Key + ": " + value;
            Assert.True(isValue || opensAnnotations, $"unexpected line {i + 1} '{actual[i]}' in:\n{output}");
        }

        Assert.True(next == expected.Length, $"input line '{(next < expected.Length ? expected[next] : string.Empty)}' is gone from:\n{output}");
        Assert.Single(actual, l => l.Contains(Key, StringComparison.Ordinal));
    }

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
