using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace Coco.InitData.NoOpCost;

/// <summary>
/// <c>dotnet run -c Release --project bench/Coco.InitData.NoOpCost -- [--projects N] ROUNDS DIR... BASELINE</c>: every DIR holds the
/// same projects (<c>W*/W*.csproj</c>, built once already, so the next build has nothing to do) in one variant; the
/// last is the baseline. Each project is evaluated and built (target Build) in this process, one variant after the
/// other in an order rotated from project to project, after two warm-up passes; the table gives per variant the
/// median bytes allocated by evaluation and by the build, and the median of the paired differences against the
/// baseline, in bytes and in wall time (with a 95% confidence interval).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // --projects N: only the first N projects of each directory (a shorter run, or directories of different sizes).
        var limit = int.MaxValue;
        if (args.Length >= 2 && args[0] == "--projects" && int.TryParse(args[1], out var projects) && projects > 0)
        {
            limit = projects;
            args = args[2..];
        }

        if (args.Length < 3 || !int.TryParse(args[0], out var rounds) || rounds < 1)
        {
            Console.Error.WriteLine("usage: Coco.InitData.NoOpCost [--projects N] ROUNDS DIR... BASELINE_DIR (each DIR holds W*/W*.csproj, already built)");
            return 2;
        }

        MSBuildLocator.RegisterDefaults();
        return Run(rounds, limit, args[1..]);
    }

    // Apart from Main: the JIT must not load Microsoft.Build before MSBuildLocator has registered the SDK's copy.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Run(int rounds, int limit, string[] directories)
    {
        var variants = directories.Select(d => Variant.Load(d, limit)).ToArray();
        if (variants.Select(v => v.Projects.Count).Distinct().Count() != 1 || variants[0].Projects.Count == 0)
        {
            Console.Error.WriteLine("every directory must hold the same number of W*/W*.csproj projects, at least one");
            return 2;
        }

        using var sampler = new NoOpSampler();
        var samples = sampler.Measure(variants, rounds);
        Report.Print(variants, samples, rounds);
        return 0;
    }
}
