using System.Text;
using Coco.InitData.Measurements;
using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Syntax;

namespace Coco.InitData.Documents;

/// <summary>
/// The initdata document: <c>version</c>, <c>algorithm</c> and the <c>[data]</c> table of file name to
/// file content. Its exact bytes are what the TEE measures, so rendering is fully deterministic: UTF-8
/// without BOM, LF only, keys in ordinal order, a trailing newline.
/// </summary>
public sealed class InitDataDocument
{
    /// <summary>The only version the guest accepts.</summary>
    internal const string Version = "0.1.0";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Creates a document; entries are ordered by key (ordinal) whatever order they come in.</summary>
    internal InitDataDocument(DigestAlgorithm algorithm, IEnumerable<KeyValuePair<string, string>> data)
    {
        Algorithm = algorithm;
        Data = new SortedDictionary<string, string>(data.ToDictionary(p => p.Key, p => LineEndings.ToLf(p.Value), StringComparer.Ordinal), StringComparer.Ordinal);
    }

    /// <summary>The digest algorithm named in the document.</summary>
    internal DigestAlgorithm Algorithm { get; }

    /// <summary>The <c>[data]</c> entries: <c>aa.toml</c>, <c>cdh.toml</c>, <c>policy.rego</c>.</summary>
    internal IReadOnlyDictionary<string, string> Data { get; }

    /// <summary>The TOML text.</summary>
    internal string ToToml()
    {
        var document = new DocumentSyntax();
        document.KeyValues.Add(new KeyValueSyntax("version", TomlValues.Basic(Version)));
        document.KeyValues.Add(new KeyValueSyntax("algorithm", TomlValues.Basic(Algorithm.Name)));
        var data = TomlValues.Table("data", blankLineBefore: true);
        foreach (var (key, value) in Data)
        {
            data.Items.Add(new KeyValueSyntax(new KeySyntax(key), TomlValues.MultiLineLiteralOrBasic(value)));
        }

        document.Tables.Add(data);
        var text = document.ToString();
        EnsureRoundTrips(text);
        return text;
    }

    /// <summary>The exact bytes that are hashed and shipped.</summary>
    internal byte[] ToBytes() => Utf8NoBom.GetBytes(ToToml());

    // Belt and braces: if a value could ever change the document's structure, fail loudly instead of
    // shipping a document whose meaning differs from what was declared.
    private void EnsureRoundTrips(string text)
    {
        var parsed = TomlTableContext.Parse(text)
            ?? throw new InvalidOperationException("The rendered initdata document does not parse.");
        if (parsed["version"] as string != Version || parsed["algorithm"] as string != Algorithm.Name
            || parsed["data"] is not TomlTable table || table.Count != Data.Count)
        {
            throw new InvalidOperationException("The rendered initdata document does not round-trip.");
        }

        foreach (var (key, value) in Data)
        {
            if (!table.TryGetValue(key, out var read) || read as string != value)
            {
                throw new InvalidOperationException($"The value of '{key}' does not round-trip through the rendered document.");
            }
        }
    }
}
