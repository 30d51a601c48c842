namespace Coco.InitData.Transport;

/// <summary>
/// An annotation value as the kata runtimes on the node read it. The result (<see cref="Document"/>) is what the Go
/// runtime reads (kata-containers 3.32.0 src/runtime/pkg/oci/utils.go addHypervisorInitdataOverrides: Go's
/// <c>base64.NewDecoder(StdEncoding)</c>, which skips line breaks, into <c>gzip.NewReader</c>, which reads every
/// member); the other fields say where runtime-rs (src/libs/kata-types/src/initdata.rs decode_raw_initdata: base64
/// 0.13 STANDARD, no white space at all, then flate2 <c>GzDecoder</c>, the first member only) would differ.
/// </summary>
public sealed record RuntimeDecoding
{
    // The engine makes these; a front end only reads them.
    internal RuntimeDecoding()
    {
    }

    /// <summary>The document bytes the Go runtime hashes and hands to the guest.</summary>
    public required byte[] Document { get; init; }

    /// <summary>The value has line breaks: the Go runtime skips them, runtime-rs refuses the annotation.</summary>
    public bool HasLineBreaks { get; init; }

    /// <summary>How many gzip members the value holds (1 as encoded here).</summary>
    public int GzipMembers { get; init; } = 1;

    /// <summary>The bytes of the first member alone: what runtime-rs reads when there are several.</summary>
    public int FirstMemberLength { get; init; }
}
