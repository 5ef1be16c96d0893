using System.Globalization;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Vision;

/// <summary>Answers one QBP^Q11 query with an RSP^K11 (docs/suppliers/vision.md).</summary>
internal sealed class VisionQueryHandler
{
    private readonly VisionSimulatorOptions _options;

    public VisionQueryHandler(VisionSimulatorOptions options)
    {
        _options = options;
    }

    /// <summary>The NHS number a query is about (for fault scoping), or null.</summary>
    public static string? NhsNumberOf(string message)
    {
        var qpd = Segments(message).FirstOrDefault(s => s.Name == "QPD");
        return qpd?.Component(3, 1);
    }

    public string Handle(string message, AppliedFaults faults)
    {
        var segments = Segments(message);
        var msh = segments.FirstOrDefault(s => s.Name == "MSH");
        var now = _options.TimeProvider.GetUtcNow();
        if (msh is null)
        {
            var bare = VisionMessageWriter.Header(string.Empty, string.Empty, "VISION", now, string.Empty);
            return VisionMessageWriter.Error(bare, string.Empty, "AR", string.Empty, string.Empty, false, "100", "Segment sequence error", "The message does not start with MSH");
        }

        var controlId = Hl7Escaping.Unescape(msh.Field(10));
        var facility = msh.Component(6, 1);
        var header = VisionMessageWriter.Header(msh.Component(3, 1), msh.Component(4, 1), facility.Length > 0 ? Hl7Escaping.Escape(facility) : "VISION", now, controlId);
        var qpd = segments.FirstOrDefault(s => s.Name == "QPD");
        var qpdLine = qpd is null ? string.Empty : Lines(message).First(l => l.StartsWith("QPD|", StringComparison.Ordinal));
        var tag = qpd?.Component(2, 1) ?? string.Empty;

        if (faults.Nak)
        {
            return VisionMessageWriter.Error(header, controlId, "AR", tag, qpdLine, false, "207", "Application internal error", "The Vision interface is not accepting queries");
        }

        if (!string.Equals(msh.Component(8, 1), _options.AccessKey, StringComparison.Ordinal))
        {
            return VisionMessageWriter.Error(header, controlId, "AR", tag, qpdLine, false, "207", "Application internal error", "Security check failed (MSH-8)");
        }

        if (msh.Component(9, 1) != "QBP" || msh.Component(9, 2) != "Q11")
        {
            return VisionMessageWriter.Error(header, controlId, "AR", tag, qpdLine, false, "200", "Unsupported message type", "Only QBP^Q11 is supported");
        }

        if (qpd is null)
        {
            return VisionMessageWriter.Error(header, controlId, "AR", tag, qpdLine, false, "100", "Segment sequence error", "QPD segment missing");
        }

        var queryName = qpd.Component(1, 1);
        if (queryName != Hl7.RecordQuery && queryName != Hl7.ExistsQuery && queryName != Hl7.DemographicQuery)
        {
            return VisionMessageWriter.Error(header, controlId, "AE", tag, qpdLine, false, "206", "Application record locked", "Unknown query name in QPD-1");
        }

        // The error-status fault speaks Vision's own language for what the HTTP status means: 404 is its
        // "not found" (AE, QAK-2 NF, ERR 204), 401/403 its security refusal (AR naming MSH-8), anything else an AE 207.
        switch (faults.ErrorStatus)
        {
            case null:
                break;
            case 404:
                return VisionMessageWriter.Error(header, controlId, "AE", tag, qpdLine, true, "204", "Unknown key identifier", "Patient not found");
            case 401 or 403:
                return VisionMessageWriter.Error(header, controlId, "AR", tag, qpdLine, false, "207", "Application internal error", "Security check failed (MSH-8)");
            default:
                return VisionMessageWriter.Error(header, controlId, "AE", tag, qpdLine, false, "207", "Application internal error", "The Vision application failed to process the query");
        }

        if (queryName == Hl7.DemographicQuery)
        {
            return Demographic(header, controlId, tag, qpdLine, qpd, facility, faults);
        }

        var nhs = qpd.Component(3, 1);
        if (!SupplierGuard.IsWellFormed(nhs) || qpd.Component(3, 4) != Hl7.NhsAuthority)
        {
            return VisionMessageWriter.Error(header, controlId, "AE", tag, qpdLine, false, "102", "Data type error", "QPD-3 must be a 10-digit NHS number with assigning authority NHS");
        }

        if (!TryParseAreas(qpd, out var areas))
        {
            return VisionMessageWriter.Error(header, controlId, "AE", tag, qpdLine, false, "103", "Table value not found", "QPD-4 may hold DEMOGRAPHICS, PROBLEMS, ALLERGIES, MEDICATIONS");
        }

        var records = SupplierGuard.Records(nhs, SupplierKind.Vision, faults);
        if (records.Count == 0)
        {
            return VisionMessageWriter.Error(header, controlId, "AE", tag, qpdLine, true, "204", "Unknown key identifier", "Patient not found");
        }

        var answer = VisionMessageWriter.Record(header, controlId, tag, qpdLine, records[0], areas, queryName == Hl7.ExistsQuery);
        return faults.Malformed ? PayloadCorruptor.Truncate(answer) : answer;
    }

    /// <summary>VDQ: family name (QPD-3, starts-with, case-insensitive) and optional birth date (QPD-4) at the MSH-6 practice.</summary>
    private static string Demographic(string header, string controlId, string tag, string qpdLine, Hl7Segment qpd, string facility, AppliedFaults faults)
    {
        var family = qpd.Component(3, 1);
        if (string.IsNullOrWhiteSpace(family))
        {
            return VisionMessageWriter.Error(header, controlId, "AE", tag, qpdLine, false, "101", "Required field missing", "QPD-3 must hold a family name");
        }

        DateOnly? born = null;
        var birthDate = qpd.Component(4, 1);
        if (birthDate.Length > 0)
        {
            if (!DateOnly.TryParseExact(birthDate, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return VisionMessageWriter.Error(header, controlId, "AE", tag, qpdLine, false, "102", "Data type error", "QPD-4 must be a birth date yyyyMMdd");
            }

            born = parsed;
        }

        var matches = DemographicIndex.Find(family, born, SupplierKind.Vision, facility.Length > 0 ? facility : null);
        var answer = VisionMessageWriter.Matches(header, controlId, tag, qpdLine, matches.Take(Hl7.MaxMatches).Select(PatientWorld.DemographicsOf).ToList(), matches.Count);
        return faults.Malformed ? PayloadCorruptor.Truncate(answer) : answer;
    }

    private static bool TryParseAreas(Hl7Segment qpd, out RecordAreas areas)
    {
        var repetitions = qpd.Repetitions(4);
        areas = repetitions.Count == 0 ? RecordAreas.All : RecordAreas.Demographics;
        foreach (var repetition in repetitions)
        {
            var area = Hl7Escaping.Unescape(repetition.Split('^')[0]) switch
            {
                "DEMOGRAPHICS" => RecordAreas.Demographics,
                "PROBLEMS" => RecordAreas.Problems,
                "ALLERGIES" => RecordAreas.Allergies,
                "MEDICATIONS" => RecordAreas.Medications,
                _ => RecordAreas.None,
            };
            if (area == RecordAreas.None)
            {
                return false;
            }

            areas |= area;
        }

        return true;
    }

    private static string[] Lines(string message) =>
        message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static List<Hl7Segment> Segments(string message) => Lines(message).Select(Hl7Segment.Parse).ToList();
}
