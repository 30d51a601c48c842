using System.Text;

namespace Coco.InitData.Certificates;

/// <summary>PEM as RFC 7468 strict text: one form for the same bytes, so the document's digest never depends on how a file was saved.</summary>
internal static class CanonicalPem
{
    /// <summary>Encodes DER bytes as a PEM block ending in a newline.</summary>
    public static string Encode(string label, byte[] der)
    {
        var base64 = Convert.ToBase64String(der);
        var text = new StringBuilder(base64.Length + (base64.Length / 64) + 64);
        text.Append("-----BEGIN ").Append(label).Append("-----\n");
        for (var i = 0; i < base64.Length; i += 64)
        {
            text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        }

        text.Append("-----END ").Append(label).Append("-----\n");
        return text.ToString();
    }
}
