using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Settings;
using Coco.InitData.Specification;
using Coco.InitData.Tasks;

namespace Coco.InitData.Tests.Tasks;

/// <summary>
/// A setting is one row of the engine's catalog and one parameter of the task; the targets' lists of settings are
/// rendered from the catalog: a row forgotten in the targets would be silently ignored by the build, a default written
/// twice could drift.
/// </summary>
public sealed class DeclarationWiringTests
{
    [Fact]
    public void The_targets_list_every_setting_as_the_catalog_renders_them()
    {
        var targets = File.ReadAllText(RepositoryPaths.TargetsFile);
        var rendered = TargetsSettingsRendering.Render(targets);
        if (Environment.GetEnvironmentVariable("COCO_UPDATE_GENERATED") == "1")
        {
            File.WriteAllText(RepositoryPaths.TargetsFile, rendered);
            targets = rendered;
        }

        // On a difference: a catalog row changed. Run the tests once with COCO_UPDATE_GENERATED=1 and commit the file.
        Assert.Equal(rendered, targets);
    }

    [Fact]
    public void The_task_has_one_string_parameter_per_setting_and_no_other_named_as_one()
    {
        var parameters = typeof(GenerateInitData).GetProperties()
            .Where(p => p.Name.StartsWith("InitData", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(SettingCatalog.All.Select(s => s.Property).Order(StringComparer.Ordinal), parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(parameters, p => Assert.True(p.PropertyType == typeof(string) && p.CanWrite, p.Name));
        Assert.Equal(SettingCatalog.All.Count, SettingCatalog.All.Select(s => s.Option).Distinct(StringComparer.Ordinal).Count());
        Assert.All(SettingCatalog.All, s => Assert.StartsWith("--", s.Option, StringComparison.Ordinal));
    }

    [Fact]
    public void A_setting_reaches_the_engine_by_its_task_parameter()
    {
        var task = new GenerateInitData();
        foreach (var (setting, index) in SettingCatalog.All.Select((s, i) => (s, i)))
        {
            typeof(GenerateInitData).GetProperty(setting.Property)!.SetValue(task, "value" + index);
        }

        var values = task.SettingValues();

        Assert.Equal(SettingCatalog.All.Select((s, i) => KeyValuePair.Create(s.Property, (string?)("value" + i))), values);
    }

    [Fact]
    public void The_unsupported_host_error_in_the_targets_is_the_catalog_message()
    {
        var targets = File.ReadAllText(RepositoryPaths.TargetsFile);
        var (code, text) = MessageCatalog.Format(MessageId.HostUnsupported, "$(MSBuildVersion)", "$(MSBuildRuntimeType)");

        Assert.Equal("CID1090", code);
        Assert.Contains($"<Error Code=\"CID1090\"\n           Text=\"{text}\" />", targets.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_default_of_the_tls_profiles_is_what_an_unset_setting_validates_with()
    {
        var unset = SettingsReader.Read(new InitDataSpecification { BaseDirectory = "/" }, new DiagnosticBag()).Validation;
        var asDefault = SettingsReader.Read(
            new InitDataSpecification
            {
                BaseDirectory = "/",
                TlsProfiles = new SettingValue("InitDataTlsProfiles", SettingCatalog.TlsProfiles.Default!, SourceLocation.None),
            },
            new DiagnosticBag()).Validation;

        Assert.Equal(unset.GuestProfiles, asDefault.GuestProfiles);
    }

    [Theory]
    [InlineData(DeclarationReader.RegistryItem, "Registries")]
    [InlineData(DeclarationReader.MirrorItem, "RegistryMirrors")]
    [InlineData(DeclarationReader.CertificateItem, "Certificates")]
    [InlineData(DeclarationReader.ManifestItem, "Manifests")]
    public void Every_item_type_is_passed_by_the_targets_and_part_of_the_cache(string itemType, string parameter)
    {
        var targets = File.ReadAllText(RepositoryPaths.TargetsFile);

        Assert.Contains($"{parameter}=\"@({itemType})\"", targets, StringComparison.Ordinal);
        Assert.Contains($"@({itemType}->", targets, StringComparison.Ordinal);
    }
}
