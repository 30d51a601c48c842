using Coco.InitData.Certificates;

namespace Coco.InitData.Tool.Output;

/// <summary>Counts and profile lists written as a user writes them: "1 error", "rustls;openssl".</summary>
internal static class Wording
{
    /// <summary>"1 error", "2 errors", "0 warnings": the noun is singular for exactly one.</summary>
    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>The profiles as InitDataTlsProfiles and --tls-profiles spell them: "rustls;openssl".</summary>
    public static string Profiles(TlsProfile profiles) =>
        string.Join(';', CertificateVerdicts.Profiles.Where(p => (profiles & p.Profile) != 0).Select(p => p.Name));
}
