namespace Coco.InitData.Testing;

/// <summary>
/// Packs Coco.InitData once into a local feed, with a NuGet packages folder of its own, so consumer
/// projects restore it the way users do and never see a stale copy from the machine's cache.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    private readonly TempDirectory _root = new("cid-feed");

    public PackageFeed()
    {
        Directory.CreateDirectory(FeedPath);
        var pack = ProcessRunner.Run("dotnet", new[]
        {
            "pack", Path.Combine(RepositoryPaths.Root, "src", "Tasks", "Coco.InitData.Tasks.csproj"),
            "-c", "Release", "-o", FeedPath, "-tl:off", "-nologo",
        }, _root.Path, timeout: TimeSpan.FromMinutes(5)); // packed from outside the repository, as CI scripts do
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + pack.Output);
        }

        Version = PackedVersion.Of(FeedPath, "Coco.InitData");
        PackagePath = Path.Combine(FeedPath, $"Coco.InitData.{Version}.nupkg");
        File.WriteAllText(Path.Combine(_root.Path, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{FeedPath}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
    }

    /// <summary>The version the pack gave the package (from git: tags and height); consumers restore it from this feed into their own packages folder.</summary>
    public string Version { get; }

    public string FeedPath => Path.Combine(_root.Path, "feed");

    public string PackagePath { get; }

    /// <summary>The isolated NuGet packages folder every consumer restores into.</summary>
    public string PackagesFolder => Path.Combine(_root.Path, "packages");

    /// <summary>A nuget.config naming the local feed first.</summary>
    public string NuGetConfig => Path.Combine(_root.Path, "nuget.config");

    /// <summary>Runs dotnet with the isolated packages folder and the feed's nuget.config.</summary>
    public ProcessResult Dotnet(string workingDirectory, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, workingDirectory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder }, TimeSpan.FromMinutes(5));

    public void Dispose() => _root.Dispose();
}
