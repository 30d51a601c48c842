using System.Text.RegularExpressions;
using Coco.InitData.Diagnostics;

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

    [Theory]
    [InlineData("Registry", 1001, 1099)]
    [InlineData("Insecure", 1001, 1099)]
    [InlineData("Certificate", 2001, 2199)]
    [InlineData("Anchor", 2001, 2199)]
    [InlineData("Chain", 2001, 2199)]
    [InlineData("Annotation", 1001, 3049)]
    [InlineData("GuestDocument", 3020, 3029)]
    [InlineData("Manifest", 3050, 3099)]
    [InlineData("Output", 3001, 3099)]
    [InlineData("DocumentSecret", 1060, 1069)]
    [InlineData("InlineSecret", 1060, 1069)]
    [InlineData("PrivateKey", 1060, 1069)]
    [InlineData("InputFile", 1001, 1049)]
    [InlineData("Push", 1050, 1059)]
    [InlineData("Pin", 1050, 1059)]
    [InlineData("HostUnsupported", 1090, 1099)]
    [InlineData("Tool", 4001, 4099)]
    [InlineData("Probe", 4001, 4099)]
    [InlineData("Certs", 4001, 4099)]
    [InlineData("ToolDotnet", 4070, 4079)]
    [InlineData("ToolManagedPart", 4070, 4079)]
    public void Messages_of_each_room_keep_to_their_code_range(string namePrefix, int low, int high)
    {
        var ids = Enum.GetValues<MessageId>().Where(id => id.ToString().StartsWith(namePrefix, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.InRange(int.Parse(MessageCatalog.Format(id, Args(id)).Code[3..], System.Globalization.CultureInfo.InvariantCulture), low, high));
    }

    [Fact]
    public void A_diagnostic_prints_in_msbuild_canonical_form()
    {
        var diagnostic = Diagnostic.Create(MessageId.AlgorithmUnknown, DiagnosticSeverity.Error, new SourceLocation("/p/app.csproj", 7), "sha-256", "InitDataAlgorithm");

        Assert.Equal("/p/app.csproj(7,1): error CID1002: InitDataAlgorithm 'sha-256' is not supported. Use sha256, sha384 or sha512, spelled exactly so (the guest rejects other spellings).", diagnostic.ToCanonicalString());
    }

    // Enough arguments for any message; the count of placeholders is read from the template.
    private static object[] Args(MessageId id)
    {
        var count = Regex.Matches(MessageCatalog.GetTemplate(id), @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        return Enumerable.Range(0, count).Select(i => (object)("arg" + i)).ToArray();
    }

    [GeneratedRegex("^CID[1-49][0-9]{3}$")]
    private static partial Regex CodePattern();
}
