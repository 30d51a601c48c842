namespace Coco.InitData.Tool.Output;

/// <summary>Standard output could not be written: reported as CID4030, never as an unexpected failure.</summary>
internal sealed class StandardOutputException : IOException
{
    public StandardOutputException(IOException inner)
        : base(inner.Message, inner)
    {
    }
}
