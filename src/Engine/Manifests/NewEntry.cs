namespace Coco.InitData.Manifests;

/// <summary>A key to add to a manifest, with either a string value or one nested entry: <c>annotations: {name: value}</c>.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The string value; null when <paramref name="Child"/> is the value.</param>
/// <param name="Child">The one entry of the nested mapping.</param>
internal sealed record NewEntry(string Key, string? Value, NewEntry? Child = null)
{
    /// <summary>A key holding a mapping with one entry.</summary>
    public static NewEntry Nested(string key, NewEntry child) => new(key, null, child);

    /// <summary>
    /// Block style for a key at <paramref name="column"/>, without the first line's indent: "key: value", or "key:" and
    /// the nested entry two columns further in on the next line. Plain values: base64 of gzip starts with H4sI.
    /// </summary>
    public string Block(int column, string newLine) => Child is null
        ? Key + ": " + Value
        : Key + ":" + newLine + new string(' ', column + 2) + Child.Block(column + 2, newLine);

    /// <summary>JSON text of the entry (no braces around it), which is also YAML flow style.</summary>
    public string Flow() => YamlSplice.Quote(Key) + ": " + (Child is null ? YamlSplice.Quote(Value!) : "{" + Child.Flow() + "}");
}
