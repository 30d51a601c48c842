using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;
using Coco.InitData.Tests.Docs;

namespace Coco.InitData.Tests.Diagnostics;

public sealed partial class MessageCatalogTests
{
    [Fact]
    public void Every_message_has_a_well_formed_code_and_no_two_messages_share_one()
    {
        var codes = Enum.GetValues<MessageId>().Select(id => (Id: id, Code: MessageCatalog.Format(id, Args(id)).Code)).ToList();

        Assert.All(codes, c => Assert.Matches(CodePattern(), c.Code));
        var duplicates = codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key + ": " + string.Join(", ", g.Select(c => c.Id))).ToList();
        Assert.True(duplicates.Count == 0, "codes used twice: " + string.Join("; ", duplicates));
    }

    [Fact]
    public void Every_message_formats_with_its_arguments_and_leaves_no_placeholder()
    {
        foreach (var id in Enum.GetValues<MessageId>())
        {
            var (_, text) = MessageCatalog.Format(id, Args(id));
            Assert.DoesNotMatch(@"\{\d+\}", text);
            // A sentence, or a certificate finding's closing [subject, issuer, fingerprint, dates] block.
            Assert.True(text.TrimEnd().EndsWith('.') || text.TrimEnd().EndsWith(']'), $"{id}: {text}");
        }
    }

    [Fact]
    public void Every_message_falls_in_exactly_one_area_of_the_code_map()
    {
        foreach (var id in Enum.GetValues<MessageId>())
        {
            var number = CodeNumber(id);
            var areas = DiagnosticsPage.Areas.Where(a => number >= a.First && number <= a.Last).Select(a => a.Title).ToList();
            Assert.True(areas.Count == 1, $"{id} (CID{number}) falls in {areas.Count} areas: {string.Join(", ", areas)}");
        }
    }

    // The areas are the code map's (DiagnosticsPage.Areas, the ranges docs/diagnostics.md publishes), named by title.
    [Theory]
    [InlineData("Registry", "Declarations")]
    [InlineData("Insecure", "Declarations")]
    [InlineData("InputFile", "Declarations")]
    [InlineData("Annotation", "Declarations", "Documents and annotations")]
    [InlineData("Push", "Container publish")]
    [InlineData("Pin", "Container publish")]
    [InlineData("DocumentSecret", "Secrets")]
    [InlineData("InlineSecret", "Secrets")]
    [InlineData("PrivateKey", "Secrets")]
    [InlineData("HostUnsupported", "Build host")]
    [InlineData("Certificate", "Certificates")]
    [InlineData("Anchor", "Certificates")]
    [InlineData("Chain", "Certificates")]
    [InlineData("Manifest", "Kubernetes manifests")]
    [InlineData("Output", "Output and file system")]
    [InlineData("Tool", "Tool usage")]
    [InlineData("Probe", "Tool usage")]
    [InlineData("Certs", "Tool usage")]
    public void Messages_of_each_room_keep_to_the_areas_of_their_room(string namePrefix, params string[] areas)
    {
        var ids = IdsNamed(namePrefix);
        var titles = DiagnosticsPage.Areas.Select(a => a.Title).ToList();

        Assert.NotEmpty(ids);
        Assert.All(areas, area => Assert.Contains(area, titles));
        Assert.All(ids, id => Assert.Contains(DiagnosticsPage.AreaOf("CID" + CodeNumber(id))?.Title, areas));
    }

    // Blocks a room keeps to inside one area; the code map does not list them, so the block is checked to lie inside one.
    [Theory]
    [InlineData("GuestDocument", 3020, 3029)]
    [InlineData("ToolDotnet", 4070, 4079)]
    [InlineData("ToolManagedPart", 4070, 4079)]
    public void Messages_of_a_room_with_a_block_of_its_own_keep_to_it(string namePrefix, int low, int high)
    {
        var ids = IdsNamed(namePrefix);

        Assert.NotEmpty(ids);
        Assert.Single(DiagnosticsPage.Areas, a => low >= a.First && high <= a.Last);
        Assert.All(ids, id => Assert.InRange(CodeNumber(id), low, high));
    }

    [Fact]
    public void A_diagnostic_prints_in_msbuild_canonical_form()
    {
        var diagnostic = Diagnostic.Create(MessageId.AlgorithmUnknown, DiagnosticSeverity.Error, new SourceLocation("/p/app.csproj", 7), "sha-256", "InitDataAlgorithm");

        Assert.Equal("/p/app.csproj(7,1): error CID1002: InitDataAlgorithm 'sha-256' is not supported. Use sha256, sha384 or sha512, spelled exactly so (the guest rejects other spellings).", diagnostic.ToCanonicalString());
    }

    private static List<MessageId> IdsNamed(string namePrefix) =>
        Enum.GetValues<MessageId>().Where(id => id.ToString().StartsWith(namePrefix, StringComparison.Ordinal)).ToList();

    private static int CodeNumber(MessageId id) => int.Parse(MessageCatalog.Format(id, Args(id)).Code[3..], System.Globalization.CultureInfo.InvariantCulture);

    // Enough arguments for any message; the count of placeholders is read from the template.
    private static object[] Args(MessageId id)
    {
        var count = Regex.Matches(MessageCatalog.GetTemplate(id), @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        return Enumerable.Range(0, count).Select(i => (object)("arg" + i)).ToArray();
    }

    [GeneratedRegex("^CID[1-49][0-9]{3}$")]
    private static partial Regex CodePattern();
}
