namespace Coco.InitData.Tool.Inputs;

/// <summary>What an input to digest, decode or inspect turned out to be.</summary>
internal enum InputKind
{
    /// <summary>The TOML document itself.</summary>
    Document,

    /// <summary>An annotation value (base64 of gzip).</summary>
    Annotation,

    /// <summary>A Kubernetes manifest carrying the annotation.</summary>
    Manifest,
}
