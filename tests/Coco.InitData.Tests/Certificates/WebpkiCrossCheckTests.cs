using Coco.InitData.Certificates;
using Xunit;

namespace Coco.InitData.Tests.Certificates;

public sealed class WebpkiCrossCheckTests
{
    [SkippableTheory]
    [MemberData(nameof(OracleCases.Names), MemberType = typeof(OracleCases))]
    public void The_rustls_profile_agrees_with_webpki(string scenario)
    {
        Skip.IfNot(WebpkiVerify.IsAvailable, "cargo or the webpki crates are missing (" + WebpkiVerify.Packages + ")");
        using var c = OracleCases.All[scenario]();
        var ours = c.Run();
        var webpki = WebpkiVerify.Run(c);
        File.AppendAllText("/tmp/wpk-probe.txt", $"{scenario}\t{(webpki.Accepted ? "accepts" : "rejects")}\t{webpki.Output}\t{(ours.RejectedBy(TlsProfile.Rustls) ? "rejects" : "accepts")}\t{string.Join(",", ours.Codes)}\n");
        Assert.True(webpki.Accepted == !ours.RejectedBy(TlsProfile.Rustls), $"{scenario}: webpki {webpki.Output}:\n{ours.Describe()}");
    }
}
