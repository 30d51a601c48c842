namespace Coco.InitData.Measurements;

/// <summary>One TEE's value for the initdata digest: what a reference value or QEMU option carries.</summary>
/// <param name="Tee">Short name: snp, tdx, cca, vtpm.</param>
/// <param name="Field">The hardware field (HOST_DATA, MRCONFIGID, RPV, PCR8).</param>
/// <param name="Value">The bytes.</param>
public sealed record TeeField(string Tee, string Field, byte[] Value)
{
    /// <summary>Lowercase hex.</summary>
    public string Hex => Convert.ToHexString(Value).ToLowerInvariant();

    /// <summary>Standard base64 with padding.</summary>
    public string Base64 => Convert.ToBase64String(Value);
}
