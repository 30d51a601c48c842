using System.Text;
using System.Text.Json;

namespace Coco.InitData.Containers;

/// <summary>
/// What the pinned set says of the pushed image beyond the manifests: an <c>image</c> object in initdata.json and an
/// <c>images:</c> entry in the Kustomize Component. Both edit the files generation wrote, which nothing else writes.
/// </summary>
internal static class PushedImageRecord
{
    /// <summary>initdata.json with <c>"image": {"repository", "digest", "reference"}</c> last (replacing one there), in the generator's format: indented, LF, a trailing newline.</summary>
    public static byte[] AddToManifestJson(byte[] json, PushedImage image)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "image"))
            {
                property.WriteTo(writer);
            }

            writer.WriteStartObject("image");
            writer.WriteString("repository", image.Repository);
            writer.WriteString("digest", image.Digest);
            writer.WriteString("reference", image.ToString());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }

    /// <summary>
    /// The Component with an <c>images:</c> entry that sets the digest of every image named <c>registry/repository</c>
    /// (Kustomize drops the tag when it sets a digest). The Component is ours and ends in a newline; an <c>images:</c>
    /// section from an earlier pin is replaced.
    /// </summary>
    public static byte[] AddToKustomizeComponent(byte[] component, PushedImage image)
    {
        var text = Encoding.UTF8.GetString(component);
        var existing = text.IndexOf("\nimages:\n", StringComparison.Ordinal);
        if (existing >= 0)
        {
            text = text[..(existing + 1)];
        }

        // Double-quoted scalars: a registry with a port holds ':', which YAML would otherwise have to read as plain.
        text += "images:\n- name: \"" + image.Repository + "\"\n  digest: \"" + image.Digest + "\"\n";
        return Encoding.UTF8.GetBytes(text);
    }
}
