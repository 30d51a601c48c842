using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Settings;
using Coco.InitData.Specification;

namespace Coco.InitData.Tests.Tasks;

/// <summary>
/// A setting is one row of the engine's catalog plus one line in the targets: a row forgotten in the targets would be
/// silently ignored by the build, a default written twice could drift, an undocumented one is unusable.
/// </summary>
public sealed class DeclarationWiringTests
{
    public static TheoryData<string> Properties => new(SettingCatalog.All.Select(s => s.Property));

    [Theory]
    [MemberData(nameof(Properties))]
    public void Every_setting_is_passed_to_the_task_by_one_targets_line_with_the_catalog_default(string property)
    {
        var setting = SettingCatalog.All.Single(s => s.Property == property);
        var targets = File.ReadAllText(RepositoryPaths.TargetsFile);

        Assert.Contains($"{property}=$([MSBuild]::Escape('$({property})'))", targets, StringComparison.Ordinal);
        Assert.Contains($"|$({property})|", SettingsHashText(targets), StringComparison.Ordinal);
        var defaults = Regex.Matches(targets, $"<{property} Condition=\"'\\$\\({property}\\)' == ''\">([^<]*)</{property}>");
        if (setting.Default is null)
        {
            Assert.Empty(defaults);
        }
        else
        {
            Assert.Equal(setting.Default, Assert.Single(defaults).Groups[1].Value);
        }
    }

    [Theory]
    [MemberData(nameof(Properties))]
    public void Every_setting_is_in_the_readme_reference_with_its_default(string property)
    {
        var setting = SettingCatalog.All.Single(s => s.Property == property);
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "reference.md"));

        var row = Regex.Match(readme, $@"^\| [^|\n]*`{property}`[^|\n]* \|\s*([^|\n]*?)\s*\|", RegexOptions.Multiline);
        Assert.True(row.Success, $"README's Properties table has no row for {property}");
        if (setting.Default is not null)
        {
            Assert.Contains($"`{setting.Default}`", row.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_targets_pass_no_setting_the_catalog_does_not_know_and_name_each_option_once()
    {
        var targets = File.ReadAllText(RepositoryPaths.TargetsFile);
        var passed = Regex.Matches(targets, @"(\w+)=\$\(\[MSBuild\]::Escape\('\$\(\1\)'\)\)").Select(m => m.Groups[1].Value).ToList();
        // The catalog's settings, then what the targets add of their own (the day, the output folder, the items).
        var catalogPart = SettingsHashText(targets).Split("|$(_InitDataValidationDay)", 2)[0] + "|";
        var hashed = Regex.Matches(catalogPart, @"\|\$\((InitData\w+)\)(?=\|)").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(SettingCatalog.All.Select(s => s.Property), passed);
        Assert.Equal(SettingCatalog.All.Select(s => s.Property), hashed);
        Assert.Equal(SettingCatalog.All.Count, SettingCatalog.All.Select(s => s.Option).Distinct(StringComparer.Ordinal).Count());
        Assert.All(SettingCatalog.All, s => Assert.StartsWith("--", s.Option, StringComparison.Ordinal));
    }

    /// <summary>The text the targets hash for incrementality, between '|' so that each setting can be found whole.</summary>
    private static string SettingsHashText(string targets) =>
        "|" + Regex.Match(targets, "<_InitDataSettings>([^<]*)</_InitDataSettings>").Groups[1].Value + "|";

    [Fact]
    public void The_build_hook_skips_a_project_as_declaring_nothing_only_when_the_engine_would_say_so()
    {
        var targets = File.ReadAllText(RepositoryPaths.TargetsFile);
        var condition = Regex.Match(targets, "<Target Name=\"_InitDataAfterBuild\"[^>]*Condition=\"([^\"]*)\"", RegexOptions.Singleline).Groups[1].Value;

        var items = Regex.Matches(condition, @"@\((\w+)\)").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);
        var properties = Regex.Matches(condition, @"\$\((InitData\w+)\)").Select(m => m.Groups[1].Value).Where(p => p != SettingCatalog.KbcName.Property);

        // Every declaring item of the task, every declaring setting, and the KBC only when it is not the default.
        Assert.Equal(new[] { "InitDataCertificate", "InitDataManifest", "InitDataRegistry", "InitDataRegistryMirror" }, items);
        Assert.Equal(SettingCatalog.Declarations.Select(s => s.Property).Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
        Assert.Contains($"'$({SettingCatalog.KbcName.Property})' != '{SettingCatalog.KbcName.Default}'", condition, StringComparison.Ordinal);
    }

    [Fact]
    public void The_unsupported_host_error_in_the_targets_is_the_catalog_message()
    {
        var targets = File.ReadAllText(RepositoryPaths.TargetsFile);
        var (code, text) = MessageCatalog.Format(MessageId.HostUnsupported, "$(MSBuildVersion)", "$(MSBuildRuntimeType)");

        Assert.Equal("CID1032", code);
        Assert.Contains($"<Error Code=\"CID1032\"\n           Text=\"{text}\" />", targets.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
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
