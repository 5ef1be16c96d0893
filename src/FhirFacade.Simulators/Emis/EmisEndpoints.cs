using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Emis;

/// <summary>The EMIS endpoints (docs/suppliers/emis.md).</summary>
internal static class EmisEndpoints
{
    /// <summary>The most matches a demographic search returns (the rest are reported as truncated).</summary>
    public const int MaxMatches = 50;

    public static void Map(IEndpointRouteBuilder app, EmisSimulator simulator)
    {
        var api = app.MapGroup("/api");
        api.AddEndpointFilter(async (context, next) =>
        {
            var key = context.HttpContext.Request.Headers[EmisXml.ApiKeyHeader].ToString();
            if (!string.Equals(key, simulator.ApiKey, StringComparison.Ordinal))
            {
                return Error(StatusCodes.Status401Unauthorized, "UNAUTHORISED", "Missing or invalid X-Api-Key header");
            }

            return await next(context);
        });

        api.MapGet("/patients", (string? family, string? birthDate, string? ods, HttpContext context) => SearchAsync(simulator, family, birthDate, ods, context));
        api.MapGet("/patients/{nhs}", (string nhs, HttpContext context) => PatientAsync(simulator, nhs, context, summaryOnly: true, sections: null));
        api.MapGet("/patients/{nhs}/record", (string nhs, string? sections, HttpContext context) => PatientAsync(simulator, nhs, context, summaryOnly: false, sections));
        api.MapGet("/organisations/{ods}", async (string ods, HttpContext context) =>
        {
            var faults = simulator.Faults.For(null);
            if (await HttpFaultGate.BeforeAsync(faults, context, simulator.Host, ErrorForStatus) is { } faulted)
            {
                return faulted;
            }

            var organisation = SimulatorDirectory.FindOrganisation(ods);
            return organisation is null || organisation.Supplier != SupplierKind.Emis
                ? Error(StatusCodes.Status404NotFound, "ORGANISATION_NOT_FOUND", "No EMIS organisation with this ODS code")
                : HttpFaultGate.Document(faults, EmisRecordWriter.Organisation(organisation), EmisXml.ContentType);
        });
        api.MapGet("/practitioners/{id}", async (string id, HttpContext context) =>
        {
            var faults = simulator.Faults.For(null);
            if (await HttpFaultGate.BeforeAsync(faults, context, simulator.Host, ErrorForStatus) is { } faulted)
            {
                return faulted;
            }

            var practitioner = SimulatorDirectory.FindPractitioner(id);
            return practitioner is null || SimulatorDirectory.FindOrganisation(practitioner.OdsCode)?.Supplier != SupplierKind.Emis
                ? Error(StatusCodes.Status404NotFound, "PRACTITIONER_NOT_FOUND", "No EMIS user with this id")
                : HttpFaultGate.Document(faults, EmisRecordWriter.Practitioner(practitioner), EmisXml.ContentType);
        });
    }

    private static async Task<IResult> PatientAsync(EmisSimulator simulator, string nhs, HttpContext context, bool summaryOnly, string? sections)
    {
        var faults = simulator.Faults.For(nhs);
        if (await HttpFaultGate.BeforeAsync(faults, context, simulator.Host, ErrorForStatus) is { } faulted)
        {
            return faulted;
        }

        if (!SupplierGuard.IsWellFormed(nhs))
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_NHS_NUMBER", "The NHS number must be 10 digits");
        }

        if (!TryParseSections(sections, out var areas))
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_SECTION", "sections must be a comma-separated list of problems, allergies, medications");
        }

        var records = SupplierGuard.Records(nhs, SupplierKind.Emis, faults);
        if (records.Count == 0)
        {
            return Error(StatusCodes.Status404NotFound, "PATIENT_NOT_FOUND", "No patient with this NHS number is registered on this system");
        }

        var record = records[0];
        var etag = string.Create(CultureInfo.InvariantCulture, $"\"{record.Organisation.OdsCode}-{record.Version}\"");
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = record.LastModified.ToString("R", CultureInfo.InvariantCulture);
        if (string.Equals(context.Request.Headers.IfNoneMatch.ToString(), etag, StringComparison.Ordinal))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var body = summaryOnly ? EmisRecordWriter.Summary(record) : EmisRecordWriter.Record(record, areas);
        return HttpFaultGate.Document(faults, body, EmisXml.ContentType);
    }

    /// <summary>Demographic search: family name (starts-with, case-insensitive) and optional birth date; at most <see cref="MaxMatches"/> matches.</summary>
    private static async Task<IResult> SearchAsync(EmisSimulator simulator, string? family, string? birthDate, string? ods, HttpContext context)
    {
        var faults = simulator.Faults.For(null);
        if (await HttpFaultGate.BeforeAsync(faults, context, simulator.Host, ErrorForStatus) is { } faulted)
        {
            return faulted;
        }

        if (string.IsNullOrWhiteSpace(family))
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_SEARCH", "family is required");
        }

        DateOnly? born = null;
        if (!string.IsNullOrEmpty(birthDate))
        {
            if (!DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Error(StatusCodes.Status400BadRequest, "INVALID_SEARCH", "birthDate must be yyyy-MM-dd");
            }

            born = parsed;
        }

        var matches = DemographicIndex.Find(family, born, SupplierKind.Emis, ods);
        return HttpFaultGate.Document(faults, EmisRecordWriter.SearchResults(matches.Take(MaxMatches), matches.Count > MaxMatches), EmisXml.ContentType);
    }

    private static bool TryParseSections(string? sections, out RecordAreas areas)
    {
        areas = RecordAreas.Problems | RecordAreas.Allergies | RecordAreas.Medications;
        if (string.IsNullOrWhiteSpace(sections))
        {
            return true;
        }

        areas = RecordAreas.None;
        foreach (var part in sections.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "problems":
                    areas |= RecordAreas.Problems;
                    break;
                case "allergies":
                    areas |= RecordAreas.Allergies;
                    break;
                case "medications":
                    areas |= RecordAreas.Medications;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static IResult ErrorForStatus(int status) =>
        Error(status, status == StatusCodes.Status503ServiceUnavailable ? "SERVICE_UNAVAILABLE" : "INTERNAL_ERROR", "The EMIS service failed to process the request");

    private static IResult Error(int status, string code, string message) =>
        Results.Text(EmisRecordWriter.Error(code, message), EmisXml.ContentType, System.Text.Encoding.UTF8, status);
}
