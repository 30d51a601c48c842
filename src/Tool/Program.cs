namespace Coco.InitData.Tool;

/// <summary>Entry point: everything happens in <see cref="CommandLine"/>.</summary>
internal static class Program
{
    private static int Main(string[] args) => CommandLine.Run(args);
}
