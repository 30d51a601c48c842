using Coco.InitData.Certificates;

namespace Coco.InitData.Tests.Certificates;

/// <summary>The openssl profile's verdict agrees with <c>openssl verify</c> wherever openssl verify models the OpenSSL guest.</summary>
[Trait("Category", "EndToEnd")]
public sealed class OpenSslCrossCheckTests
{
    [SkippableTheory]
    [MemberData(nameof(OracleCases.Names), MemberType = typeof(OracleCases))]
    public void The_openssl_profile_agrees_with_openssl_verify(string scenario)
    {
        Skip.If(OpenSslVerify.SkipReason is not null, OpenSslVerify.SkipReason);
        using var c = OracleCases.All[scenario]();
        var ours = c.Run();
        var (accepted, output) = OpenSslVerify.Run(c);
        Assert.True(accepted == !ours.RejectedBy(TlsProfile.OpenSsl),
            $"{scenario}: openssl verify {(accepted ? "accepts" : "rejects")} ({output.Trim()}), our openssl profile {(ours.RejectedBy(TlsProfile.OpenSsl) ? "rejects" : "accepts")}:\n{ours.Describe()}");
    }
}
