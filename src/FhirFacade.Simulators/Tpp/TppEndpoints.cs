using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tpp;

/// <summary>The SystmOne query endpoint (docs/suppliers/tpp.md).</summary>
internal static class TppEndpoints
{
    public const string ApiKeyHeader = "X-TPP-Api-Key";

    /// <summary>The most matches a <c>PatientSearch</c> returns (the rest are reported as truncated).</summary>
    public const int MaxMatches = 50;

    public static void Map(IEndpointRouteBuilder app, TppSimulator simulator)
    {
        app.MapPost("/api/v2/query", async (HttpContext context) =>
        {
            if (!string.Equals(context.Request.Headers[ApiKeyHeader].ToString(), simulator.ApiKey, StringComparison.Ordinal))
            {
                return Error(StatusCodes.Status401Unauthorized, "UNAUTHORISED", "Missing or invalid X-TPP-Api-Key header");
            }

            JsonNode? query;
            try
            {
                query = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                return Error(StatusCodes.Status400BadRequest, "INVALID_QUERY", "The body is not a JSON query");
            }

            var queryType = Text(query, "queryType");
            var nhs = Text(query, "nhsNumber");
            var faults = simulator.Faults.For(nhs);
            if (await HttpFaultGate.BeforeAsync(faults, context, simulator.Host, ErrorForStatus) is { } faulted)
            {
                return faulted;
            }

            switch (queryType)
            {
                case "Organisation":
                    var organisation = SimulatorDirectory.FindOrganisation(Text(query, "odsCode") ?? string.Empty);
                    return organisation is null || organisation.Supplier != SupplierKind.Tpp
                        ? Error(StatusCodes.Status404NotFound, "ORGANISATION_NOT_FOUND", "No SystmOne unit with this ODS code")
                        : HttpFaultGate.Document(faults, new JsonObject { ["queryType"] = queryType, ["unit"] = TppJson.Unit(organisation) }.ToJsonString(), TppJson.ContentType);
                case "PatientSearch":
                    return Search(query, faults);
                case "PatientExists":
                case "PatientRecord":
                    break;
                default:
                    return Error(StatusCodes.Status400BadRequest, "INVALID_QUERY", "queryType must be PatientExists, PatientRecord, PatientSearch or Organisation");
            }

            if (!SupplierGuard.IsWellFormed(nhs))
            {
                return Error(StatusCodes.Status400BadRequest, "INVALID_NHS_NUMBER", "nhsNumber must be 10 digits");
            }

            var records = SupplierGuard.Records(nhs!, SupplierKind.Tpp, faults);
            if (queryType == "PatientExists")
            {
                var units = new JsonArray(records.Select(r => (JsonNode?)TppJson.Unit(r.Organisation)).ToArray());
                var exists = new JsonObject { ["queryType"] = queryType, ["nhsNumber"] = nhs, ["held"] = records.Count > 0, ["units"] = units };
                return HttpFaultGate.Document(faults, exists.ToJsonString(), TppJson.ContentType);
            }

            if (!TryParseAreas(query, out var requested))
            {
                return Error(StatusCodes.Status400BadRequest, "INVALID_AREA", "areas may hold demographics, medications, allergies, problems");
            }

            if (records.Count == 0)
            {
                return Error(StatusCodes.Status404NotFound, "PATIENT_NOT_FOUND", "No SystmOne unit holds a record for this NHS number");
            }

            if (records.All(r => !r.Organisation.ThirdPartySharing))
            {
                var ods = new JsonArray(records.Select(r => (JsonNode?)r.Organisation.OdsCode).ToArray());
                return Error(StatusCodes.Status403Forbidden, "THIRD_PARTY_SHARING_DISABLED", "The holding unit does not share records with third parties", ods);
            }

            var array = new JsonArray(records
                .Select(r => (JsonNode?)(r.Organisation.ThirdPartySharing ? TppJson.Record(r, requested) : TppJson.Refused(r.Organisation)))
                .ToArray());
            var answer = new JsonObject { ["queryType"] = queryType, ["nhsNumber"] = nhs, ["records"] = array };
            return HttpFaultGate.Document(faults, answer.ToJsonString(), TppJson.ContentType);
        });
    }

    /// <summary>
    /// Demographic search: family name (starts-with, case-insensitive), optional date of birth and unit; at most
    /// <see cref="MaxMatches"/> NHS numbers. A unit with third-party sharing off refuses; without a unit, only
    /// patients held by a sharing unit are answered.
    /// </summary>
    private static IResult Search(JsonNode? query, AppliedFaults faults)
    {
        var family = Text(query, "familyName");
        if (string.IsNullOrWhiteSpace(family))
        {
            return Error(StatusCodes.Status400BadRequest, "INVALID_SEARCH", "familyName is required");
        }

        DateOnly? born = null;
        if (Text(query, "dateOfBirth") is { Length: > 0 } dateOfBirth)
        {
            if (!DateOnly.TryParseExact(dateOfBirth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Error(StatusCodes.Status400BadRequest, "INVALID_SEARCH", "dateOfBirth must be yyyy-MM-dd");
            }

            born = parsed;
        }

        var odsCode = Text(query, "odsCode");
        if (odsCode is not null)
        {
            var unit = SimulatorDirectory.FindOrganisation(odsCode);
            if (unit is null || unit.Supplier != SupplierKind.Tpp)
            {
                return Error(StatusCodes.Status404NotFound, "ORGANISATION_NOT_FOUND", "No SystmOne unit with this ODS code");
            }

            if (!unit.ThirdPartySharing)
            {
                return Error(StatusCodes.Status403Forbidden, "THIRD_PARTY_SHARING_DISABLED", "The unit does not share records with third parties", [unit.OdsCode]);
            }
        }

        var matches = DemographicIndex.Find(family, born, SupplierKind.Tpp, odsCode)
            .Where(n => odsCode is not null || PatientWorld.HoldersOf(n).Any(h => h.Organisation.Supplier == SupplierKind.Tpp && h.Organisation.ThirdPartySharing))
            .ToList();
        var answer = new JsonObject
        {
            ["queryType"] = "PatientSearch",
            ["nhsNumbers"] = new JsonArray(matches.Take(MaxMatches).Select(n => (JsonNode?)n).ToArray()),
            ["truncated"] = matches.Count > MaxMatches,
        };
        return HttpFaultGate.Document(faults, answer.ToJsonString(), TppJson.ContentType);
    }

    private static bool TryParseAreas(JsonNode? query, out RecordAreas areas)
    {
        areas = RecordAreas.All;
        if (query?["areas"] is not JsonArray array)
        {
            return true;
        }

        areas = RecordAreas.None;
        foreach (var item in array)
        {
            var area = item is JsonValue value && value.TryGetValue<string>(out var name) ? TppJson.AreaOf(name) : RecordAreas.None;
            if (area == RecordAreas.None)
            {
                return false;
            }

            areas |= area;
        }

        return true;
    }

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IResult ErrorForStatus(int status) =>
        Error(status, status == StatusCodes.Status503ServiceUnavailable ? "SERVICE_UNAVAILABLE" : "INTERNAL_ERROR", "SystmOne could not process the query");

    private static IResult Error(int status, string code, string message, JsonArray? odsCodes = null) =>
        Results.Text(TppJson.Error(code, message, odsCodes), TppJson.ContentType, System.Text.Encoding.UTF8, status);
}
