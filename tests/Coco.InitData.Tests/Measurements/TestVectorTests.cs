using System.Text;
using Coco.InitData.Documents;
using Coco.InitData.Measurements;
using Coco.InitData.Transport;

namespace Coco.InitData.Tests.Measurements;

/// <summary>The published vectors of spec/initdata.md, checked against our engine and against Python.</summary>
[Trait("Category", "EndToEnd")]
public sealed class TestVectorTests
{
    [SkippableFact]
    public void An_empty_document_renders_exactly_kata_default_initdata_TV1()
    {
        var document = new InitDataDocument(DigestAlgorithm.Sha256, Array.Empty<KeyValuePair<string, string>>());

        Assert.Equal(File.ReadAllBytes(RepositoryPaths.Vector("tv1-kata-default.toml")), document.ToBytes());
    }

    [SkippableFact]
    public void TV1_digests_and_tee_values_match_the_spec_and_python()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Vector("tv1-kata-default.toml"));
        var python = PythonOracle.Run("vector_digest.py", RepositoryPaths.Vector("tv1-kata-default.toml"));

        var sha256 = TeeMeasurements.Compute(DigestAlgorithm.Sha256, bytes);
        var sha384 = TeeMeasurements.Compute(DigestAlgorithm.Sha384, bytes);

        Assert.Equal(47, bytes.Length);
        Assert.Equal("5fbba2d190b4c600dc48b80802559460ecae499f76f079e9ad2ebd4e3c7eb65f", sha256.DigestHex);
        Assert.Equal(python.GetProperty("sha256").GetString(), sha256.DigestHex);
        Assert.Equal("78d7ed2576abb9adc5fad13937243daf83c4af7c9399eb677cb003693b0574d0b4e9c60a08a472a395fcf66905487e66", sha384.DigestHex);
        Assert.Equal(python.GetProperty("sha384").GetString(), sha384.DigestHex);
        Assert.Equal("X7ui0ZC0xgDcSLgIAlWUYOyuSZ928HnprS69Tjx+tl8=", Field(sha256, "snp").Base64);
        Assert.Equal("X7ui0ZC0xgDcSLgIAlWUYOyuSZ928HnprS69Tjx+tl8AAAAAAAAAAAAAAAAAAAAA", Field(sha256, "tdx").Base64);
        Assert.Equal(python.GetProperty("tdx").GetString(), Field(sha256, "tdx").Base64);
        Assert.Equal("fd61c686b3fc6f87e7261bef285144d74d808bdfece9acb08a15e29d88216273", Field(sha256, "vtpm").Hex);
        Assert.Equal(python.GetProperty("pcr8").GetString(), Field(sha256, "vtpm").Hex);
        Assert.Equal(64, Field(sha256, "cca").Value.Length);
        Assert.DoesNotContain(sha384.Fields, f => f.Tee == "vtpm");
    }

    [SkippableFact]
    public void TV2_the_kata_policy_annotation_decodes_to_the_documented_bytes()
    {
        var annotation = File.ReadAllText(RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"), Encoding.ASCII);
        var python = PythonOracle.Run("vector_digest.py", RepositoryPaths.Vector("tv2-kata-policy-howto.annotation"), "--annotation");

        Assert.True(AnnotationCodec.TryDecode(annotation, out var document, out var problem), problem);
        var measurements = TeeMeasurements.Compute(DigestAlgorithm.Sha256, document);

        Assert.Equal(1518, document.Length);
        Assert.Equal(python.GetProperty("length").GetInt32(), document.Length);
        Assert.Equal("2385c5da0959d063638b2ab4ac252ae18e825f6ecb69815e4206b38077d0bcdd", measurements.DigestHex);
        Assert.Equal("I4XF2glZ0GNjiyq0rCUq4Y6CX27LaYFeQgazgHfQvN0=", Field(measurements, "snp").Base64);
        Assert.Equal("5969a150dc60c85c0cd9744e296cfc81a3e622413c0359f199099b7a3bcef135", Field(measurements, "vtpm").Hex);
    }

    [SkippableFact]
    public void TV3_the_cloud_api_adaptor_sample_has_the_corrected_sha384()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Vector("tv3-caa-sample.toml"));
        var python = PythonOracle.Run("vector_digest.py", RepositoryPaths.Vector("tv3-caa-sample.toml"));

        var measurements = TeeMeasurements.Compute(DigestAlgorithm.Sha384, bytes);

        Assert.Equal(4557, bytes.Length);
        Assert.Equal("4bebff2869bcdd3e9848fd8bca681ffb9bd9e018e343aa664c960fb4834129ac5b7fed3ca94b2da609906f1e94924b17", measurements.DigestHex);
        Assert.Equal(python.GetProperty("sha384").GetString(), measurements.DigestHex);
    }

    [SkippableFact]
    public void Our_annotation_of_TV3_decodes_with_python_to_the_same_bytes()
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Vector("tv3-caa-sample.toml"));
        using var directory = new TempDirectory();
        var path = directory.Write("tv3.annotation", AnnotationCodec.Encode(bytes));

        var python = PythonOracle.Run("vector_digest.py", path, "--annotation");

        Assert.Equal(bytes.Length, python.GetProperty("length").GetInt32());
        Assert.Equal(TeeMeasurements.Compute(DigestAlgorithm.Sha384, bytes).DigestHex, python.GetProperty("sha384").GetString());
    }

    private static TeeField Field(TeeMeasurements measurements, string tee) => measurements.Fields.Single(f => f.Tee == tee);
}
