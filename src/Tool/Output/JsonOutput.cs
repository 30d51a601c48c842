using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tool.Output;

/// <summary>The --json form of a report: indented, LF, base64 '+' unescaped, findings included.</summary>
internal static class JsonOutput
{
    /// <summary>True once a command wrote its JSON object: the command line then adds no fallback object.</summary>
    public static bool Written { get; private set; }

    /// <summary>Writes the one JSON object of a run.</summary>
    public static void Write(Action<Utf8JsonWriter> body)
    {
        Written = true;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        Reporter.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>
    /// The object of a run that stopped before its command wrote one (a missing input, bad usage, an unexpected
    /// failure): --json always prints exactly one object.
    /// </summary>
    public static void WriteFailure(int exitCode) => Write(w =>
    {
        w.WriteBoolean("success", false);
        w.WriteNumber("exitCode", exitCode);
        WriteFindings(w, Reporter.Reported);
    });

    /// <summary>Writes the findings as an array of objects.</summary>
    public static void WriteFindings(Utf8JsonWriter json, IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray("findings");
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", d.Code);
            json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", d.Message);
            json.WriteString("file", d.Location.File);
            json.WriteNumber("line", d.Location.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the digest and per-TEE values exactly as initdata.json has them.</summary>
    public static void WriteMeasurements(Utf8JsonWriter json, Measurements.TeeMeasurements measurements) =>
        Artifacts.ManifestJson.WriteMeasurements(json, measurements);
}
