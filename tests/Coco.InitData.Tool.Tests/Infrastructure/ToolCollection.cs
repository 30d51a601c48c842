namespace Coco.InitData.Tool.Tests.Infrastructure;

/// <summary>Every test class that runs the installed tool shares one installation.</summary>
[CollectionDefinition(Name)]
public sealed class ToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed tool";
}
