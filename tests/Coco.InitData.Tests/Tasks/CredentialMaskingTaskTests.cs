using Coco.InitData.Tasks;
using Microsoft.Build.Framework;

namespace Coco.InitData.Tests.Tasks;

/// <summary>
/// A registry or annotation name written with a password in it is refused, and the build log shows the name with its
/// user information masked the way CID1060 masks a URL ('***@host'): never the password, in any message.
/// </summary>
public sealed class CredentialMaskingTaskTests
{
    private const string Password = "Hunter2Secret";

    public static TheoryData<string, string, string?, string?> Declarations() => new()
    {
        // (item kind, item spec, metadata name, metadata value)
        { "registry", "bob:" + Password + "@registry.example.internal", null, null },
        { "registry", "bob:" + Password + "@registry.example.internal/team", "Insecure", "true" },
        { "registry", "registry.example.internal", "Location", "bob:" + Password + "@mirror.example.internal" },
        { "mirror", "bob:" + Password + "@mirror.example.internal", "Registry", "registry.example.internal" },
        { "mirror", "mirror.example.internal", "Registry", "bob:" + Password + "@registry.example.internal" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void A_password_in_a_registry_or_mirror_item_never_reaches_the_build_log(string kind, string spec, string? metadata, string? value)
    {
        using var dir = new TempDirectory();
        var projectFile = dir.Write("app.csproj", "<Project />");
        var engine = new FakeBuildEngine();
        var item = new EvaluatedItem(spec, projectFile, metadata is null ? Array.Empty<(string, string)>() : new[] { (metadata, value!) });
        var task = new GenerateInitData
        {
            BuildEngine = engine, ProjectFile = projectFile, OutputPath = Path.Combine(dir.Path, "out"),
            Registries = kind == "registry" ? new ITaskItem[] { item } : Array.Empty<ITaskItem>(),
            RegistryMirrors = kind == "mirror" ? new ITaskItem[] { item } : Array.Empty<ITaskItem>(),
            InitDataKbcName = "offline_fs_kbc",
        };

        Assert.False(task.Execute());

        var log = AllText(engine);
        Assert.Contains("***@", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunt", log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_the_annotation_name_property_never_reaches_the_build_log()
    {
        using var dir = new TempDirectory();
        var projectFile = dir.Write("app.csproj", "<Project />");
        var engine = new FakeBuildEngine();
        var task = new GenerateInitData
        {
            BuildEngine = engine, ProjectFile = projectFile, OutputPath = Path.Combine(dir.Path, "out"),
            InitDataKbcName = "offline_fs_kbc", InitDataAnnotationName = "bob:" + Password + "@example.com/cc_init_data",
        };

        Assert.False(task.Execute());

        var log = AllText(engine);
        Assert.Contains(engine.Errors, e => e.Code == "CID1013" && e.Message!.Contains("'***@example.com/cc_init_data'", StringComparison.Ordinal));
        Assert.DoesNotContain(Password, log, StringComparison.Ordinal);
    }

    private static string AllText(FakeBuildEngine engine) => string.Join("\n",
        engine.Errors.Select(e => e.Message).Concat(engine.Warnings.Select(w => w.Message)).Concat(engine.Messages.Select(m => m.Message)));
}
