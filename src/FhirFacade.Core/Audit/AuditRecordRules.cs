using System.Globalization;

namespace FhirFacade.Core.Audit;

/// <summary>
/// The content rules every store applies before it chains a record: the NHS number is the only
/// patient identifier and must be 10 digits; the path is a template without a query string; the
/// time is UTC truncated to whole microseconds (the precision every store keeps, so the hash of a
/// record read back equals the hash of the record written).
/// </summary>
public static class AuditRecordRules
{
    private const int NhsNumberLength = 10;
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    /// <summary>Checks <paramref name="record"/> and returns it in the normal form that is hashed and stored.</summary>
    /// <exception cref="ArgumentException">The record breaks a content rule.</exception>
    public static AuditRecord Normalize(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Require(!string.IsNullOrWhiteSpace(record.CorrelationId), "A correlation id is required.");
        Require(!string.IsNullOrWhiteSpace(record.Interaction), "An interaction is required.");
        Require(!string.IsNullOrWhiteSpace(record.Method), "An HTTP method is required.");
        Require(!string.IsNullOrWhiteSpace(record.PathTemplate), "A path template is required.");
        Require(
            record.PathTemplate.IndexOfAny(['?', '#']) < 0,
            "The path template must not carry a query string or fragment (query values may hold patient data).");
        Require(record.PatientNhsNumber is null || IsNhsNumberShaped(record.PatientNhsNumber), "The patient NHS number must be 10 digits.");
        Require(record.ResourceCount >= 0, "The resource count cannot be negative.");
        Require(record.ResourceTypes.All(t => !string.IsNullOrWhiteSpace(t)), "Resource types cannot be empty.");
        Require(record.Outcome.HttpStatus is >= 100 and <= 599, "The HTTP status must be 100..599.");

        var utc = record.Recorded.ToUniversalTime();
        var truncated = new DateTimeOffset(utc.Ticks - (utc.Ticks % TicksPerMicrosecond), TimeSpan.Zero);
        return truncated == record.Recorded && record.Recorded.Offset == TimeSpan.Zero
            ? record
            : record with { Recorded = truncated };
    }

    /// <summary>Formats an instant as the canonical form does: UTC with six fractional digits.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static bool IsNhsNumberShaped(string value) =>
        value.Length == NhsNumberLength && value.All(char.IsAsciiDigit);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
