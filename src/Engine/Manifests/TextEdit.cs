using System.Text;

namespace Coco.InitData.Manifests;

/// <summary>Replace <see cref="Length"/> characters at <see cref="Index"/> with <see cref="Text"/>.</summary>
internal sealed record TextEdit(int Index, int Length, string Text)
{
    /// <summary>Applies non-overlapping edits; later positions first so earlier indexes stay valid.</summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var builder = new StringBuilder(text);
        foreach (var edit in edits.OrderByDescending(e => e.Index))
        {
            builder.Remove(edit.Index, edit.Length);
            builder.Insert(edit.Index, edit.Text);
        }

        return builder.ToString();
    }
}
