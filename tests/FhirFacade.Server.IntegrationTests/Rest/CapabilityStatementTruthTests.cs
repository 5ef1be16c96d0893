using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// The CapabilityStatement says what is served and nothing else: every FHIR endpoint in the routing table (each one
/// classified here, so a new endpoint fails this test until it is) and every type the adapters serve is declared
/// with its interactions; every declared interaction, search parameter and operation answers as served when called.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CapabilityStatementTruthTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Base = "/fhir";
    private const string TypeRoute = "{type:regex(^[A-Z][A-Za-z]+$)}";

    /// <summary>What each FHIR route serves, by pattern and method: a per-type interaction, an operation, or nothing to declare.</summary>
    private static readonly Dictionary<(string Pattern, string Method), string> Routes = new()
    {
        [("/fhir/metadata", "GET")] = "capabilities",
        [("/fhir/metadata", "HEAD")] = "capabilities",
        [("/fhir/" + TypeRoute, "GET")] = "search-type",
        [("/fhir/" + TypeRoute, "HEAD")] = "search-type",
        [("/fhir/" + TypeRoute + "/_search", "GET")] = "search-type",
        [("/fhir/" + TypeRoute + "/_search", "HEAD")] = "search-type",
        [("/fhir/" + TypeRoute + "/_search", "POST")] = "search-type",
        [("/fhir/" + TypeRoute + "/{id}", "GET")] = "read",
        [("/fhir/" + TypeRoute + "/{id}", "HEAD")] = "read",
        [("/fhir/Patient/{id}/" + TypeRoute, "GET")] = "search-compartment",
        [("/fhir/Patient/{id}/" + TypeRoute, "HEAD")] = "search-compartment",
        [("/fhir/Patient/{id}/" + TypeRoute + "/_search", "GET")] = "search-compartment",
        [("/fhir/Patient/{id}/" + TypeRoute + "/_search", "HEAD")] = "search-compartment",
        [("/fhir/Patient/{id}/" + TypeRoute + "/_search", "POST")] = "search-compartment",
        [("/fhir/$validate", "POST")] = "$validate",
        [("/fhir/" + TypeRoute + "/$validate", "POST")] = "$validate",
        [("/fhir/Patient/{id}/$everything", "GET")] = "$everything",
        [("/fhir/Patient/{id}/$everything", "HEAD")] = "$everything",
        [("/fhir/Patient/{id}/$everything", "POST")] = "$everything",
        [("/fhir/Patient/$everything", "GET")] = "$everything",
        [("/fhir/Patient/$everything", "HEAD")] = "$everything",
        [("/fhir/Patient/$everything", "POST")] = "$everything",
        [("/fhir/AuditEvent", "GET")] = "AuditEvent search-type",
        [("/fhir/AuditEvent", "HEAD")] = "AuditEvent search-type",
        [("/fhir/.well-known/smart-configuration", "GET")] = "none: SMART discovery, declared in rest.security",
        [("/fhir/.well-known/smart-configuration", "HEAD")] = "none: SMART discovery, declared in rest.security",
    };

    [Fact]
    public void EveryFhirRoute_IsClassified()
    {
        var unclassified = FhirRoutes().Where(r => !Routes.ContainsKey(r) && !IsUndeclaredByDesign(r)).ToList();

        unclassified.Should().BeEmpty("a new FHIR endpoint must be declared in the CapabilityStatement and classified here");
    }

    [Fact]
    public async Task Statement_DeclaresExactlyTheServedTypesAndInteractions()
    {
        var adapters = factory.Services.GetRequiredService<SupplierAdapterRegistry>();
        var routes = FhirRoutes().Where(Routes.ContainsKey).Select(r => Routes[r]).ToHashSet();
        var served = new HashSet<string>();
        foreach (var type in adapters.ResourceTypes())
        {
            if (routes.Contains("read"))
            {
                served.Add(type + " read");
            }

            if (routes.Contains("search-type") && adapters.Serves(type, search: true))
            {
                served.Add(type + " search-type");
            }
        }

        if (routes.Contains("AuditEvent search-type"))
        {
            served.Add("AuditEvent search-type");
        }

        var statement = await StatementAsync();

        var declared = Resources(statement).SelectMany(r => r["interaction"]!.AsArray().Select(i => r["type"]!.GetValue<string>() + " " + i!["code"]!.GetValue<string>())).ToHashSet();
        declared.Should().BeEquivalentTo(served);
        var operations = statement["rest"]![0]!["operation"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToList();
        string[] expected = routes.Contains("$validate") ? ["validate"] : [];
        operations.Should().Equal(expected);
        string[] compartments = routes.Contains("search-compartment") ? ["http://hl7.org/fhir/CompartmentDefinition/patient"] : [];
        (statement["rest"]![0]!["compartment"]?.AsArray().Select(c => c!.GetValue<string>()) ?? []).Should().Equal(compartments);

        var patient = Resources(statement).Single(r => r["type"]!.GetValue<string>() == "Patient");
        var patientOperations = (patient["operation"]?.AsArray() ?? []).Select(o => (o!["name"]!.GetValue<string>(), o["definition"]!.GetValue<string>())).ToList();
        if (routes.Contains("$everything"))
        {
            patientOperations.Should().Contain(("everything", "http://hl7.org/fhir/OperationDefinition/Patient-everything"));
        }
        else
        {
            patientOperations.Should().NotContain(o => o.Item1 == "everything");
        }

        Resources(statement).Where(r => r["type"]!.GetValue<string>() != "Patient")
            .SelectMany(r => r["operation"]?.AsArray() ?? []).Should().NotContain(o => o!["name"]!.GetValue<string>() == "everything", "only Patient serves $everything");
    }

    [Fact]
    public async Task DeclaredCompartment_IsServedForEveryMemberTypeTheStatementSearches()
    {
        var statement = await StatementAsync();
        var client = factory.CreateClient();
        var failures = new List<string>();

        var searched = Resources(statement).Where(r => r["type"]!.GetValue<string>() != "AuditEvent" && Names(r["interaction"], "code").Contains("search-type")).Select(r => r["type"]!.GetValue<string>()).ToList();
        foreach (var type in searched)
        {
            var response = await client.FhirGetAsync($"{Base}/Patient/not-an-id-it-issued/{type}");
            if (response.Status != HttpStatusCode.OK || response.Body?["type"]?.GetValue<string>() != "searchset")
            {
                failures.Add($"Patient/{{id}}/{type}: {(int)response.Status} {response.Body?.ToJsonString()}");
            }
        }

        searched.Should().Contain(["Patient", "AllergyIntolerance", "Condition", "MedicationStatement"]);
        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task Statement_DeclaresExactlyTheCatalogsSearchParametersAndTheChain()
    {
        var statement = await StatementAsync();

        foreach (var resource in Resources(statement).Where(r => r["type"]!.GetValue<string>() != "AuditEvent"))
        {
            var type = resource["type"]!.GetValue<string>();
            var expected = SearchParameterCatalog.For(type).Select(p => p.Name).ToList();
            if (expected.Contains(SearchParameterNames.Patient))
            {
                expected.Add(SearchParameterNames.PatientIdentifierChain);
            }

            Names(resource["searchParam"]).Should().BeEquivalentTo(expected, type);
        }
    }

    [Fact]
    public async Task EveryDeclaredInteraction_IsServed()
    {
        var statement = await StatementAsync();
        var client = factory.CreateClient();
        var failures = new List<string>();

        foreach (var resource in Resources(statement).Where(r => r["type"]!.GetValue<string>() != "AuditEvent"))
        {
            var type = resource["type"]!.GetValue<string>();
            foreach (var interaction in Names(resource["interaction"], "code"))
            {
                var response = interaction switch
                {
                    "read" => await client.FhirGetAsync($"{Base}/{type}/not-an-id-it-issued"),
                    "search-type" => await client.FhirGetAsync($"{Base}/{type}?_count=1"),
                    _ => throw new InvalidOperationException($"{type} declares '{interaction}', which this test does not know how to call."),
                };

                if (IsNotServed(response))
                {
                    failures.Add($"{type} {interaction}: {(int)response.Status} {response.Body?.ToJsonString()}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task EveryDeclaredSearchParameter_IsKnownToTheServer()
    {
        var statement = await StatementAsync();
        var client = factory.CreateClient();
        var auditor = new SecurityTokens(factory.Services).User("user/AuditEvent.rs");
        var failures = new List<string>();

        foreach (var resource in Resources(statement))
        {
            var type = resource["type"]!.GetValue<string>();
            foreach (var name in Names(resource["searchParam"]))
            {
                var headers = new Dictionary<string, string> { ["Prefer"] = "handling=strict" };
                if (type == "AuditEvent")
                {
                    headers["Authorization"] = "Bearer " + auditor;
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/{type}?{name}=x");
                foreach (var (header, value) in headers)
                {
                    request.Headers.TryAddWithoutValidation(header, value);
                }

                using var answer = await client.SendAsync(request);
                var text = await answer.Content.ReadAsStringAsync();
                if (text.Contains("Unknown search parameter", StringComparison.Ordinal) || text.Contains("is not supported for AuditEvent", StringComparison.Ordinal) || answer.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
                {
                    failures.Add($"{type}?{name}: {(int)answer.StatusCode} {text}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task DeclaredOperationValidate_IsServed()
    {
        var response = await factory.CreateClient().FhirSendAsync(HttpMethod.Post, $"{Base}/Patient/$validate", "{\"resourceType\":\"Patient\"}");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ResourceType.Should().Be("OperationOutcome");
    }

    [Fact]
    public async Task DeclaredOperationEverything_IsServed()
    {
        var response = await factory.CreateClient().FhirGetAsync($"{Base}/Patient/$everything?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018&_count=1");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body!["type"]!.GetValue<string>().Should().Be("searchset");
        response.Entries().Should().ContainSingle();
    }

    [Fact]
    public async Task AuditEvent_DeclaredWithSearchOnly_AndItsSearchIsServed()
    {
        var statement = await StatementAsync();
        var auditor = new SecurityTokens(factory.Services).User("user/AuditEvent.rs");

        var auditEvent = Resources(statement).Single(r => r["type"]!.GetValue<string>() == "AuditEvent");
        using var request = new HttpRequestMessage(HttpMethod.Get, Base + "/AuditEvent?_count=1");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + auditor);
        using var search = await factory.CreateClient().SendAsync(request);
        using var read = await factory.CreateClient().GetAsync(Base + "/AuditEvent/audit-1");

        Names(auditEvent["interaction"], "code").Should().Equal("search-type");
        Names(auditEvent["searchParam"]).Should().BeEquivalentTo("patient", "patient.identifier", "date", "agent");
        search.StatusCode.Should().Be(HttpStatusCode.OK);
        read.StatusCode.Should().Be(HttpStatusCode.NotFound, "AuditEvent is not read by id, and does not say it is");
    }

    // The write fallbacks (405 "read-only") and the 404 catch-all serve no interaction.
    private static bool IsUndeclaredByDesign((string Pattern, string Method) route) =>
        (route.Method is "POST" or "PUT" or "DELETE" or "PATCH" && !route.Pattern.EndsWith("/_search", StringComparison.Ordinal) && !route.Pattern.EndsWith("$validate", StringComparison.Ordinal) && !route.Pattern.EndsWith("$everything", StringComparison.Ordinal))
        || route.Pattern == "/fhir/{**path}";

    private static bool IsNotServed(FhirResponse response) =>
        response.Status is HttpStatusCode.MethodNotAllowed
        || (response.Status == HttpStatusCode.NotFound && response.Issues().Any(i => i["diagnostics"]?.GetValue<string>() is "HTTP404" or "HTTP404-TYPE"));

    private List<(string Pattern, string Method)> FhirRoutes() =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith(Base, StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (e.RoutePattern.RawText!, m)))];

    private async Task<JsonNode> StatementAsync() => (await factory.CreateClient().FhirGetAsync(Base + "/metadata")).Body!;

    private static IEnumerable<JsonNode> Resources(JsonNode statement) => statement["rest"]![0]!["resource"]!.AsArray().Select(r => r!);

    private static List<string> Names(JsonNode? array, string property = "name") =>
        [.. (array?.AsArray() ?? []).Select(n => n![property]!.GetValue<string>())];
}
