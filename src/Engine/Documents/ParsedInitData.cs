using Coco.InitData.Measurements;

namespace Coco.InitData.Documents;

/// <summary>An initdata document read back from its bytes: what the guest would see.</summary>
/// <param name="Algorithm">The document's <c>algorithm</c>.</param>
/// <param name="Data">The <c>[data]</c> entries, in document order.</param>
public sealed record ParsedInitData(DigestAlgorithm Algorithm, IReadOnlyList<KeyValuePair<string, string>> Data);
