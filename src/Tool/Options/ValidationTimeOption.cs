using System.CommandLine;
using Coco.InitData.Certificates;

namespace Coco.InitData.Tool.Options;

/// <summary><c>--validation-time</c>: the instant certificates are judged at (reproducible CI checks).</summary>
internal static class ValidationTimeOption
{
    public static Option<DateTimeOffset?> Create() => new("--validation-time")
    {
        Description = "The instant to validate certificates at, ISO 8601: 2026-01-31T12:00:00Z, or a date alone such as 2026-01-31 for its midnight UTC (default: now).",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (ValidityPeriodCheck.TryParse(text, out var at))
            {
                return at;
            }

            result.AddError($"--validation-time '{text}' is not an ISO 8601 instant such as 2026-01-31T12:00:00Z or a date such as 2026-01-31.");
            return null;
        },
    };
}
