using System.Security;

namespace Coco.InitData.Tests.EndToEnd;

/// <summary>A fresh project outside the repository that adds the package from the local feed, as a user would.</summary>
internal sealed class ConsumerProject : ProjectFolder
{
    private readonly PackageFeed _feed;

    public ConsumerProject(PackageFeed feed, string name = "Consumer")
        : base("cid-consumer", name)
    {
        _feed = feed;
        File.Copy(feed.NuGetConfig, Path.Combine(Directory, "nuget.config"));
    }

    public string OutputFolder(string targetFramework = "net10.0", string configuration = "Debug") =>
        Path.Combine(Directory, "bin", configuration, targetFramework, "initdata");

    /// <summary>Writes the project file with the package reference; <paramref name="body"/> holds items and properties.</summary>
    public void WriteProject(string body, string sdk = "Microsoft.NET.Sdk", string targetFrameworks = "<TargetFramework>net10.0</TargetFramework>", string newLine = "\n") =>
        WriteProjectFile($"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                {targetFrameworks}
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Coco.InitData" Version="{SecurityElement.Escape(_feed.Version)}" />
              </ItemGroup>
            {body}
            </Project>
            """.Replace("\n", newLine, StringComparison.Ordinal));

    public ProcessResult Dotnet(params string[] arguments) => _feed.Dotnet(Directory, arguments.Concat(new[] { "-tl:off", "-nologo" }).ToArray());
}
