using Coco.InitData.Specification;
using Coco.InitData.Tasks;

namespace Coco.InitData.Tests.Tasks;

/// <summary>A property added to the engine's reader but forgotten in the targets or the task would be silently ignored.</summary>
public sealed class DeclarationWiringTests
{
    public static TheoryData<string> Properties => new(DeclarationReader.PropertyNames);

    [Theory]
    [MemberData(nameof(Properties))]
    public void Every_property_the_engine_reads_is_passed_by_the_targets_hashed_for_incrementality_and_taken_by_the_task(string property)
    {
        var targets = File.ReadAllText(RepositoryPaths.TargetsFile);
        var parameter = property["InitData".Length..];

        Assert.Contains($"{parameter}=\"$({property})\"", targets, StringComparison.Ordinal);
        Assert.Contains($"Include=\"{property}=$({property})\"", targets, StringComparison.Ordinal);
        Assert.NotNull(typeof(GenerateInitData).GetProperty(parameter));
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
