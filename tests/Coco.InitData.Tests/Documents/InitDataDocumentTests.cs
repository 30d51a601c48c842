using System.Text;
using Coco.InitData.Documents;
using Coco.InitData.Measurements;
using FsCheck;
using FsCheck.Fluent;

namespace Coco.InitData.Tests.Documents;

[Trait("Category", "EndToEnd")]
public sealed class InitDataDocumentTests
{
    [SkippableFact]
    public void Values_are_multi_line_literal_strings_in_ordinal_key_order_with_a_trailing_newline()
    {
        var document = new InitDataDocument(DigestAlgorithm.Sha384, new Dictionary<string, string>
        {
            ["policy.rego"] = "package agent_policy\n",
            ["aa.toml"] = "[token_configs.kbs]\nurl = \"http://kbs\"\n",
        });

        Assert.Equal(
            "version = \"0.1.0\"\nalgorithm = \"sha384\"\n\n[data]\n\"aa.toml\" = '''\n[token_configs.kbs]\nurl = \"http://kbs\"\n'''\n\"policy.rego\" = '''\npackage agent_policy\n'''\n",
            document.ToToml());
    }

    [SkippableTheory]
    [InlineData("has ''' inside\n")]
    [InlineData("ends with a quote'")]
    [InlineData("a lone \r carriage return\n")]
    [InlineData("a NUL \0 and an escape \u001b\n")]
    public void A_value_a_literal_string_cannot_hold_becomes_an_escaped_basic_string(string value)
    {
        var document = new InitDataDocument(DigestAlgorithm.Sha256, new Dictionary<string, string> { ["policy.rego"] = value });

        var toml = document.ToToml();
        var parsed = PythonOracle.ParseToml(toml);

        Assert.Contains("\"policy.rego\" = \"", toml, StringComparison.Ordinal);
        Assert.Equal(value, parsed.GetProperty("document").GetProperty("data").GetProperty("policy.rego").GetString());
    }

    [SkippableFact]
    public void CRLF_in_a_value_gives_the_same_bytes_as_LF()
    {
        var lf = new InitDataDocument(DigestAlgorithm.Sha256, new Dictionary<string, string> { ["policy.rego"] = "a\nb\n" });
        var crlf = new InitDataDocument(DigestAlgorithm.Sha256, new Dictionary<string, string> { ["policy.rego"] = "a\r\nb\r\n" });

        Assert.Equal(lf.ToBytes(), crlf.ToBytes());
    }

    [SkippableFact]
    public void The_bytes_are_utf8_without_bom()
    {
        var document = new InitDataDocument(DigestAlgorithm.Sha256, new Dictionary<string, string> { ["policy.rego"] = "# é ✓\n" });

        var bytes = document.ToBytes();

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("# é ✓", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Any_value_round_trips_through_the_rendered_document()
    {
        // Quotes, backslashes, newlines, ''' and control characters must never change the structure.
        var pieces = new[] { "'", "''", "'''", "\"", "\"\"\"", "\\", "\n", "\r\n", "\r", "\t", "\0", "\u001b", "\u007f", "é", "[data]", "x = 1", " ", "a" };
        var values = Gen.ArrayOf(Gen.Elements(pieces)).Select(parts => string.Concat(parts)).ToArbitrary();

        Prop.ForAll(values, value =>
        {
            var document = new InitDataDocument(DigestAlgorithm.Sha256, new Dictionary<string, string> { ["cdh.toml"] = value, ["x"] = "y" });
            var parsed = Tomlyn.TomlSerializer.Deserialize<Tomlyn.Model.TomlTable>(document.ToToml())!;
            var data = (Tomlyn.Model.TomlTable)parsed["data"];
            return (string)data["cdh.toml"] == value.Replace("\r\n", "\n", StringComparison.Ordinal) && (string)data["x"] == "y";
        }).QuickCheckThrowOnFailure();
    }

    [SkippableFact]
    public void Python_tomllib_reads_the_same_values_for_hostile_inputs()
    {
        var values = new[] { "'''", "a'", "\"\"\"\n'''\n", "\\u0041", "line\r\nline", "\u0001\u001f\u007f", "[data]\n\"cdh.toml\" = 'x'" };
        foreach (var value in values)
        {
            var document = new InitDataDocument(DigestAlgorithm.Sha256, new Dictionary<string, string> { ["policy.rego"] = value });

            var parsed = PythonOracle.ParseToml(document.ToToml()).GetProperty("document").GetProperty("data");

            Assert.Equal(value.Replace("\r\n", "\n", StringComparison.Ordinal), parsed.GetProperty("policy.rego").GetString());
            Assert.Single(parsed.EnumerateObject());
        }
    }
}
