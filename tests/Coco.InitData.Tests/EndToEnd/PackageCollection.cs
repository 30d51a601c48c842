namespace Coco.InitData.Tests.EndToEnd;

/// <summary>Tests that consume the packed package; they share one pack and run one at a time.</summary>
[CollectionDefinition(nameof(PackageCollection), DisableParallelization = true)]
public sealed class PackageCollection : ICollectionFixture<PackageFeed>
{
}
