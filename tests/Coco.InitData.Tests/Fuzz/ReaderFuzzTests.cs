using System.Diagnostics;
using System.Text;
using Coco.InitData.Artifacts;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Coco.InitData.Documents;
using Coco.InitData.Manifests;
using Coco.InitData.SecretDetection;
using Coco.InitData.Transport;
using Xunit.Abstractions;

namespace Coco.InitData.Tests.Fuzz;

/// <summary>
/// Fuzz targets: mutated inputs for every reader of untrusted bytes (TOML document, annotation value, YAML
/// manifest, certificate file, the secret detector) and kills at random steps of an artifact write. A crash is any
/// exception out of a reader (a stack overflow ends the test process, which fails the run); a hang is an input that
/// takes longer than <see cref="HangLimit"/>. Short bounded mode by default (CI); a longer run by hand:
/// <c>COCO_FUZZ_ITERATIONS=20000 COCO_FUZZ_SEED=7 dotnet test tests/Coco.InitData.Tests --filter FullyQualifiedName~ReaderFuzzTests</c>.
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(5);

    private static readonly string[] Tokens =
    {
        "[", "]", "{", "}", "&a ", "*a", "&b [*a,*a,*a,*a]", "<<: *a", "\r\n", "\r\n\r\n", "\"\"\"", "'''", "\\u0000", "\0", "\t", ": ", "- ", "---\n",
        "-----BEGIN CERTIFICATE-----\n", "-----END CERTIFICATE-----\n", "-----BEGIN " + "PRIVATE KEY-----" /* split: no key-shaped text in the repository */, "H4sI", "==", "\u00ff", "\ud800", "%YAML 1.1\n",
        "!!binary ", "? ", "|\n", ">-\n", "version = \"0.1.0\"\n", "[data]\n", "algorithm = \"sha384\"\n", "AKIA", "ghp_", "?token=", "user:pass@",
    };

    private readonly ITestOutputHelper _output;

    public ReaderFuzzTests(ITestOutputHelper output) => _output = output;

    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("COCO_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 300;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("COCO_FUZZ_SEED"), out var s) ? s : 14;

    [Fact]
    public async Task Every_reader_survives_mutated_inputs_without_a_crash_or_a_hang()
    {
        var random = new Random(Seed);
        var readers = new (string Name, IReadOnlyList<byte[]> Seeds, Action<byte[]> Read)[]
        {
            ("toml", TomlSeeds(), bytes => InitDataDocumentReader.TryRead(bytes, out _, out _)),
            ("annotation", AnnotationSeeds(), bytes => AnnotationCodec.TryDecode(Encoding.UTF8.GetString(bytes), out _, out _)),
            ("yaml", YamlSeeds(), bytes =>
            {
                ManifestAnnotationReader.Find(bytes, "m.yaml", new[] { AnnotationKey.Default }, new DiagnosticBag());
                ManifestAnnotator.Annotate(bytes, "m.yaml", AnnotationKey.Default, "H4sIAAAAAAAC/wMAAAAAAAAAAAA=", new DiagnosticBag());
            }),
            ("certificate", CertificateSeeds(), bytes =>
                CertificateFileLoader.Parse(bytes, new SourceLocation("c.pem"), "c.pem", "InitDataCertificate", TrustAnchorRole.ExtraCertificate, new DiagnosticBag())),
            ("secrets", SecretSeeds(), bytes => InlineSecrets.FindInText(Encoding.UTF8.GetString(bytes)).ToList()),
        };

        var report = new StringBuilder();
        var failures = new List<string>();
        foreach (var (name, seeds, read) in readers)
        {
            var crashes = 0;
            var hangs = 0;
            var slowest = TimeSpan.Zero;
            for (var i = 0; i < Iterations; i++)
            {
                var input = Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)], random);
                var watch = Stopwatch.StartNew();
                var run = Task.Run(() => read(input));
                if (await Task.WhenAny(run, Task.Delay(HangLimit)) != run)
                {
                    hangs++;
                    failures.Add($"{name}: hang on input {i} ({Convert.ToBase64String(input[..Math.Min(input.Length, 300)])})");
                    continue;
                }

                if (run.Exception is { } e)
                {
                    crashes++;
                    failures.Add($"{name}: {e.InnerException!.GetType().Name}: {e.InnerException.Message} on input {i} ({Convert.ToBase64String(input[..Math.Min(input.Length, 300)])})");
                }

                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            }

            report.AppendLine($"{name}: {Iterations} inputs, {crashes} crashes, {hangs} hangs, slowest {slowest.TotalMilliseconds:0} ms");
        }

        _output.WriteLine($"seed {Seed}\n{report}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Kills_at_random_steps_of_a_write_leave_no_torn_set_once_repaired()
    {
        var random = new Random(Seed);
        using var dir = new TempDirectory("cid-fuzz-kill");
        var folder = Path.Combine(dir.Path, "out");
        var kills = Math.Max(30, Iterations / 10);
        var tornAfterRepair = 0;
        var tornBeforeRepair = 0;
        var generation = 0;
        ArtifactWriter.Write(folder, Set(generation, random), new DiagnosticBag());
        for (var k = 0; k < kills; k++)
        {
            var stepsLeft = random.Next(1, 16);
            var killed = SetBookkeeping.InOutputFolder(folder) with
            {
                AtStep = _ =>
                {
                    if (--stepsLeft == 0)
                    {
                        throw new OperationCanceledException("killed");
                    }
                },
            };
            try
            {
                ArtifactWriter.Write(folder, Set(++generation, random), new DiagnosticBag(), bookkeeping: killed);
            }
            catch (OperationCanceledException)
            {
                // The "kill": no cleanup ran.
            }

            tornBeforeRepair += Consistent(folder) ? 0 : 1;
            ArtifactWriter.Repair(folder, new DiagnosticBag());
            tornAfterRepair += Consistent(folder) ? 0 : 1;
        }

        _output.WriteLine($"kills {kills}: torn right after the kill {tornBeforeRepair}, torn after the next run's repair {tornAfterRepair}");
        Assert.Equal(0, tornAfterRepair);
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    private static byte[] Mutate(byte[] seed, byte[] other, Random random)
    {
        var data = new List<byte>(seed);
        var rounds = random.Next(1, 8);
        for (var r = 0; r < rounds; r++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(9))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.Insert(at, (byte)random.Next(256));
                    break;
                case 2 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, random.Next(1, 64)));
                    break;
                case 3:
                    data.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                    break;
                case 4 when data.Count > 0:
                    var length = Math.Min(data.Count - at, random.Next(1, 256));
                    var chunk = data.GetRange(at, length);
                    for (var n = random.Next(1, 50); n > 0; n--)
                    {
                        data.InsertRange(at, chunk);
                    }

                    break;
                case 5:
                    data = data.Take(at).ToList();
                    break;
                case 6 when other.Length > 0:
                    var from = random.Next(other.Length);
                    data.InsertRange(at, other.Skip(from).Take(random.Next(1, 512)));
                    break;
                case 7:
                    // Deep nesting: what used to overflow the stack.
                    var depth = random.Next(100, 50_000);
                    data.InsertRange(at, Encoding.ASCII.GetBytes(new string(random.Next(2) == 0 ? '[' : '{', depth)));
                    break;
                default:
                    data.Insert(at, (byte)random.Next(32, 127));
                    break;
            }

            if (data.Count > 4 * 1024 * 1024)
            {
                data = data.Take(4 * 1024 * 1024).ToList();
            }
        }

        return data.ToArray();
    }

    private static List<byte[]> TomlSeeds() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "vectors"), "*.toml").Select(File.ReadAllBytes)
            .Append(Encoding.UTF8.GetBytes("version = \"0.1.0\"\nalgorithm = \"sha256\"\n[data]\n\"policy.rego\" = '''\npackage agent_policy\n'''\n"))
            .ToList();

    private static List<byte[]> AnnotationSeeds() =>
        TomlSeeds().Select(t => Encoding.ASCII.GetBytes(AnnotationCodec.Encode(t)))
            .Append(File.ReadAllBytes(RepositoryPaths.Vector("tv2-kata-policy-howto.annotation")))
            .ToList();

    private static List<byte[]> YamlSeeds() => new[]
    {
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {a: b}\nspec:\n  containers:\n  - name: c\n    image: busybox\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata:\n      labels: &l {app: d}\n    spec: {containers: [{name: c, image: x}]}\n  selector: {matchLabels: *l}\n",
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: batch/v1\n  kind: CronJob\n  metadata: {name: c}\n  spec:\n    jobTemplate:\n      spec:\n        template:\n          spec: {}\n---\napiVersion: v1\nkind: ConfigMap\ndata: {k: |\n    multi\n    line\n  }\n",
    }.Select(Encoding.UTF8.GetBytes).ToList();

    private static List<byte[]> CertificateSeeds()
    {
        var root = TestPki.Root("Fuzz Root");
        return new List<byte[]> { Encoding.ASCII.GetBytes(root.Pem), root.Der, Encoding.ASCII.GetBytes(root.Pem + TestPki.Root("Second").Pem) };
    }

    private static List<byte[]> SecretSeeds() =>
        TomlSeeds().Concat(YamlSeeds()).Append(Encoding.UTF8.GetBytes("https://kbs.example.internal:8080/?key=default&token=x aws_secret_access_key=\"abc\" ghp_ AKIA user:pass@host Bearer x"))
            .ToList();

    private static List<ArtifactFile> Set(int generation, Random random)
    {
        var files = new List<ArtifactFile>
        {
            new("initdata.toml", Encoding.UTF8.GetBytes("g=" + generation)),
            new("initdata.annotation", Encoding.UTF8.GetBytes("g=" + generation)),
            new("initdata.json", Encoding.UTF8.GetBytes("g=" + generation)),
        };
        for (var i = random.Next(3); i > 0; i--)
        {
            files.Add(new ArtifactFile($"k8s/m{i}.yaml", Encoding.UTF8.GetBytes("g=" + generation)));
        }

        return files;
    }

    // Every file of the recorded set names one generation, and nothing outside the list but the writer's own files.
    private static bool Consistent(string folder)
    {
        var listed = SetList.ListedFiles(folder, new DiagnosticBag()) ?? [];
        var main = new[] { "initdata.toml", "initdata.annotation", "initdata.json" }.Select(f => Path.Combine(folder, f));
        var generations = main.Concat(listed).Distinct().Select(f => File.Exists(f) ? File.ReadAllText(f) : "missing").Distinct().ToList();
        return generations.Count == 1;
    }
}
