using Coco.InitData.Diagnostics;

namespace Coco.InitData.Certificates.Rules;

/// <summary>One certificate check (README: Certificate checks, Codes): its message, the stacks that reject what it finds, and what they print.</summary>
/// <param name="Message">The message in Messages.resx (its code is in the text).</param>
/// <param name="Spec">The rule's name in the team's certificate rules (outside this repository), for example <c>B4</c>; the README's Codes table maps codes to behaviour.</param>
/// <param name="RejectedBy">The stacks that refuse the certificate; <see cref="TlsProfile.None"/> for advisory findings.</param>
/// <param name="Errors">What each rejecting stack prints.</param>
/// <param name="WarningOnly">True when even a rejecting guest stack only makes this a warning (for example P-521 on ring-based builds).</param>
internal sealed record CertificateRule(MessageId Message, string Spec, TlsProfile RejectedBy, GuestErrors Errors, bool WarningOnly = false)
{
    /// <summary>The stable code, read from the message text.</summary>
    public string Code => MessageCatalog.GetTemplate(Message).Split(':')[0];

    /// <summary>The same rule with other rejecting stacks (some checks depend on the case, for example anyExtendedKeyUsage).</summary>
    public CertificateRule RejectedOnlyBy(TlsProfile profiles) => this with { RejectedBy = profiles };
}
