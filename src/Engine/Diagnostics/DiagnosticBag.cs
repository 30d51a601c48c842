namespace Coco.InitData.Diagnostics;

/// <summary>Collects findings in the order they were made.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = new();

    /// <summary>Everything reported so far.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>True once any error was reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Adds a finding.</summary>
    internal void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        HasErrors |= diagnostic.Severity == DiagnosticSeverity.Error;
    }

    /// <summary>Reports an error.</summary>
    public void Error(MessageId id, SourceLocation location, params object?[] args) =>
        Add(Diagnostic.Create(id, DiagnosticSeverity.Error, location, args));

    /// <summary>Reports a warning.</summary>
    public void Warning(MessageId id, SourceLocation location, params object?[] args) =>
        Add(Diagnostic.Create(id, DiagnosticSeverity.Warning, location, args));

    /// <summary>Reports a note.</summary>
    public void Note(MessageId id, SourceLocation location, params object?[] args) =>
        Add(Diagnostic.Create(id, DiagnosticSeverity.Note, location, args));

    /// <summary>Adds every finding of another bag.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }
}
