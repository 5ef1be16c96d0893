using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// What the fuzzer aims at, read from the running server rather than written down: every route the
/// application mapped (its <see cref="EndpointDataSource"/>, with the methods each accepts), the
/// resource types and search parameters its CapabilityStatement declares, and real resource ids
/// found by searching the demo patients (so that reads get past the id check).
/// </summary>
internal sealed class FuzzSurface
{
    public FuzzSurface(IReadOnlyList<FuzzRoute> routes, IReadOnlyDictionary<string, IReadOnlyList<FuzzSearchParameter>> searchParameters, IReadOnlyDictionary<string, IReadOnlyList<string>> ids, string fhirBasePath)
    {
        Routes = routes;
        SearchParameters = searchParameters;
        Ids = ids;
        FhirBasePath = fhirBasePath;
        ResourceTypes = [.. searchParameters.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every mapped route.</summary>
    public IReadOnlyList<FuzzRoute> Routes { get; }

    /// <summary>The resource types of the CapabilityStatement.</summary>
    public IReadOnlyList<string> ResourceTypes { get; }

    /// <summary>Search parameters per resource type (empty for read-only types).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FuzzSearchParameter>> SearchParameters { get; }

    /// <summary>Ids the server issued, per resource type.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Ids { get; }

    public string FhirBasePath { get; }

    /// <summary>
    /// The routes of an <see cref="EndpointDataSource"/>, with the HTTP methods each is limited to (none: any
    /// method). The load balancer's probes are left out: they are the one documented exemption from the audit
    /// rule the fuzzer checks (docs/audit.md "Probes"), and Operations/ProbeTests covers them.
    /// </summary>
    public static IReadOnlyList<FuzzRoute> RoutesOf(EndpointDataSource endpoints) =>
    [
        .. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<FhirFacade.Server.Health.ProbeEndpoint>() is null)
            .Select(e => new FuzzRoute(e.RoutePattern, e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(r => r.Pattern.RawText is not null),
    ];

    /// <summary>Reads types and search parameters from a CapabilityStatement in JSON.</summary>
    public static Dictionary<string, IReadOnlyList<FuzzSearchParameter>> SearchParametersOf(JsonNode capabilityStatement)
    {
        var result = new Dictionary<string, IReadOnlyList<FuzzSearchParameter>>(StringComparer.Ordinal);
        foreach (var resource in capabilityStatement["rest"]![0]!["resource"]!.AsArray())
        {
            var parameters = (resource!["searchParam"]?.AsArray() ?? [])
                .Select(p => new FuzzSearchParameter(p!["name"]!.GetValue<string>(), p["type"]!.GetValue<string>()))
                .ToList();
            result[resource["type"]!.GetValue<string>()] = parameters;
        }

        return result;
    }
}

/// <summary>A mapped route and the methods it accepts (empty: every method).</summary>
internal sealed record FuzzRoute(RoutePattern Pattern, IReadOnlyList<string> Methods)
{
    public string Template => Pattern.RawText!;
}

/// <summary>A search parameter as the CapabilityStatement declares it.</summary>
internal sealed record FuzzSearchParameter(string Name, string Type);
