using System.Text;

namespace Coco.InitData.Manifests;

/// <summary>Replace <see cref="Length"/> characters at <see cref="Index"/> with <see cref="Text"/>.</summary>
internal sealed record TextEdit(int Index, int Length, string Text)
{
    /// <summary>
    /// Applies non-overlapping edits in one pass from the start: linear in the text and the edits (removing and
    /// inserting in place moved the whole tail each time, 12 s for 20,000 pods).
    /// </summary>
    public static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var builder = new StringBuilder(text.Length + 1024);
        var position = 0;
        foreach (var edit in edits.OrderBy(e => e.Index))
        {
            if (edit.Index < position)
            {
                throw new InvalidOperationException($"overlapping edits at index {edit.Index}");
            }

            builder.Append(text, position, edit.Index - position);
            builder.Append(edit.Text);
            position = edit.Index + edit.Length;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString();
    }
}
