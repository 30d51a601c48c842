using System.Diagnostics;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;
using Microsoft.Build.Logging;

namespace Coco.InitData.NoOpCost;

/// <summary>One project's no-op build: evaluation and build, each as bytes allocated and milliseconds.</summary>
internal readonly record struct Sample(long EvaluationBytes, long BuildBytes, double EvaluationMs, double BuildMs)
{
    public long TotalBytes => EvaluationBytes + BuildBytes;

    public double TotalMs => EvaluationMs + BuildMs;
}

/// <summary>
/// Builds projects in this process as a warm MSBuild node does: one project collection (so the SDK's files are parsed
/// once, as a node keeps them), one in-process node, a quiet console logger, as `dotnet build -v:q` has.
/// </summary>
internal sealed class NoOpSampler : IDisposable
{
    private const int WarmUpPasses = 2;
    private readonly ProjectCollection _collection = new();
    private readonly BuildParameters _parameters;

    public NoOpSampler()
    {
        _parameters = new BuildParameters(_collection)
        {
            Loggers = [new ConsoleLogger(LoggerVerbosity.Quiet, _ => { }, null, null)],
            MaxNodeCount = 1,
            EnableNodeReuse = false,
        };
    }

    /// <summary>Samples[variant][round * projects + project], taken project by project, variants in rotated order.</summary>
    public List<Sample>[] Measure(IReadOnlyList<Variant> variants, int rounds)
    {
        var samples = variants.Select(_ => new List<Sample>()).ToArray();
        var projects = variants[0].Projects.Count;
        for (var round = -WarmUpPasses; round < rounds; round++)
        {
            for (var project = 0; project < projects; project++)
            {
                for (var k = 0; k < variants.Count; k++)
                {
                    var v = (k + project + Math.Max(round, 0)) % variants.Count;
                    var sample = BuildOnce(variants[v].Projects[project]);
                    if (round >= 0)
                    {
                        samples[v].Add(sample);
                    }
                }
            }
        }

        return samples;
    }

    private Sample BuildOnce(string projectPath)
    {
        // Garbage of the previous build is collected outside the measured span, so a pause lands on no one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var evaluationStart = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var instance = new ProjectInstance(projectPath, new Dictionary<string, string>(), null, _collection);
        var evaluationMs = clock.Elapsed.TotalMilliseconds;
        var evaluationBytes = GC.GetAllocatedBytesForCurrentThread() - evaluationStart;

        // The build runs on MSBuild's in-process node thread: count every thread (nothing else runs here).
        var buildStart = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        var result = BuildManager.DefaultBuildManager.Build(_parameters, new BuildRequestData(instance, ["Build"]));
        var buildMs = clock.Elapsed.TotalMilliseconds;
        var buildBytes = GC.GetTotalAllocatedBytes(precise: true) - buildStart;
        if (result.OverallResult != BuildResultCode.Success)
        {
            throw new InvalidOperationException($"{projectPath} failed to build: {result.Exception?.Message ?? "see a build of it with dotnet build"}");
        }

        return new Sample(evaluationBytes, buildBytes, evaluationMs, buildMs);
    }

    public void Dispose() => _collection.Dispose();
}
