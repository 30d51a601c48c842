using System.Diagnostics;
using Coco.InitData.Certificates;
using Coco.InitData.Diagnostics;
using Xunit.Abstractions;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// Prints (never asserts) what the certificate checks cost for three registry CAs (RSA-4096, RSA-2048, P-384)
/// and one served chain. Run alone for a cold number:
/// <c>dotnet test tests/Coco.InitData.Tests --filter FullyQualifiedName~ValidationCost --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ValidationCostTests
{
    private readonly ITestOutputHelper _output;

    public ValidationCostTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Checking_three_registry_cas_and_a_served_chain_is_cheap_cold_and_warm()
    {
        var rsa4096 = Shapes.Root("Cost RSA-4096 Root", KeyKind.Rsa4096);
        var rsa2048 = Shapes.Root("Cost RSA-2048 Root", KeyKind.Rsa2048);
        var p384 = Shapes.Root("Cost P-384 Root", KeyKind.EcP384);
        var intermediate = TestPki.Create(Shapes.IntermediateSpec(rsa4096, "Cost RSA-2048 Intermediate") with { Key = KeyKind.Rsa2048 });
        var leaf = Shapes.Leaf(intermediate);

        // Cold: loading the files (PEM, DER, eager decoding) and all the rules, the first time in this process.
        var cold = Stopwatch.StartNew();
        using var c = new CertificateCase()
            .Anchor(rsa4096, "rsa4096.pem").Anchor(rsa2048, "rsa2048.pem").Anchor(p384, "p384.pem")
            .Serve(Shapes.Host + ":5000", leaf, intermediate);
        var first = c.Run();
        cold.Stop();
        first.IsClean();

        const int rounds = 20;
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            c.Run();
        }

        warm.Stop();

        // Loading the files as the build does (PEM, DER parse, eager decoding), fresh objects each round.
        var load = Stopwatch.StartNew();
        foreach (var file in new[] { "rsa4096.pem", "rsa2048.pem", "p384.pem", "chain.pem" })
        {
            CertificateFileLoader.Load(Path.Combine(c.Directory, file), file, "CertificateAuthority", TrustAnchorRole.RegistryCertificateAuthority, SourceLocation.None, new DiagnosticBag());
        }

        load.Stop();

        // What the avoided path costs: BouncyCastle building the RSA-4096 key object (modulus validation) once.
        var fresh = new Org.BouncyCastle.X509.X509Certificate(rsa4096.Der);
        var bouncy = Stopwatch.StartNew();
        _ = fresh.GetPublicKey();
        bouncy.Stop();

        _output.WriteLine($"loading and checking, first run in this process (cold): {cold.Elapsed.TotalMilliseconds:F1} ms");
        _output.WriteLine($"certificate checks, warm: {warm.Elapsed.TotalMilliseconds / rounds:F2} ms per run ({rounds} runs)");
        _output.WriteLine($"loading the four files again: {load.Elapsed.TotalMilliseconds:F1} ms");
        _output.WriteLine($"for comparison, BouncyCastle GetPublicKey() of the RSA-4096 root: {bouncy.Elapsed.TotalMilliseconds:F1} ms");
    }
}
