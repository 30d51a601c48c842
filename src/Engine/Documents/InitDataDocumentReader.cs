using System.Text;
using Coco.InitData.Measurements;
using Tomlyn;
using Tomlyn.Model;

namespace Coco.InitData.Documents;

/// <summary>Reads an initdata document as the guest does (kata-types validate()): version 0.1.0, a known algorithm, string data.</summary>
public static class InitDataDocumentReader
{
    private const string NotTomlPrefix = "it is not valid TOML";
    private const string NotUtf8 = "it is not UTF-8 text";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True when a problem of <see cref="TryRead"/> means the text is TOML (valid or not as a document), false when it is not TOML at all.</summary>
    public static bool IsTomlProblem(string problem) => !problem.StartsWith(NotTomlPrefix, StringComparison.Ordinal) && !problem.StartsWith(NotUtf8, StringComparison.Ordinal);

    /// <summary>Parses and validates; <paramref name="problem"/> says what the guest would reject.</summary>
    public static bool TryRead(byte[] bytes, out ParsedInitData? document, out string problem)
    {
        document = null;
        TomlTable table;
        try
        {
            table = TomlTableContext.ParseForeign(StrictUtf8.GetString(bytes)) ?? new TomlTable();
        }
        catch (DecoderFallbackException)
        {
            problem = NotUtf8;
            return false;
        }
        catch (Exception e) when (e is TomlException or ArgumentException or InvalidOperationException)
        {
            problem = NotTomlPrefix + ": " + e.Message.Split('\n')[0];
            return false;
        }

        if (!table.TryGetValue("version", out var version) || version as string != InitDataDocument.Version)
        {
            problem = $"version must be \"{InitDataDocument.Version}\"";
            return false;
        }

        if (!table.TryGetValue("algorithm", out var name) || name is not string algorithmName || DigestAlgorithm.FromName(algorithmName) is not { } algorithm)
        {
            problem = "algorithm must be \"sha256\", \"sha384\" or \"sha512\"";
            return false;
        }

        if (!table.TryGetValue("data", out var dataValue) || dataValue is not TomlTable data)
        {
            problem = "it has no [data] table";
            return false;
        }

        var entries = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in data)
        {
            if (value is not string text)
            {
                problem = $"data key '{key}' is not a string";
                return false;
            }

            entries.Add(new(key, text));
        }

        document = new ParsedInitData(algorithm, entries);
        problem = string.Empty;
        return true;
    }
}
