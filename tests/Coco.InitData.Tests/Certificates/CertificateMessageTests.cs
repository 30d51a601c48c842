using Coco.InitData.Certificates.Rules;
using Coco.InitData.Diagnostics;

namespace Coco.InitData.Tests.Certificates;

/// <summary>The certificate messages: unique codes in their range, and every rule's message carries the common context.</summary>
public sealed class CertificateMessageTests
{
    [SkippableFact]
    public void Every_message_has_a_unique_code()
    {
        var codes = Enum.GetValues<MessageId>().Select(id => MessageCatalog.Format(id, new object?[20]).Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [SkippableFact]
    public void Every_certificate_rule_message_names_the_stacks_the_guest_error_and_a_fix_and_has_a_code_from_2001_to_2199()
    {
        var rules = typeof(RuleCatalog).GetFields().Where(f => f.FieldType == typeof(CertificateRule)).Select(f => (CertificateRule)f.GetValue(null)!).ToList();
        Assert.True(rules.Count >= 40, $"only {rules.Count} rules");
        foreach (var rule in rules)
        {
            var template = MessageCatalog.GetTemplate(rule.Message);
            var number = int.Parse(rule.Code[3..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(number, 2001, 2199);
            Assert.Contains("Rejected by: {6}. Guest error: {7}.", template, StringComparison.Ordinal);
            Assert.Contains("Fix: ", template, StringComparison.Ordinal);
            Assert.Contains("SHA-256 {2}", template, StringComparison.Ordinal);
        }
    }
}
