using Coco.InitData.Certificates;

namespace Coco.InitData.Tests.Certificates;

/// <summary>
/// The rustls profile's verdict agrees with webpki 0.22 (scripts/webpkiverify) on every oracle scenario, except
/// exactly where a difference between webpki 0.22 and the guest's rustls-webpki 0.103 is listed
/// (<see cref="WebpkiDifferences"/>, docs/webpki-0.22-vs-0.103.md): there the profile follows 0.103.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class WebpkiCrossCheckTests
{
    [SkippableTheory]
    [MemberData(nameof(OracleCases.Names), MemberType = typeof(OracleCases))]
    public void The_rustls_profile_agrees_with_webpki_except_where_0_22_and_0_103_differ(string scenario)
    {
        Skip.If(WebpkiVerify.SkipReason is not null, WebpkiVerify.SkipReason);
        using var c = OracleCases.All[scenario]();
        var ours = c.Run();
        var webpki = WebpkiVerify.Run(c);
        var profileAccepts = !ours.RejectedBy(TlsProfile.Rustls);
        var difference = WebpkiDifferences.For(scenario);
        var says = $"{scenario}: webpki 0.22 {(webpki.Accepted ? "accepts" : "rejects")} ({webpki.Output}), our rustls profile {(profileAccepts ? "accepts" : "rejects")}:\n{ours.Describe()}";
        if (difference is null)
        {
            Assert.True(webpki.Accepted == profileAccepts, says);
        }
        else
        {
            // A listed difference must still be one: the oracle and the profile disagree, in the listed direction.
            Assert.True(webpki.Accepted != profileAccepts && webpki.Accepted == difference.Oracle022Accepts, $"{difference.Id} no longer explains this scenario; {says}");
        }
    }

    [Fact]
    public void Every_listed_difference_is_in_the_docs_table_with_its_scenarios()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, WebpkiDifferences.Page));
        foreach (var difference in WebpkiDifferences.All)
        {
            Assert.Contains($"| {difference.Id} |", page, StringComparison.Ordinal);
            Assert.All(difference.Scenarios, s => Assert.Contains(s, page, StringComparison.Ordinal));
            Assert.All(difference.Scenarios.Where(s => !s.StartsWith("go: ", StringComparison.Ordinal) || ForeignCorpus.All.Count > 0),
                s => Assert.True(OracleCases.All.ContainsKey(s) || ForeignCorpus.All.ContainsKey(s), $"{difference.Id} lists an unknown scenario '{s}'"));
        }
    }
}
