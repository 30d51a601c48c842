using Coco.InitData.Diagnostics;
using Coco.InitData.Generation;
using Coco.InitData.Specification;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// Truncated, random, mutated and oversized PEM/DER as trust anchors and served chains: the engine never throws,
/// never reports an unexpected failure (CID9000), and writes no artifact when it reports an error.
/// </summary>
public sealed class HostileInputTests
{
    private const int Seed = 20260601;

    [Fact]
    public void Random_bytes_as_a_certificate_file_are_an_error_and_produce_no_artifact()
    {
        var random = new Random(Seed);
        using var directory = new TempDirectory();
        for (var i = 0; i < 150; i++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 0)
            {
                bytes[0] = 0x30; // looks like DER
            }

            var result = Generate(directory, bytes, served: null);
            AssertRefused(result, $"random input #{i}");
        }
    }

    [Fact]
    public void Truncated_pem_and_der_are_errors_and_produce_no_artifact()
    {
        var random = new Random(Seed);
        var certificate = Shapes.Leaf(Shapes.Root());
        var pem = System.Text.Encoding.ASCII.GetBytes(certificate.Pem);
        var der = certificate.Der;
        using var directory = new TempDirectory();
        for (var i = 0; i < 60; i++)
        {
            AssertRefused(Generate(directory, pem[..random.Next(1, pem.Length - 30)], served: null), $"truncated PEM #{i}");
            AssertRefused(Generate(directory, der[..random.Next(1, der.Length - 1)], served: null), $"truncated DER #{i}");
        }
    }

    [Fact]
    public void Mutated_certificates_as_anchors_and_served_chains_never_crash_the_engine()
    {
        var random = new Random(Seed);
        var root = Shapes.Root("Fuzz Root", KeyKind.Rsa2048);
        var intermediate = Shapes.Intermediate(root);
        var leaf = Shapes.Leaf(intermediate);
        using var directory = new TempDirectory();
        foreach (var original in new[] { root, intermediate, leaf })
        {
            for (var i = 0; i < 120; i++)
            {
                var der = (byte[])original.Der.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    der[random.Next(der.Length)] ^= (byte)(1 << random.Next(8));
                }

                var pem = System.Text.Encoding.ASCII.GetBytes(Coco.InitData.Certificates.CanonicalPem.Encode("CERTIFICATE", der));
                AssertConsistent(Generate(directory, pem, served: null), $"mutated anchor #{i}");
                var chain = System.Text.Encoding.ASCII.GetBytes(Coco.InitData.Certificates.CanonicalPem.Encode("CERTIFICATE", der) + intermediate.Pem);
                AssertConsistent(Generate(directory, System.Text.Encoding.ASCII.GetBytes(root.Pem), chain), $"mutated chain #{i}");
            }
        }
    }

    [Fact]
    public void An_oversized_certificate_file_is_refused_before_parsing()
    {
        using var directory = new TempDirectory();
        var huge = new byte[Coco.InitData.Certificates.CertificateFileLoader.MaxFileBytes + 1];
        new Random(Seed).NextBytes(huge);
        AssertRefused(Generate(directory, huge, served: null), "oversized file");
        var pem = System.Text.Encoding.ASCII.GetBytes("-----BEGIN CERTIFICATE-----\n" + new string('A', 3_000_000) + "\n-----END CERTIFICATE-----\n");
        AssertRefused(Generate(directory, pem, served: null), "oversized PEM block");
    }

    private static GenerationResult Generate(TempDirectory directory, byte[] anchor, byte[]? served)
    {
        directory.Write("ca.pem", anchor);
        if (served is not null)
        {
            directory.Write("chain.pem", served);
        }

        var at = new SourceLocation(Path.Combine(directory.Path, "Workload.csproj"), 7);
        return InitDataGenerator.Generate(new InitDataSpecification
        {
            BaseDirectory = directory.Path,
            Registries = new[]
            {
                new RegistryDeclaration
                {
                    Name = Shapes.Host + ":5000", DeclaredAt = at, BaseDirectory = directory.Path,
                    CertificateAuthority = "ca.pem", ServerCertificate = served is null ? null : "chain.pem",
                },
            },
            KbsUrl = new SettingValue("InitDataKbsUrl", "http://kbs.example.internal:8080", at),
            ValidationTime = new SettingValue("InitDataValidationTime", "2026-06-01T00:00:00Z", at),
        });
    }

    private static void AssertRefused(GenerationResult result, string what)
    {
        AssertConsistent(result, what);
        Assert.True(result.HasErrors, $"{what}: expected an error");
        Assert.Null(result.Artifacts);
    }

    private static void AssertConsistent(GenerationResult result, string what)
    {
        Assert.True(result.Diagnostics.All(d => d.Code != "CID9000"), $"{what}: {string.Join("\n", result.Diagnostics.Select(d => d.ToCanonicalString()))}");
        Assert.Equal(result.HasErrors, result.Artifacts is null);
        Assert.All(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.StartsWith("CID", d.Code, StringComparison.Ordinal));
    }
}
