using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Microtest;

/// <summary>The Evolution endpoints (docs/suppliers/microtest.md).</summary>
internal static class MicrotestEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    /// <summary>The cursor list name of a demographic search.</summary>
    private const string SearchList = "search";

    /// <summary>The Evolution date format (as written by <see cref="NativeText.Uk(DateOnly)"/>).</summary>
    private const string UkDate = "dd/MM/yyyy";

    public static void Map(IEndpointRouteBuilder app, MicrotestSimulator simulator)
    {
        app.MapPost("/oauth/token", async (HttpContext context) =>
        {
            var faults = simulator.Faults.For(null);
            if (await HttpFaultGate.BeforeAsync(faults, context, simulator.Host, ErrorForStatus) is { } faulted)
            {
                return faulted;
            }

            if (!context.Request.HasFormContentType)
            {
                return Json(StatusCodes.Status400BadRequest, MicrotestJson.Error("invalid_request", "Send an application/x-www-form-urlencoded body"));
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (!string.Equals(form["grant_type"].ToString(), "client_credentials", StringComparison.Ordinal))
            {
                return Json(StatusCodes.Status400BadRequest, MicrotestJson.Error("unsupported_grant_type", "Only client_credentials is supported"));
            }

            if (!string.Equals(form["client_id"].ToString(), simulator.ClientId, StringComparison.Ordinal)
                || !string.Equals(form["client_secret"].ToString(), simulator.ClientSecret, StringComparison.Ordinal))
            {
                return Json(StatusCodes.Status401Unauthorized, MicrotestJson.Error("invalid_client", "Unknown client or wrong secret"));
            }

            var token = new JsonObject
            {
                ["access_token"] = simulator.Tokens.Issue(),
                ["token_type"] = "Bearer",
                ["expires_in"] = (int)simulator.Tokens.Lifetime.TotalSeconds,
            };
            context.Response.Headers.CacheControl = "no-store";
            return HttpFaultGate.Document(faults, token.ToJsonString(), MicrotestJson.ContentType);
        });

        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var header = http.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
            if (token is null)
            {
                return Unauthorized(http, "invalid_request", "A bearer token is required");
            }

            var nhs = http.GetRouteValue("nhs") as string;
            if (simulator.Faults.For(nhs).TokenRejected)
            {
                return Unauthorized(http, "invalid_token", "The access token is invalid");
            }

            return simulator.Tokens.Check(token) switch
            {
                TokenState.Valid => await next(context),
                TokenState.Expired => Unauthorized(http, "invalid_token", "The access token expired"),
                _ => Unauthorized(http, "invalid_token", "The access token is invalid"),
            };
        });

        api.MapGet("/patients", (string? surname, string? dob, string? practice, string? cursor, int? limit, HttpContext context) =>
            SearchAsync(simulator, surname, dob, practice, cursor, limit, context));
        api.MapGet("/patients/{nhs}", async (string nhs, HttpContext context) =>
        {
            var (faults, record, error) = await ResolveAsync(simulator, nhs, context);
            return error ?? HttpFaultGate.Document(faults, MicrotestJson.Patient(record!).ToJsonString(), MicrotestJson.ContentType);
        });
        api.MapGet("/patients/{nhs}/problems", (string nhs, string? cursor, int? limit, HttpContext context) =>
            PageAsync(simulator, nhs, "problems", cursor, limit, context, r => r.Problems.Select(MicrotestJson.Problem).ToList(), null));
        api.MapGet("/patients/{nhs}/allergies", (string nhs, string? cursor, int? limit, HttpContext context) =>
            PageAsync(simulator, nhs, "allergies", cursor, limit, context, r => r.Allergies.Select(MicrotestJson.Allergy).ToList(), r => MicrotestJson.NoKnownAllergies(r.NoKnownAllergies)));
        api.MapGet("/patients/{nhs}/medications", (string nhs, string? cursor, int? limit, HttpContext context) =>
            PageAsync(simulator, nhs, "medications", cursor, limit, context, r => r.Medications.Select(MicrotestJson.Medication).ToList(), null));
    }

    private static async Task<IResult> PageAsync(
        MicrotestSimulator simulator,
        string nhs,
        string list,
        string? cursor,
        int? limit,
        HttpContext context,
        Func<ClinicalRecord, List<JsonObject>> items,
        Func<ClinicalRecord, JsonObject?>? noKnownAllergies)
    {
        var (faults, record, error) = await ResolveAsync(simulator, nhs, context);
        if (error is not null)
        {
            return error;
        }

        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            return Json(StatusCodes.Status400BadRequest, MicrotestJson.Error("invalid_limit", "limit must be between 1 and 50"));
        }

        var offset = 0;
        if (cursor is not null && !MicrotestCursor.TryDecode(cursor, list, nhs, out offset))
        {
            return Json(StatusCodes.Status400BadRequest, MicrotestJson.Error("invalid_cursor", "The cursor is not valid for this list"));
        }

        var all = items(record!);
        var page = new JsonArray(all.Skip(offset).Take(size).Select(i => (JsonNode?)i).ToArray());
        var next = offset + size < all.Count ? MicrotestCursor.Encode(list, nhs, offset + size) : null;
        var answer = new JsonObject
        {
            ["nhs_number"] = record!.Demographics.NhsNumber,
            ["items"] = page,
            ["next_cursor"] = next,
            ["total"] = all.Count,
        };
        if (noKnownAllergies is not null)
        {
            answer["no_known_allergies"] = noKnownAllergies(record);
        }

        return HttpFaultGate.Document(faults, answer.ToJsonString(), MicrotestJson.ContentType);
    }

    /// <summary>
    /// Demographic search: surname (starts-with, case-insensitive, current or previous), optional date of
    /// birth (dd/MM/yyyy) and practice; a cursor-paged list of <c>{ "nhs_number" }</c> items.
    /// </summary>
    private static async Task<IResult> SearchAsync(MicrotestSimulator simulator, string? surname, string? dob, string? practice, string? cursor, int? limit, HttpContext context)
    {
        var faults = simulator.Faults.For(null);
        if (await HttpFaultGate.BeforeAsync(faults, context, simulator.Host, ErrorForStatus) is { } faulted)
        {
            return faulted;
        }

        if (string.IsNullOrWhiteSpace(surname))
        {
            return Json(StatusCodes.Status400BadRequest, MicrotestJson.Error("invalid_search", "surname is required"));
        }

        DateOnly? born = null;
        if (!string.IsNullOrEmpty(dob))
        {
            if (!DateOnly.TryParseExact(dob, UkDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Json(StatusCodes.Status400BadRequest, MicrotestJson.Error("invalid_search", "dob must be dd/MM/yyyy"));
            }

            born = parsed;
        }

        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            return Json(StatusCodes.Status400BadRequest, MicrotestJson.Error("invalid_limit", "limit must be between 1 and 50"));
        }

        var key = SearchKey(surname, dob, practice);
        var offset = 0;
        if (cursor is not null && !MicrotestCursor.TryDecode(cursor, SearchList, key, out offset))
        {
            return Json(StatusCodes.Status400BadRequest, MicrotestJson.Error("invalid_cursor", "The cursor is not valid for this search"));
        }

        var all = DemographicIndex.Find(surname, born, SupplierKind.Microtest, string.IsNullOrWhiteSpace(practice) ? null : practice);
        var page = new JsonArray(all.Skip(offset).Take(size).Select(n => (JsonNode?)new JsonObject { ["nhs_number"] = n }).ToArray());
        var answer = new JsonObject
        {
            ["items"] = page,
            ["next_cursor"] = offset + size < all.Count ? MicrotestCursor.Encode(SearchList, key, offset + size) : null,
            ["total"] = all.Count,
        };
        return HttpFaultGate.Document(faults, answer.ToJsonString(), MicrotestJson.ContentType);
    }

    /// <summary>Binds a search cursor to its query without putting the query (patient data) in the cursor.</summary>
    private static string SearchKey(string surname, string? dob, string? practice) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{surname.Trim().ToUpperInvariant()}\n{dob}\n{practice?.Trim().ToUpperInvariant()}")))[..16];

    private static async Task<(AppliedFaults Faults, ClinicalRecord? Record, IResult? Error)> ResolveAsync(MicrotestSimulator simulator, string nhs, HttpContext context)
    {
        var faults = simulator.Faults.For(nhs);
        if (await HttpFaultGate.BeforeAsync(faults, context, simulator.Host, ErrorForStatus) is { } faulted)
        {
            return (faults, null, faulted);
        }

        if (!SupplierGuard.IsWellFormed(nhs))
        {
            return (faults, null, Json(StatusCodes.Status400BadRequest, MicrotestJson.Error("invalid_nhs_number", "The NHS number must be 10 digits")));
        }

        var records = SupplierGuard.Records(nhs, SupplierKind.Microtest, faults);
        return records.Count == 0
            ? (faults, null, Json(StatusCodes.Status404NotFound, MicrotestJson.Error("patient_not_found", "No patient with this NHS number at this practice")))
            : (faults, records[0], null);
    }

    private static IResult Unauthorized(HttpContext context, string error, string description)
    {
        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"{error}\", error_description=\"{description}\"";
        return Json(StatusCodes.Status401Unauthorized, MicrotestJson.Error(error, description));
    }

    private static IResult ErrorForStatus(int status) =>
        Json(status, MicrotestJson.Error(status == StatusCodes.Status503ServiceUnavailable ? "service_unavailable" : "server_error", "Evolution could not process the request"));

    private static IResult Json(int status, string body) => Results.Text(body, MicrotestJson.ContentType, System.Text.Encoding.UTF8, status);
}
