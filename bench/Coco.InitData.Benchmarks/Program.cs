using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Coco.InitData.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/Coco.InitData.Benchmarks` runs every benchmark (pass BenchmarkDotNet
/// arguments after `--`, e.g. `--filter *Generation*`). `-- smoke` runs each once in-process: CI uses it to
/// prove the benchmarks still run, never to judge speed.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "smoke")
        {
            var smoke = DefaultConfig.Instance.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator);
            // The cold-start class launches processes of its own: the smoke run leaves it to the full run.
            var types = typeof(Program).Assembly.GetTypes().Where(t => t.IsPublic && t != typeof(CertificateColdBenchmarks) && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false))).ToArray();
            var summaries = BenchmarkRunner.Run(types, smoke, args[1..]);
            var failed = summaries.Sum(s => s.Reports.Count(r => !r.Success)) + summaries.Count(s => s.HasCriticalValidationErrors);
            Console.WriteLine(failed == 0 ? "benchmark smoke: all ran" : $"benchmark smoke: {failed} failed");
            return failed == 0 ? 0 : 1;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
