using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Coco.InitData.Tasks;

/// <summary>
/// Task items for files: <see cref="TaskItem"/> takes an escaped item spec, so a path is escaped as MSBuild escapes one
/// (each of <c>% * ? @ $ ( ) ; '</c> as <c>%XX</c>) and a "%41" or ';' in a file name stays as it is. Written here rather
/// than taken from Microsoft.Build's ProjectCollection.Escape: the task needs only Microsoft.Build.Framework and
/// Microsoft.Build.Utilities.Core to run.
/// </summary>
internal static class ItemSpecs
{
    private const string Special = "%*?@$();'";

    /// <summary>An item for the file, its spec escaped.</summary>
    public static ITaskItem ForFile(string path) => new TaskItem(Escape(path));

    /// <summary>The text with MSBuild's special characters escaped.</summary>
    public static string Escape(string text)
    {
        if (text.IndexOfAny(Special.ToCharArray()) < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('%').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
