using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirFacade.Audit;
using FhirFacade.Core.Audit;
using FhirFacade.Server.Health;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Server;
using FluentAssertions.Execution;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirFacade.Server.IntegrationTests.Operations;

/// <summary>
/// SIGTERM to the server as a process on loopback while a few clients keep it busy: readiness goes 503
/// at once, new requests get 503 with <c>Retry-After</c> and an OperationOutcome during the drain delay,
/// the requests in flight finish, every answer a client received is whole and has its audit row (read
/// from the SQLite file after exit, chain verified), and the process exits 0 inside the bound.
/// Bounded: four clients, suppliers answering in 1 s, at most a few seconds of load. What the load's own
/// requests get depends on the machine (on a starved one, some are shed or time out): the test holds
/// them to the invariants only (whole, audited) and checks the stop itself with one request in flight
/// at SIGTERM and one sent while draining.
/// </summary>
[Trait("Category", "Integration")]
public sealed class GracefulShutdownTests
{
    private const int Clients = 4;
    private const int SupplierLatencyMs = 1000;
    private static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private static readonly string[] Patients = [TestPatients.EmisRich, TestPatients.AllFourSuppliers, TestPatients.ResolvedHistory, TestPatients.ConfidentialItems];

    [Fact]
    public async Task Sigterm_DuringLoad_DrainsFinishesInFlightAuditsEveryAnswerAndExits0()
    {
        var auditPath = Path.Combine(Path.GetTempPath(), "ffshutdown-" + Guid.NewGuid().ToString("N")[..12] + ".db");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            var answers = new ConcurrentBag<Answer>();
            List<(HttpStatusCode Status, long At)> readiness = [];
            int? exitCode;
            Answer drained;
            Answer inFlightAnswer;
            long terminatedAt;
            TimeSpan stopped;
            string output;
            await using (var server = await FacadeProcess.StartAsync(Settings(auditPath), timeout.Token))
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                var token = await server.TokenAsync(http, timeout.Token);
                using var exited = new CancellationTokenSource();
                var load = Enumerable.Range(0, Clients).Select(i => Task.Run(() => ClientAsync(server.BaseAddress, token, i, answers, exited.Token))).ToList();
                await Task.Delay(TimeSpan.FromSeconds(1.5), timeout.Token);
                var inFlight = Task.Run(() => SendAsync(http, server.BaseAddress, token, "shutdown-inflight-" + Guid.NewGuid().ToString("N"), Search(TestPatients.EmisRich)));
                await Task.Delay(TimeSpan.FromMilliseconds(300), timeout.Token);

                terminatedAt = TimeProvider.System.GetTimestamp();
                server.Terminate();
                readiness = await ReadinessWhileDrainingAsync(http, server.BaseAddress, timeout.Token);
                drained = await SendAsync(http, server.BaseAddress, token, "shutdown-new-" + Guid.NewGuid().ToString("N"), "/fhir/metadata");
                inFlightAnswer = await inFlight;
                answers.Add(drained);
                answers.Add(inFlightAnswer);
                exitCode = await server.WaitForExitAsync(Bound + TimeSpan.FromSeconds(10), timeout.Token);
                stopped = TimeProvider.System.GetElapsedTime(terminatedAt);
                await exited.CancelAsync();
                await Task.WhenAll(load);
                output = server.Output;
            }

            using var scope = new AssertionScope();
            exitCode.Should().Be(0, output);
            stopped.Should().BeLessThan(Bound, "the stop is bounded by Facade:Shutdown:Timeout");
            readiness.Should().Contain(r => r.Status == HttpStatusCode.ServiceUnavailable, "readiness goes 503 as soon as SIGTERM arrives");
            drained.IsDrainingAnswer.Should().BeTrue("a new request while draining gets 503, Retry-After and FACADE-SHUTTING-DOWN (got {0})", drained.Status);
            inFlightAnswer.Should().Match<Answer>(a => a.Status != 0 && !a.Cut && !a.IsDrainingAnswer, "the request in flight at SIGTERM finishes with a whole answer");
            answers.Should().NotContain(a => a.Cut, "no answer is cut mid-body");
            var received = answers.Where(a => a.Status != 0).ToList();
            var lines = JsonLines(output);
            lines.Should().Contain(l => l.GetProperty("EventId").GetInt32() == 3102, "the audit writer is flushed and closed inside the stop");
            lines.Where(l => l.GetProperty("Category").GetString() == "FhirFacade.Server.Errors.FhirExceptionHandler")
                .Should().NotBeEmpty().And.OnlyContain(l => CorrelationIdOf(l).StartsWith("shutdown-", StringComparison.Ordinal), "every line logged inside a request carries its correlation id");

            await using var store = AuditStores.Create(new AuditOptions { SqlitePath = auditPath }, TimeProvider.System, NullLoggerFactory.Instance);
            (await AuditChainVerifier.VerifyAsync(store, timeout.Token)).IsValid.Should().BeTrue();
            var audit = new List<AuditRecord>();
            await foreach (var row in store.ReadChainAsync(timeout.Token))
            {
                audit.Add(row.Record!);
            }

            var byCorrelation = audit.ToLookup(r => r.CorrelationId, StringComparer.Ordinal);
            var unaudited = received.Where(a => byCorrelation[a.CorrelationId].Count() != 1 || byCorrelation[a.CorrelationId].Single().Outcome.HttpStatus != a.Status).ToList();
            unaudited.Should().BeEmpty("every answer a client received has exactly one audit row with its status");
        }
        finally
        {
            foreach (var file in new[] { auditPath, auditPath + "-wal", auditPath + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static Dictionary<string, string> Settings(string auditPath) => new()
    {
        ["Audit:SqlitePath"] = auditPath,
        ["Facade:EmbeddedSimulators:AddedLatencyMs"] = SupplierLatencyMs.ToString(CultureInfo.InvariantCulture),
        ["Facade:Shutdown:DrainDelay"] = DrainDelay.ToString("c", CultureInfo.InvariantCulture),
        ["Facade:Shutdown:Timeout"] = Bound.ToString("c", CultureInfo.InvariantCulture),
        ["Logging:LogLevel:FhirFacade"] = "Information",
        ["Logging:Console:FormatterName"] = "json",
    };

    // Until the server stops listening: each client sends searches one after another, reading every body in full.
    private static async Task ClientAsync(Uri baseAddress, string token, int index, ConcurrentBag<Answer> answers, CancellationToken exited)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        for (var n = 0; !exited.IsCancellationRequested; n++)
        {
            var correlationId = string.Create(CultureInfo.InvariantCulture, $"shutdown-{index}-{n}-{Guid.NewGuid():N}");
            var answer = await SendAsync(http, baseAddress, token, correlationId, Search(Patients[(index + n) % Patients.Length]));
            answers.Add(answer);
            if (answer.Status == 0)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    private static string Search(string nhsNumber) => $"/fhir/Condition?patient.identifier={FhirHttp.Nhs}{nhsNumber}";

    // One request, its body read in full; status 0 when no answer came at all (the server stopped listening,
    // or closed an idle connection): nothing to audit then.
    private static async Task<Answer> SendAsync(HttpClient http, Uri baseAddress, string token, string correlationId, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Request-Id", correlationId);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, CancellationToken.None);
        }
        catch (HttpRequestException)
        {
            return new Answer(correlationId, 0, false, false, TimeProvider.System.GetTimestamp());
        }

        using (response)
        {
            return await ReadAsync(response, correlationId);
        }
    }

    private static async Task<Answer> ReadAsync(HttpResponseMessage response, string correlationId)
    {
        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return new Answer(correlationId, (int)response.StatusCode, true, false, TimeProvider.System.GetTimestamp());
        }

        var receivedAt = TimeProvider.System.GetTimestamp();
        var declared = response.Content.Headers.ContentLength;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return new Answer(correlationId, (int)response.StatusCode, true, false, receivedAt);
        }

        using (document)
        {
            var cut = declared is { } length && length != body.Length;
            var draining = response.StatusCode == HttpStatusCode.ServiceUnavailable
                && response.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(1)
                && document.RootElement.GetProperty("resourceType").GetString() == "OperationOutcome"
                && document.RootElement.GetProperty("issue")[0].GetProperty("diagnostics").GetString() == DrainingMiddleware.IssueCode;
            return new Answer(correlationId, (int)response.StatusCode, cut, draining, receivedAt);
        }
    }

    // Readiness from the moment SIGTERM is sent until the server stops listening (at most the drain delay and a margin).
    private static async Task<List<(HttpStatusCode Status, long At)>> ReadinessWhileDrainingAsync(HttpClient http, Uri baseAddress, CancellationToken cancellationToken)
    {
        var seen = new List<(HttpStatusCode, long)>();
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < DrainDelay + TimeSpan.FromSeconds(1))
        {
            try
            {
                using var response = await http.GetAsync(new Uri(baseAddress, HealthEndpoints.ReadyPath), cancellationToken);
                seen.Add((response.StatusCode, TimeProvider.System.GetTimestamp()));
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                break;
            }

            await Task.Delay(50, cancellationToken);
        }

        return seen;
    }

    // With Logging:Console:FormatterName=json every log line the process writes is one JSON object. The demo host's
    // banner (demo patients, how to get a token) is plain text on standard output, never a log line (docs/adr/0017): skipped.
    private static List<JsonElement> JsonLines(string output)
    {
        var lines = WithoutBanner(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        lines.Should().NotBeEmpty();
        return [.. lines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static List<string> WithoutBanner(IEnumerable<string> lines)
    {
        var kept = new List<string>();
        var inBanner = false;
        foreach (var line in lines)
        {
            inBanner |= line.StartsWith("FhirFacade demo (", StringComparison.Ordinal);
            if (!inBanner)
            {
                kept.Add(line);
            }

            inBanner &= !line.StartsWith("EHR launch of the viewer:", StringComparison.Ordinal);
        }

        return kept;
    }

    private static string CorrelationIdOf(JsonElement line) =>
        line.TryGetProperty("Scopes", out var scopes)
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("CorrelationId", out _)).Select(s => s.GetProperty("CorrelationId").GetString()).FirstOrDefault() ?? string.Empty
            : string.Empty;

    private sealed record Answer(string CorrelationId, int Status, bool Cut, bool IsDrainingAnswer, long ReceivedAt);
}
