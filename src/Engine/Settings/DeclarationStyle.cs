namespace Coco.InitData.Settings;

/// <summary>How the user declared initdata, so that messages name settings the way the user wrote them.</summary>
public enum DeclarationStyle
{
    /// <summary>MSBuild properties and items in a project (<c>InitDataKbsUrl</c>).</summary>
    MSBuild,

    /// <summary>Options of <c>coco-initdata generate</c> (<c>--kbs-url</c>).</summary>
    CommandLine,
}
