using Coco.InitData.Certificates;

namespace Coco.InitData.Tests.Certificates;

/// <summary>The go (node containerd) profile's verdict agrees with Go's crypto/x509 wherever Verify models containerd.</summary>
[Trait("Category", "EndToEnd")]
public sealed class GoCrossCheckTests
{
    [SkippableTheory]
    [MemberData(nameof(OracleCases.Names), MemberType = typeof(OracleCases))]
    public void The_go_profile_agrees_with_go_crypto_x509(string scenario)
    {
        Skip.If(GoVerify.SkipReason is not null, GoVerify.SkipReason);
        using var c = OracleCases.All[scenario]();
        var ours = c.Run();
        var (accepted, output) = GoVerify.Run(c);
        Assert.True(accepted == !ours.RejectedBy(TlsProfile.Go),
            $"{scenario}: Go {(accepted ? "accepts" : "rejects")} ({output.Trim()}), our go profile {(ours.RejectedBy(TlsProfile.Go) ? "rejects" : "accepts")}:\n{ours.Describe()}");
    }
}
