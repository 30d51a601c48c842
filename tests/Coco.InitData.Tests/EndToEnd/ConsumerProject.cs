using System.Security;

namespace Coco.InitData.Tests.EndToEnd;

/// <summary>A fresh project outside the repository that adds the package from the local feed, as a user would.</summary>
internal sealed class ConsumerProject : IDisposable
{
    private readonly TempDirectory _directory = new("cid-consumer");
    private readonly PackageFeed _feed;

    public ConsumerProject(PackageFeed feed, string name = "Consumer")
    {
        _feed = feed;
        Name = name;
        File.Copy(feed.NuGetConfig, Path.Combine(Directory, "nuget.config"));
    }

    public string Name { get; }

    public string Directory => _directory.Path;

    public string ProjectPath => Path.Combine(Directory, Name + ".csproj");

    public string OutputFolder(string targetFramework = "net10.0", string configuration = "Debug") =>
        Path.Combine(Directory, "bin", configuration, targetFramework, "initdata");

    public string Write(string relativePath, string content) => _directory.Write(relativePath, content);

    /// <summary>Writes the project file with the package reference; <paramref name="body"/> holds items and properties.</summary>
    public void WriteProject(string body, string sdk = "Microsoft.NET.Sdk", string targetFrameworks = "<TargetFramework>net10.0</TargetFramework>", string newLine = "\n") =>
        Write(Name + ".csproj", $"""
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

    public void Dispose() => _directory.Dispose();
}
