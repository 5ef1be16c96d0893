using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FhirFacade.Audit.Sqlite;
using FhirFacade.Core.Audit;
using FhirFacade.Server.Health;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;
using FhirFacade.Server.Security;
using FhirFacade.Server.Throttling;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FhirFacade.Server.IntegrationTests.Operations;

/// <summary>
/// The load balancer's probes and the operator's supplier report over the real server and simulators:
/// live and ready answer anonymously, are never audited or shed; readiness fails when the audit store
/// cannot write and while the process drains, and never because a supplier is down.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProbeTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    [Theory]
    [InlineData(HealthEndpoints.LivePath)]
    [InlineData(HealthEndpoints.ReadyPath)]
    public async Task Probe_AnonymousWhenStarted_Answers200HealthyAndIsNotAudited(string path)
    {
        var correlationId = Guid.NewGuid().ToString("D");

        var (status, body) = await GetAsync(factory.CreateAnonymousClient(), path, correlationId);

        status.Should().Be(HttpStatusCode.OK);
        body.Should().Be("Healthy");
        var audited = await factory.Services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        audited.Should().BeEmpty("a probe carries no caller, patient or supplier, and liveness must not depend on the store");
    }

    [Fact]
    public void ProbeEndpoints_AreAnonymousNeverShedAndOnlyGetOrHead()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ProbeEndpoint>() is not null)
            .ToList();

        endpoints.Select(e => e.RoutePattern.RawText).Should().BeEquivalentTo([HealthEndpoints.LivePath, HealthEndpoints.ReadyPath]);
        endpoints.Should().OnlyContain(e => e.Metadata.GetMetadata<EndpointAccess>() == EndpointAccess.Anonymous);
        endpoints.Should().OnlyContain(e => e.Metadata.GetMetadata<DisableRateLimitingAttribute>() != null);
        endpoints.Should().OnlyContain(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.SequenceEqual(new[] { "GET", "HEAD" }));
    }

    [Fact]
    public async Task Suppliers_WithTheEndpointScope_ReportsEveryOrganisationReachableAndIsAudited()
    {
        var correlationId = Guid.NewGuid().ToString("D");
        using var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", new SecurityTokens(factory.Services).User("system/Endpoint.rs"));

        var (status, body) = await GetAsync(client, HealthEndpoints.SuppliersPath, correlationId);

        status.Should().Be(HttpStatusCode.OK);
        var report = JsonNode.Parse(body)!;
        report["status"]!.GetValue<string>().Should().Be("Healthy");
        report["organisations"]!.AsArray().Select(o => o!["odsCode"]!.GetValue<string>()).Should().Contain(["A81001", "B82005", "C83001", "L83100"]);
        report["organisations"]!.AsArray().Should().OnlyContain(o => o!["reachable"]!.GetValue<bool>());
        var record = (await factory.Services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None))
            .Should().ContainSingle().Subject.Record;
        record.Interaction.Should().Be(AuditInteractions.Operation);
        record.PatientNhsNumber.Should().BeNull();
    }

    [Theory]
    [InlineData("user/*.rs", HttpStatusCode.Forbidden)]
    [InlineData("system/*.rs", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Suppliers_WithoutTheExplicitEndpointScope_IsRefused(string? scope, HttpStatusCode expected)
    {
        using var client = factory.CreateAnonymousClient();
        if (scope is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", new SecurityTokens(factory.Services).User(scope));
        }

        var (status, body) = await GetAsync(client, HealthEndpoints.SuppliersPath, null);

        status.Should().Be(expected);
        body.Should().Contain("OperationOutcome").And.NotContain("odsCode");
    }

    [Fact]
    public async Task Ready_WhenASupplierIsDown_StaysReadyAndTheSupplierReportNamesIt()
    {
        await using var server = new DownSupplierFactory();
        using var client = server.CreateAnonymousClient();
        using var admin = server.CreateAnonymousClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", new SecurityTokens(server.Services).User("system/Endpoint.rs"));

        var ready = await GetAsync(client, HealthEndpoints.ReadyPath, null);
        var suppliers = await GetAsync(admin, HealthEndpoints.SuppliersPath, null);
        var search = await server.CreateClient().FhirGetAsync($"/fhir/Condition?patient.identifier={FhirHttp.Nhs}{TestPatients.EmisRich}");

        ready.Status.Should().Be(HttpStatusCode.OK, "a supplier that is down never makes the instance unready");
        var report = JsonNode.Parse(suppliers.Body)!;
        report["status"]!.GetValue<string>().Should().Be("Degraded");
        var rows = report["organisations"]!.AsArray().ToDictionary(o => o!["odsCode"]!.GetValue<string>(), o => o!["reachable"]!.GetValue<bool>());
        rows[DownSupplierFactory.DownOds].Should().BeFalse();
        rows.Where(r => r.Key != DownSupplierFactory.DownOds).Should().OnlyContain(r => r.Value);
        search.Status.Should().Be(HttpStatusCode.OK, "the facade still serves the suppliers that are up");
    }

    [Fact]
    public async Task Ready_WhenTheAuditStoreCannotWrite_Answers503WhileLiveStays200()
    {
        await using var server = new FacadeServerFactory();
        using var client = server.CreateAnonymousClient();
        (await GetAsync(client, HealthEndpoints.ReadyPath, null)).Status.Should().Be(HttpStatusCode.OK);
        var store = (SqliteAuditTrail)server.Services.GetRequiredService<IAuditTrail>();
        foreach (var file in new[] { store.Path, store.Path + "-wal", store.Path + "-shm" })
        {
            File.Delete(file);
        }

        var ready = await GetAsync(client, HealthEndpoints.ReadyPath, null);
        var live = await GetAsync(client, HealthEndpoints.LivePath, null);
        var search = await server.CreateClient().FhirGetAsync($"/fhir/Patient?identifier={FhirHttp.Nhs}{TestPatients.EmisRich}");

        ready.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        ready.Body.Should().Be("Unhealthy");
        live.Status.Should().Be(HttpStatusCode.OK, "liveness never depends on the audit store: a restart would not bring it back");
        search.Status.Should().Be(HttpStatusCode.ServiceUnavailable, "the instance readiness calls unready does fail closed");
    }

    [Fact]
    public async Task Request_WhileDraining_Gets503RetryAfterOperationOutcomeAndIsAudited_ProbesStillAnswer()
    {
        await using var server = new FacadeServerFactory();
        using var anonymous = server.CreateAnonymousClient();
        var client = server.CreateClient();
        (await GetAsync(anonymous, HealthEndpoints.ReadyPath, null)).Status.Should().Be(HttpStatusCode.OK);
        var correlationId = Guid.NewGuid().ToString("D");

        server.Services.GetRequiredService<FacadeLifecycle>().BeginDraining();
        var ready = await GetAsync(anonymous, HealthEndpoints.ReadyPath, null);
        var live = await GetAsync(anonymous, HealthEndpoints.LivePath, null);
        var search = await client.FhirGetAsync($"/fhir/Patient?identifier={FhirHttp.Nhs}{TestPatients.EmisRich}", headers: new Dictionary<string, string> { ["X-Request-Id"] = correlationId });

        ready.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        live.Status.Should().Be(HttpStatusCode.OK);
        search.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        search.Header("Retry-After").Should().Be("1");
        search.ResourceType.Should().Be("OperationOutcome");
        search.Issues().Should().ContainSingle().Which["diagnostics"]!.GetValue<string>().Should().Be(DrainingMiddleware.IssueCode);
        search.Issues()[0]["code"]!.GetValue<string>().Should().Be("transient");
        search.Body!.ToJsonString().Should().NotContain(TestPatients.EmisRich);
        var record = (await server.Services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None))
            .Should().ContainSingle().Subject.Record;
        record.Outcome.HttpStatus.Should().Be(503);
        record.Sources.Should().BeEmpty("no supplier was asked");
    }

    [Fact]
    public async Task Probes_WhileEveryPermitAndQueuePlaceIsTaken_AreAnsweredWhileASearchIsShed()
    {
        await using var server = new SlowProbeFactory();
        var client = server.CreateClient();
        using var anonymous = server.CreateAnonymousClient();
        var limiter = server.Services.GetRequiredService<GatewayConcurrencyLimiter>();
        var occupying = Enumerable.Range(0, SlowProbeFactory.Permits + SlowProbeFactory.Queue).Select(_ => client.FhirGetAsync(SlowProbeFactory.Search)).ToList();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (limiter.InFlight < SlowProbeFactory.Permits || limiter.QueueLength < SlowProbeFactory.Queue)
        {
            await Task.Delay(20, patience.Token);
        }

        var ready = await GetAsync(anonymous, HealthEndpoints.ReadyPath, null);
        var live = await GetAsync(anonymous, HealthEndpoints.LivePath, null);
        var shed = await client.FhirGetAsync(SlowProbeFactory.Search);

        ready.Status.Should().Be(HttpStatusCode.OK);
        live.Status.Should().Be(HttpStatusCode.OK);
        shed.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        shed.Issues().Should().ContainSingle().Which["diagnostics"]!.GetValue<string>().Should().Be(ShedAnswerWriter.IssueCode);
        (await Task.WhenAll(occupying)).Should().OnlyContain(r => r.Status == HttpStatusCode.OK);
    }

    [Fact]
    public async Task LifecycleCheck_StartingServingDraining_IsUnhealthyHealthyUnhealthy()
    {
        var lifecycle = new FacadeLifecycle();
        var check = new LifecycleHealthCheck(lifecycle);
        var context = new HealthCheckContext();

        var starting = await check.CheckHealthAsync(context);
        lifecycle.MarkStarted();
        var serving = await check.CheckHealthAsync(context);
        lifecycle.BeginDraining();
        var draining = await check.CheckHealthAsync(context);

        starting.Status.Should().Be(HealthStatus.Unhealthy);
        serving.Status.Should().Be(HealthStatus.Healthy);
        draining.Status.Should().Be(HealthStatus.Unhealthy);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient client, string path, string? correlationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (correlationId is not null)
        {
            request.Headers.Add("X-Request-Id", correlationId);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The embedded default plus one EMIS practice whose endpoint is a loopback port nothing listens on.</summary>
    private sealed class DownSupplierFactory : FacadeServerFactory
    {
        public const string DownOds = "Z99001";

        private static readonly int ClosedPort = FindClosedPort();

        protected override Dictionary<string, string?> Settings => new()
        {
            // The embedded directory has eight organisations (0-7): this is the ninth.
            ["Facade:Organisations:8:OdsCode"] = DownOds,
            ["Facade:Organisations:8:Name"] = "Closed Port Surgery",
            ["Facade:Organisations:8:Supplier"] = "emis",
            ["Facade:Organisations:8:Endpoint"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ClosedPort}/"),
        };

        private static int FindClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    /// <summary>Two permits, two queue places, suppliers that take a second: the limit is easy to fill.</summary>
    private sealed class SlowProbeFactory : FacadeServerFactory
    {
        public const int Permits = 2;
        public const int Queue = 2;
        public const string Search = "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + TestPatients.EmisRich;

        protected override Dictionary<string, string?> Settings => new()
        {
            ["Facade:EmbeddedSimulators:AddedLatencyMs"] = "1000",
            ["Facade:LoadShedding:PermitLimit"] = "2",
            ["Facade:LoadShedding:QueueLimit"] = "2",
            ["Facade:LoadShedding:QueueTimeout"] = "00:00:30",
            ["Facade:Gateway:SupplierTimeout"] = "00:00:20",
            ["Facade:Gateway:OverallBudget"] = "00:00:30",
            ["Suppliers:Emis:AttemptTimeout"] = "00:00:20",
        };
    }
}
