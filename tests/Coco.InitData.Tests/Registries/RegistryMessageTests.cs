using Coco.InitData.Diagnostics;
using Xunit;

namespace Coco.InitData.Tests.Registries;

/// <summary>The registry messages are in the catalog with their own codes, and no two messages share one.</summary>
public sealed class RegistryMessageTests
{
    [Fact]
    public void Every_message_has_a_unique_code_and_the_registry_codes_are_in_their_ranges()
    {
        var codes = Enum.GetValues<MessageId>().Select(id => (Id: id, Code: MessageCatalog.Format(id, new object?[10]).Code)).ToList();

        var duplicates = codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key + ": " + string.Join(", ", g.Select(c => c.Id)));
        Assert.Empty(duplicates);
        var registry = new[]
        {
            MessageId.RegistryEndpointSchemeConflict, MessageId.RegistryWildcardRemap, MessageId.RegistryWildcardNeedsLocation,
            MessageId.MirrorRegistryUndeclared, MessageId.InsecureWithCertificateAuthority, MessageId.InsecureWithoutImagePolicy,
            MessageId.InlineSecretSuspected, MessageId.BlockedRegistryHasSettings, MessageId.RegistryIncludeIsFileGlob,
        };
        Assert.All(registry, id => Assert.InRange(int.Parse(codes.Single(c => c.Id == id).Code[3..], System.Globalization.CultureInfo.InvariantCulture), 1020, 1099));
        Assert.Equal("CID3010", codes.Single(c => c.Id == MessageId.NodeConfigurationLimited).Code);
    }
}
