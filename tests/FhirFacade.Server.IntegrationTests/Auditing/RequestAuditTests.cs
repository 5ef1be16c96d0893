using System.Net;
using System.Text.Json;
using FhirFacade.Core.Audit;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirFacade.Server.IntegrationTests.Auditing;

/// <summary>One audit record per request — successes and refusals — findable by correlation id, readable as AuditEvents by auditors only.</summary>
[Trait("Category", "Integration")]
public sealed class RequestAuditTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    [Fact]
    public async Task Search_Succeeding_IsAuditedWithPatientSuppliersAndCount()
    {
        var correlationId = Guid.NewGuid().ToString("D");

        var (status, _) = await SendAsync("/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018", new SecurityTokens(factory.Services).User(), correlationId);

        status.Should().Be(HttpStatusCode.OK);
        var record = await AuditedAsync(correlationId);
        record.Interaction.Should().Be(AuditInteractions.SearchType);
        record.PatientNhsNumber.Should().Be("9990000018");
        record.Sources.Should().Contain(new AuditSource("emis", "A81001"));
        record.ResourceCount.Should().BeGreaterThan(0);
        record.Agent.ClientId.Should().Be("demo-client");
        record.Agent.OrganisationOdsCode.Should().Be("Y90001");
        record.Outcome.HttpStatus.Should().Be(200);
        record.PathTemplate.Should().NotContain("9990000018");
    }

    [Fact]
    public async Task Request_WithoutToken_IsAuditedAsRefused()
    {
        var correlationId = Guid.NewGuid().ToString("D");

        var (status, _) = await SendAsync("/fhir/Condition?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018", token: null, correlationId);

        status.Should().Be(HttpStatusCode.Unauthorized);
        var record = await AuditedAsync(correlationId);
        record.Outcome.HttpStatus.Should().Be(401);
        record.Outcome.IssueCode.Should().Be("login");
        record.Agent.Should().Be(AuditAgent.Anonymous);
    }

    [Fact]
    public async Task AuditEventSearch_WithAuditScope_ReturnsTheTrailForThePatient()
    {
        var correlationId = Guid.NewGuid().ToString("D");
        var tokens = new SecurityTokens(factory.Services);
        await SendAsync("/fhir/AllergyIntolerance?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000123", tokens.User(), correlationId);

        var (status, body) = await SendAsync("/fhir/AuditEvent?patient=9990000123&_count=200", tokens.User("user/AuditEvent.rs"), null);

        status.Should().Be(HttpStatusCode.OK);
        using var bundle = JsonDocument.Parse(body);
        var events = bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        events.Should().OnlyContain(e => e.GetProperty("resourceType").GetString() == "AuditEvent");
        events.Should().Contain(e => e.GetRawText().Contains(correlationId, StringComparison.Ordinal));
        events.Should().OnlyContain(e => e.GetRawText().Contains("9990000123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditEventSearch_WithClinicalWildcardScopeOnly_Is403()
    {
        var (status, body) = await SendAsync("/fhir/AuditEvent?patient=9990000018", new SecurityTokens(factory.Services).User("user/*.rs"), null);

        status.Should().Be(HttpStatusCode.Forbidden);
        body.Should().Contain("ACCESS_DENIED").And.NotContain("AuditEvent\",\"id");
    }

    [Fact]
    public async Task Request_WhenAuditTrailIsDown_FailsClosedWith503AndNoData()
    {
        await using var broken = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAuditTrail>();
            services.AddSingleton<IAuditTrail, UnavailableAuditTrail>();
        }));
        using var client = broken.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018");
        SecurityTokens.Authorize(request, new SecurityTokens(broken.Services).User());

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("OperationOutcome").And.Contain("transient").And.NotContain("MedicationStatement\",\"id");
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(string path, string? token, string? correlationId)
    {
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        SecurityTokens.Authorize(request, token);
        if (correlationId is not null)
        {
            request.Headers.Add("X-Request-Id", correlationId);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<AuditRecord> AuditedAsync(string correlationId)
    {
        var trail = factory.Services.GetRequiredService<IAuditTrail>();
        var entries = await trail.SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        return entries.Should().ContainSingle("exactly one audit record per request").Subject.Record;
    }

    private sealed class UnavailableAuditTrail : IAuditTrail
    {
        public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken) => throw new AuditUnavailableException();

        public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken) => throw new AuditUnavailableException();
    }
}
