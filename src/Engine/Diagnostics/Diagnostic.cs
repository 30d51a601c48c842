using System.Globalization;

namespace Coco.InitData.Diagnostics;

/// <summary>One finding: a stable <c>CIDnnnn</c> code, a severity, a message and the place it points at.</summary>
/// <param name="Code">The stable code, for example <c>CID2001</c>.</param>
/// <param name="Severity">How serious it is.</param>
/// <param name="Message">The message text without the code prefix.</param>
/// <param name="Location">The file and line it refers to.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>Creates a finding from a message of <see cref="MessageCatalog"/>.</summary>
    public static Diagnostic Create(MessageId id, DiagnosticSeverity severity, SourceLocation location, params object?[] args)
    {
        var (code, text) = MessageCatalog.Format(id, args);
        return new Diagnostic(code, severity, text, location);
    }

    /// <summary>MSBuild's canonical form, <c>file(line,col): error CID1001: text</c>, that IDEs and CI logs understand.</summary>
    public string ToCanonicalString()
    {
        var kind = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        var where = Location.ToString();
        var prefix = where.Length == 0 ? "coco-initdata" : where;
        return string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2}: {3}", prefix, kind, Code, Message);
    }
}
