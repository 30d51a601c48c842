using System.Text;
using Coco.InitData.Documents;
using Tomlyn;

namespace Coco.InitData.Tests.Documents;

/// <summary>
/// TOML 1.0 forbids defining a key or table twice; the guest's parser refuses such a document, and so does Python's
/// tomllib (the oracle here). Tomlyn's table reader alone keeps the last value.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DuplicateKeyTests
{
    public static TheoryData<string, string> Duplicates => new()
    {
        { "a key", "version = \"0.1.0\"\nalgorithm = \"sha256\"\nalgorithm = \"sha384\"\n[data]\n" },
        { "a table", "[data]\n\"aa.toml\" = \"\"\n[data]\n" },
        { "a key in a table", "[a]\nx = 1\nx = 2\n" },
        { "a table over a value", "[image]\nextra_root_certificates = []\n[image.extra_root_certificates]\n" },
        { "a dotted key over a value", "a = 1\na.b = 2\n" },
    };

    [SkippableTheory]
    [MemberData(nameof(Duplicates))]
    public void Toml_that_defines_something_twice_is_refused_as_tomllib_refuses_it(string what, string text)
    {
        var python = ProcessRunner.Run(Oracle.Require("python3"), new[] { "-c", "import sys,tomllib; tomllib.loads(sys.stdin.read())" }, standardInput: text);
        Assert.True(python.ExitCode != 0, $"tomllib accepted {what}");

        var error = Assert.ThrowsAny<TomlException>(() => TomlTableContext.ParseForeign(text));
        Assert.Contains("already defined", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_document_with_a_key_defined_twice_is_not_read_and_the_problem_names_the_line()
    {
        var text = "version = \"0.1.0\"\nalgorithm = \"sha256\"\nalgorithm = \"sha384\"\n[data]\n";

        Assert.False(InitDataDocumentReader.TryRead(Encoding.UTF8.GetBytes(text), out _, out var problem));
        Assert.Contains("(3,1)", problem, StringComparison.Ordinal);
        Assert.Contains("algorithm", problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_spec_vectors_still_read()
    {
        foreach (var vector in new[] { "tv1-kata-default.toml", "tv3-caa-sample.toml" })
        {
            Assert.True(InitDataDocumentReader.TryRead(File.ReadAllBytes(RepositoryPaths.Vector(vector)), out _, out var problem), vector + ": " + problem);
        }
    }
}
