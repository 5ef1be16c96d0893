using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using FhirFacade.Simulators.Faults;

namespace FhirFacade.Simulators.Hosting;

/// <summary>
/// <c>GET/POST/DELETE /_admin/faults</c> on every HTTP simulator (never subject to faults).
/// POST body: <c>{"kind":"error-status","nhsNumber":"9990000018","statusCode":503,"latencyMs":0}</c>;
/// <c>answerWith</c> names the patient of <c>wrong-patient</c> and <c>stand-in-record</c>.
/// </summary>
internal static class FaultAdminEndpoints
{
    public const string Path = "/_admin/faults";

    public static void Map(IEndpointRouteBuilder app, FaultController faults)
    {
        app.MapGet(Path, () => Results.Text(Describe(faults), "application/json"));
        app.MapDelete(Path, () =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        app.MapPost(Path, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException)
            {
                return Results.Text("""{"error":"body is not JSON"}""", "application/json", statusCode: 400);
            }

            if (!FaultKindNames.TryParse(body?["kind"]?.GetValue<string>(), out var kind))
            {
                return Results.Text("""{"error":"unknown fault kind"}""", "application/json", statusCode: 400);
            }

            var spec = new FaultSpec(kind)
            {
                NhsNumber = body?["nhsNumber"]?.GetValue<string>(),
                LatencyMs = body?["latencyMs"]?.GetValue<int>() ?? 1000,
                StatusCode = body?["statusCode"]?.GetValue<int>() ?? 500,
                AnswerWith = body?["answerWith"]?.GetValue<string>(),
            };
            faults.Set(spec);
            return Results.Text(Describe(faults), "application/json", statusCode: 202);
        });
    }

    private static string Describe(FaultController faults)
    {
        var array = new JsonArray();
        foreach (var f in faults.Active)
        {
            array.Add(new JsonObject
            {
                ["kind"] = FaultKindNames.NameOf(f.Kind),
                ["nhsNumber"] = f.NhsNumber,
                ["latencyMs"] = f.LatencyMs,
                ["statusCode"] = f.StatusCode,
                ["answerWith"] = f.AnswerWith,
            });
        }

        return new JsonObject { ["faults"] = array }.ToJsonString();
    }
}
