using System.Diagnostics.Metrics;
using System.Net;
using FhirFacade.Core.Audit;
using FhirFacade.Core.Gateway;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.Metrics;
using FhirFacade.Server.Throttling;
using FhirFacade.TestKit.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Load;

/// <summary>
/// Admission control over the real server and simulators: beyond the limit and its queue a request is
/// answered at once with 503, <c>Retry-After</c> and an OperationOutcome, and audited like any other;
/// the rest are served in full; discovery stays open; the meters show it happening.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LoadSheddingTests(SlowSuppliersFacadeServerFactory factory) : IClassFixture<SlowSuppliersFacadeServerFactory>
{
    private const int Concurrent = 24;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Search_WhenFarMoreConcurrentRequestsThanTheLimit_ShedsTheRestWith503AndServesTheOthersInFull()
    {
        using var shed = new MeasurementRecorder(factory.Services.GetRequiredService<IMeterFactory>(), LoadMetrics.MeterName, LoadMetrics.Shed);
        var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => SendAsync(client, SlowSuppliersFacadeServerFactory.Search)));

        responses.Select(r => r.Response.Status).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
        var served = responses.Where(r => r.Response.Status == HttpStatusCode.OK).ToList();
        var refused = responses.Where(r => r.Response.Status == HttpStatusCode.ServiceUnavailable).ToList();
        served.Should().HaveCountGreaterThanOrEqualTo(factory.PermitLimit + factory.QueueLimit, "the limit and the queue are served");
        refused.Should().NotBeEmpty();
        served.Should().OnlyContain(r => r.Response.Entries().Count > 0 && !r.Response.Issues().Any(IsFailureReport), "an admitted request is served in full");
        refused.Should().OnlyContain(r => IsShedAnswer(r.Response, r.CorrelationId));
        shed.Measurements.Should().HaveCount(refused.Count).And.OnlyContain(m => m.Value == 1 && m.Tags["reason"] == "queue_full");
    }

    [Fact]
    public async Task Search_WhenShed_IsAuditedWith503AndItsCaller()
    {
        var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => SendAsync(client, SlowSuppliersFacadeServerFactory.Search)));

        var trail = factory.Services.GetRequiredService<IAuditTrail>();
        foreach (var (response, correlationId) in responses)
        {
            // A shed 503 is released once its record is queued, not committed (docs/audit.md): wait for the commit.
            var entries = await CommittedAsync(trail, correlationId);
            var record = entries.Should().ContainSingle("every request is audited, shed or not").Subject.Record;
            record.Outcome.HttpStatus.Should().Be((int)response.Status);
            record.Agent.ClientId.Should().Be("demo-client");
            if (response.Status == HttpStatusCode.ServiceUnavailable)
            {
                record.Outcome.IssueCode.Should().Be("throttled");
                record.ResourceTypes.Should().Equal("MedicationStatement");
                record.Sources.Should().BeEmpty("no supplier was asked");
            }
        }

        responses.Should().Contain(r => r.Response.Status == HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Discovery_WhileEveryPermitAndQueuePlaceIsTaken_IsStillAnsweredButSearchIsShed()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var inFlight = new MeasurementRecorder(meters, LoadMetrics.MeterName, LoadMetrics.InFlight);
        using var queued = new MeasurementRecorder(meters, LoadMetrics.MeterName, LoadMetrics.QueueLength);
        using var limit = new MeasurementRecorder(meters, LoadMetrics.MeterName, LoadMetrics.PermitLimit);
        var client = factory.CreateClient();
        var occupying = Enumerable.Range(0, factory.PermitLimit + factory.QueueLimit).Select(_ => SendAsync(client, SlowSuppliersFacadeServerFactory.Search)).ToList();
        await UntilAsync(() => Latest(inFlight) == factory.PermitLimit && Latest(queued) == factory.QueueLimit, inFlight, queued);

        var metadata = await client.FhirGetAsync("/fhir/metadata");
        var smart = await factory.CreateAnonymousClient().GetAsync(new Uri("/.well-known/smart-configuration", UriKind.Relative));
        var search = await SendAsync(client, SlowSuppliersFacadeServerFactory.Search);
        limit.Observe();

        metadata.Status.Should().Be(HttpStatusCode.OK);
        smart.StatusCode.Should().Be(HttpStatusCode.OK);
        IsShedAnswer(search.Response, search.CorrelationId).Should().BeTrue();
        limit.Measurements.Should().NotBeEmpty().And.OnlyContain(m => m.Value == factory.PermitLimit);
        (await Task.WhenAll(occupying)).Should().OnlyContain(r => r.Response.Status == HttpStatusCode.OK);
        inFlight.Observe();
        queued.Observe();
        Latest(inFlight).Should().Be(0);
        Latest(queued).Should().Be(0);
    }

    [Fact]
    public async Task Search_WhenServed_RecordsRequestDurationAndSupplierCallMetrics()
    {
        // The simulator's delay and the facade's stopwatch are different clocks: a CI run measured 0.99968 s for a
        // 1 s delay. The floor shows the metric timed the supplier call (it would be milliseconds otherwise), not
        // the clocks' agreement to the microsecond.
        const double measuredLatencyFloor = SlowSuppliersFacadeServerFactory.SupplierLatencyMs / 1000.0 * 0.95;

        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var requests = new MeasurementRecorder(meters, "Microsoft.AspNetCore.Hosting", "http.server.request.duration");
        using var calls = new MeasurementRecorder(meters, GatewayMetrics.MeterName, GatewayMetrics.CallDuration);

        var (response, _) = await SendAsync(factory.CreateClient(), SlowSuppliersFacadeServerFactory.Search);

        response.Status.Should().Be(HttpStatusCode.OK);
        requests.Values.Should().Contain(m =>
            m.Tags["http.route"] == "/fhir/{type:regex(^[A-Z][A-Za-z]+$)}"
            && m.Tags["http.response.status_code"] == "200"
            && m.Value >= measuredLatencyFloor);
        calls.Values.Should().Contain(m =>
            m.Tags["supplier"] == "emis" && m.Tags["organisation"] == "A81001" && m.Tags["outcome"] == "success"
            && m.Value >= measuredLatencyFloor);
        requests.Values.Concat(calls.Values).SelectMany(m => m.Tags.Values).Should().NotContain(v => v != null && v.Contains(TestPatients.EmisRich, StringComparison.Ordinal), "no patient data in tags");
    }

    internal static bool IsFailureReport(System.Text.Json.Nodes.JsonNode issue)
    {
        var code = issue["diagnostics"]?.GetValue<string>() ?? string.Empty;
        return code.StartsWith("SUPPLIER-", StringComparison.Ordinal) || code == SupplierCallRunner.FacadeOverloadedCode;
    }

    internal static bool IsShedAnswer(FhirResponse response, string correlationId)
    {
        var text = response.Body?.ToJsonString() ?? string.Empty;
        return response.Status == HttpStatusCode.ServiceUnavailable
            && response.Header("Retry-After") == "1"
            && response.ContentType == FhirHttp.JsonContentType
            && response.ResourceType == "OperationOutcome"
            && response.Issues().Count == 1
            && response.Issues()[0]["code"]?.GetValue<string>() == "throttled"
            && response.Issues()[0]["diagnostics"]?.GetValue<string>() == ShedAnswerWriter.IssueCode
            && text.Contains(correlationId, StringComparison.Ordinal)
            && !text.Contains("Exception", StringComparison.Ordinal);
    }

    internal static async Task<(FhirResponse Response, string CorrelationId)> SendAsync(HttpClient client, string url)
    {
        var correlationId = Guid.NewGuid().ToString("D");
        var response = await client.FhirGetAsync(url, headers: new Dictionary<string, string> { ["X-Request-Id"] = correlationId });
        return (response, correlationId);
    }

    /// <summary>The trail's entries for a correlation id, once there is at least one (or after <see cref="Patience"/>).</summary>
    internal static async Task<IReadOnlyList<AuditEntry>> CommittedAsync(IAuditTrail trail, string correlationId)
    {
        var until = TimeProvider.System.GetTimestamp() + (long)(Patience.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            var entries = await trail.SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
            if (entries.Count > 0 || TimeProvider.System.GetTimestamp() > until)
            {
                return entries;
            }

            await Task.Delay(20);
        }
    }

    internal static long? Latest(MeasurementRecorder recorder) => recorder.Measurements.Count == 0 ? null : recorder.Measurements[^1].Value;

    internal static async Task UntilAsync(Func<bool> condition, params MeasurementRecorder[] gauges)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            foreach (var gauge in gauges)
            {
                gauge.Observe();
            }

            if (condition())
            {
                return;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
