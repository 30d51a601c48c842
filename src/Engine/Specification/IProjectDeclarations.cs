namespace Coco.InitData.Specification;

/// <summary>
/// What a front end knows of an evaluated project: its InitData items and properties. The MSBuild task
/// answers from its parameters, the tool from a project it evaluated; <see cref="DeclarationReader"/> turns
/// either into the same specification.
/// </summary>
public interface IProjectDeclarations
{
    /// <summary>The project folder: the base of displayed paths and of property paths.</summary>
    string ProjectDirectory { get; }

    /// <summary>The items of one type, in evaluation order.</summary>
    IEnumerable<DeclaredItem> Items(string itemType);

    /// <summary>A property's value with where it was set; null when empty.</summary>
    SettingValue? Property(string name);
}
