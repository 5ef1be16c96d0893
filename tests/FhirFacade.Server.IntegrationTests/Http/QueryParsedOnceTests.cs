using System.Net;
using FhirFacade.Server.Http;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Http;

/// <summary>
/// The query is parsed once, at the edge, and kept on the request (<see cref="RequestQuery"/>); the request limits,
/// the format negotiation and the search endpoints all read that one list (issue #16). Each test stores, ahead of the
/// facade's pipeline, a parsed query that differs from the request's query string: whatever parsed the query string
/// again would act on the query string instead, and the test would see it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class QueryParsedOnceTests : IClassFixture<QueryParsedOnceTests.StoredQueryServer>
{
    private const string StoredQueryHeader = "X-Test-Stored-Query";
    private const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";
    private readonly HttpClient _client;
    private readonly IServiceProvider _services;

    public QueryParsedOnceTests(StoredQueryServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _client = server.CreateClient();
        _services = server.Services;
    }

    /// <summary>Every way of asking for a type search: GET on the type and on <c>_search</c>, and POST <c>_search</c> with a form.</summary>
    public static TheoryData<string, string> SearchForms() => new()
    {
        { "GET", "/fhir/Patient?identifier=" + NhsNumberSystem + "|" + TestPatients.EmisRich },
        { "GET", "/fhir/Patient/_search?identifier=" + NhsNumberSystem + "|" + TestPatients.EmisRich },
        { "POST", "/fhir/Patient/_search?identifier=" + NhsNumberSystem + "|" + TestPatients.EmisRich },
    };

    [Theory]
    [MemberData(nameof(SearchForms))]
    public async Task Search_QueryStoredAtTheEdge_IsTheQueryTheEndpointSearches(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add(StoredQueryHeader, "identifier=" + NhsNumberSystem + "|" + TestPatients.AllFourSuppliers);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([KeyValuePair.Create("_count", "10")]);
        }

        using var response = await _client.SendAsync(request);
        var answer = await FhirResponse(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var named = answer.Entries().SelectMany(p => p["identifier"]!.AsArray()).Where(i => i!["system"]!.GetValue<string>() == NhsNumberSystem).Select(i => i!["value"]!.GetValue<string>()).ToList();
        named.Should().NotBeEmpty().And.OnlyContain(n => n == TestPatients.AllFourSuppliers, "the endpoint searched the query the edge stored, not a second parse of the query string");
    }

    [Fact]
    public async Task Limits_QueryStoredAtTheEdge_IsTheQueryLimited()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient?identifier=" + NhsNumberSystem + "|" + TestPatients.EmisRich);
        request.Headers.Add(StoredQueryHeader, string.Join('&', Enumerable.Range(0, 101).Select(i => "p" + i + "=1")));

        using var response = await _client.SendAsync(request);
        var answer = await FhirResponse(response);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "101 parameters are beyond the default limit of 100, whatever the query string holds");
        answer.ResourceType.Should().Be("OperationOutcome");
    }

    [Fact]
    public async Task Format_QueryStoredAtTheEdge_ChoosesTheFormat()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/metadata?_format=json");
        request.Headers.Add(StoredQueryHeader, "_format=xml");

        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/fhir+xml");
    }

    [Fact]
    public async Task AuditEventSearch_QueryStoredAtTheEdge_IsTheQueryItSearchesAndPagesBy()
    {
        // At least two records in this server's trail (each request is audited).
        for (var i = 0; i < 2; i++)
        {
            using var metadata = await _client.GetAsync("/fhir/metadata");
            metadata.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/AuditEvent?_count=50");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", new SecurityTokens(_services).User("user/AuditEvent.rs"));
        request.Headers.Add(StoredQueryHeader, "_count=1");

        using var response = await _client.SendAsync(request);
        var answer = await FhirResponse(response);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        answer.Entries().Should().ContainSingle("the search used the stored query's _count=1, not a second parse of _count=50");
        answer.Link("next").Should().NotBeNull().And.Contain("_count=1", "the next link is made from the stored query too");
    }

    private static async Task<FhirResponse> FhirResponse(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true ? System.Text.Json.Nodes.JsonNode.Parse(text) : null;
        return new FhirResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, json, response);
    }

    /// <summary>The demo server with <see cref="StoreQueryFromHeader"/> ahead of its pipeline.</summary>
    public sealed class StoredQueryServer : FacadeServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, StoreQueryFromHeader>());
        }
    }

    // Outermost, ahead of UseFhirFacade: stores the header's query as the request's parsed query.
    private sealed class StoreQueryFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(StoredQueryHeader, out var stored))
                {
                    context.Features.Set(new RequestQuery(RequestParameters.Parse(stored.ToString())));
                }

                return following(context);
            });
            next(app);
        };
    }
}
