using System.Text;
using System.Text.Json.Nodes;
using FhirFacade.Server.Http;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// What the deployed shape (Kestrel on a socket) answers to requests no well-behaved client sends,
/// and what it audits: Kestrel's own refusals (before the application sees anything: status only),
/// bodies that are malformed, cut short, too slow or too large (OperationOutcomes, audited), and
/// clients that hang up while the suppliers are being called (audited as 499).
/// </summary>
[Trait("Category", "Integration")]
public sealed class KestrelProcessTests(KestrelProcessFixture server) : IClassFixture<KestrelProcessFixture>
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AuditWait = TimeSpan.FromSeconds(15);
    private static readonly RequestLimitsOptions Limits = new();

    /// <summary>Requests Kestrel refuses itself (docs/api.md "Limits"): each by name, with the status it answers.</summary>
    public static TheoryData<string, int> KestrelRefusals()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, (_, status)) in KestrelRequests)
        {
            data.Add(name, status);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KestrelRefusals))]
    public async Task Request_KestrelRefusesItself_AnswersStatusOnlyAndNeverReachesTheAudit(string name, int status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var correlationId = NewCorrelationId();
        await using var connection = await RawConnection.OpenAsync(server.BaseAddress, timeout.Token);

        await connection.SendAsync(KestrelRequests[name].Request.Replace("{id}", $"X-Request-Id: {correlationId}\r\n", StringComparison.Ordinal), timeout.Token);
        var response = await connection.ReadResponseAsync(ReadTimeout, timeout.Token);

        response.Should().NotBeNull(name);
        response!.Status.Should().Be(status, name);
        response.Body.Should().BeEmpty("Kestrel writes no body");
        response.Header(CorrelationIdMiddleware.HeaderName).Should().BeNull("the application never saw the request");
        response.Header("Connection").Should().Be("close");
        (await server.AuditEventsAsync(correlationId, TimeSpan.Zero, timeout.Token)).Should().BeEmpty();
    }

    /// <summary>Requests that reach the application and must come back as an audited OperationOutcome: each by name, with its status.</summary>
    public static TheoryData<string, int> ApplicationRefusals()
    {
        var data = new TheoryData<string, int>();
        foreach (var (name, refusal) in Refusals)
        {
            data.Add(name, refusal.Status);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ApplicationRefusals))]
    public async Task Request_Malformed_AnswersOperationOutcomeAndIsAuditedOnce(string name, int status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var correlationId = NewCorrelationId();
        await using var connection = await RawConnection.OpenAsync(server.BaseAddress, timeout.Token);

        await Refusals[name].Send(connection, Head(correlationId), timeout.Token);
        var response = await connection.ReadResponseAsync(ReadTimeout, timeout.Token);

        response.Should().NotBeNull(name);
        response!.Status.Should().Be(status, name);
        FuzzOracle.IsOperationOutcome(response.Body, FhirFormat.Json).Should().BeTrue(response.Text);
        response.Header(CorrelationIdMiddleware.HeaderName).Should().Be(correlationId);
        var audited = await server.AuditEventsAsync(correlationId, AuditWait, timeout.Token);
        audited.Should().ContainSingle().Which["outcomeDesc"]!.GetValue<string>().Should().StartWith($"HTTP {status}");
    }

    [Fact]
    public async Task Search_ClientHangsUpWhileSuppliersAnswer_IsAuditedOnceAs499WithThePatient()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var correlationId = NewCorrelationId();
        await using var connection = await RawConnection.OpenAsync(server.BaseAddress, timeout.Token);
        await connection.SendAsync(
            $"GET /fhir/MedicationStatement?patient.identifier={FhirHttp.Nhs}{TestPatients.ResolvedHistory} HTTP/1.1\r\n{Head(correlationId)}\r\n",
            timeout.Token);

        // The suppliers take a second to answer; hang up well inside it.
        await Task.Delay(KestrelProcessFixture.SupplierLatencyMs / 3, timeout.Token);
        connection.Abort();

        var audited = await server.AuditEventsAsync(correlationId, AuditWait, timeout.Token);
        var auditEvent = audited.Should().ContainSingle().Subject;
        auditEvent["outcomeDesc"]!.GetValue<string>().Should().StartWith("HTTP 499");
        auditEvent.ToJsonString().Should().Contain(TestPatients.ResolvedHistory).And.Contain("MedicationStatement");
        await Task.Delay(AuditWait / 5, timeout.Token);
        (await server.AuditEventsAsync(correlationId, TimeSpan.Zero, timeout.Token)).Should().HaveCount(1, "one record, however the request ended");
    }

    [Fact]
    public async Task Request_WhoseRefusalWouldQuoteTheCallerInAHeader_IsAnsweredWithoutAServerError()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var correlationId = NewCorrelationId();
        await using var connection = await RawConnection.OpenAsync(server.BaseAddress, timeout.Token);

        // A "type" holding U+FFFE, asked for with a token that has no clinical scope: the refusal's challenge names the type.
        await connection.SendAsync(
            $"GET /fhir/%EF%BF%BE HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {server.AuditorToken}\r\n{CorrelationIdMiddleware.HeaderName}: {correlationId}\r\n\r\n",
            timeout.Token);
        var response = await connection.ReadResponseAsync(ReadTimeout, timeout.Token);

        response.Should().NotBeNull();
        response!.Status.Should().BeInRange(400, 499);
        FuzzOracle.IsOperationOutcome(response.Body, FhirFormat.Json).Should().BeTrue(response.Text);
        var audited = await server.AuditEventsAsync(correlationId, AuditWait, timeout.Token);
        audited.Should().ContainSingle().Which["outcomeDesc"]!.GetValue<string>().Should().StartWith($"HTTP {response.Status}");
    }

    /// <summary>
    /// A body shorter than its Content-Length whose client then closes its side (FIN) or cuts the
    /// connection (RST). Kestrel takes either as the client going away: it aborts the request and
    /// sends nothing, so the answer cannot be an OperationOutcome; the record says 499.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostSearch_ClientGoesAwayWhileSendingTheBody_IsAuditedOnceAs499(bool reset)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var correlationId = NewCorrelationId();
        await using var connection = await RawConnection.OpenAsync(server.BaseAddress, timeout.Token);
        await connection.SendAsync($"POST /fhir/Patient/_search HTTP/1.1\r\n{Head(correlationId)}Content-Type: {FhirMediaTypes.FormUrlEncoded}\r\nContent-Length: 500\r\n\r\nfamily=Thorn", timeout.Token);

        // Long enough for the application to be reading the body, far short of any timeout.
        await Task.Delay(500, timeout.Token);
        if (reset)
        {
            connection.Abort();
        }
        else
        {
            connection.ShutdownSend();
            (await connection.ReadResponseAsync(ReadTimeout, timeout.Token)).Should().BeNull("Kestrel answers nothing once the client has closed its side");
        }

        var audited = await server.AuditEventsAsync(correlationId, AuditWait, timeout.Token);
        audited.Should().ContainSingle().Which["outcomeDesc"]!.GetValue<string>().Should().StartWith("HTTP 499");
    }

    private static readonly Dictionary<string, (string Request, int Status)> KestrelRequests = new(StringComparer.Ordinal)
    {
        ["request line that does not parse"] = ("GARBAGE\r\n\r\n", 400),
        ["HTTP/1.1 without Host"] = ("GET /fhir/metadata HTTP/1.1\r\n{id}\r\n", 400),
        ["Host that is not a host"] = ("GET /fhir/metadata HTTP/1.1\r\nHost: a b\r\n{id}\r\n", 400),
        ["two Host headers"] = ("GET /fhir/metadata HTTP/1.1\r\nHost: a\r\nHost: b\r\n{id}\r\n", 400),
        ["NUL in the path"] = ("GET /fhir/%00 HTTP/1.1\r\nHost: x\r\n{id}\r\n", 400),
        ["Content-Length that is not a number"] = ("POST /fhir/Patient/_search HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n{id}\r\n", 400),
        ["header line without a colon"] = ("GET /fhir/metadata HTTP/1.1\r\nHost: x\r\nbroken header\r\n{id}\r\n", 400),
        ["unknown HTTP version"] = ("GET /fhir/metadata HTTP/1.7\r\nHost: x\r\n{id}\r\n", 505),
        ["target beyond Kestrel's limit"] = ($"GET /fhir/Patient?x={new string('a', Limits.MaxRequestTargetLength * 2)} HTTP/1.1\r\nHost: x\r\n{{id}}\r\n", 414),
        ["more header lines than Kestrel takes"] = ($"GET /fhir/metadata HTTP/1.1\r\nHost: x\r\n{string.Concat(Enumerable.Range(0, 101).Select(i => $"X-H{i}: 1\r\n"))}{{id}}\r\n", 431),
        ["headers beyond Kestrel's limit"] = ($"GET /fhir/metadata HTTP/1.1\r\nHost: x\r\nX-Padding: {new string('h', Limits.MaxRequestHeadersBytes * 2)}\r\n{{id}}\r\n", 431),
    };

    private static readonly Dictionary<string, Refusal> Refusals = new(StringComparer.Ordinal)
    {
        ["target longer than the facade's limit but within Kestrel's"] = new(414, (c, head, ct) =>
            c.SendAsync($"GET /fhir/Patient?x={new string('a', Limits.MaxRequestTargetLength)} HTTP/1.1\r\n{head}\r\n", ct)),
        ["headers larger than the facade's limit but within Kestrel's"] = new(431, (c, head, ct) =>
            c.SendAsync($"GET /fhir/metadata HTTP/1.1\r\n{head}X-Padding: {new string('h', Limits.MaxRequestHeadersBytes)}\r\n\r\n", ct)),
        ["chunked body with a chunk size that is not hexadecimal"] = new(400, (c, head, ct) =>
            c.SendAsync($"POST /fhir/Patient/_search HTTP/1.1\r\n{head}Content-Type: {FhirMediaTypes.FormUrlEncoded}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nfamily=x\r\n0\r\n\r\n", ct)),
        ["body that stalls part-way"] = new(408, (c, head, ct) =>
            c.SendAsync($"POST /fhir/Patient/_search HTTP/1.1\r\n{head}Content-Type: {FhirMediaTypes.FormUrlEncoded}\r\nContent-Length: 500\r\n\r\nfamily=Thornton", ct)),
        ["chunked body larger than the form limit"] = new(413, (c, head, ct) =>
            c.SendAsync($"POST /fhir/Patient/_search HTTP/1.1\r\n{head}Content-Type: {FhirMediaTypes.FormUrlEncoded}\r\nTransfer-Encoding: chunked\r\n\r\n{Chunked("family=" + new string('a', Limits.MaxFormBodyBytes + 10))}", ct)),
        ["declared body far larger than the form limit"] = new(413, (c, head, ct) =>
            c.SendAsync($"POST /fhir/Patient/_search HTTP/1.1\r\n{head}Content-Type: {FhirMediaTypes.FormUrlEncoded}\r\nContent-Length: 100000000\r\n\r\nfamily=x", ct)),
        ["multipart body without a boundary"] = new(415, (c, head, ct) =>
            c.SendAsync($"POST /fhir/Patient/_search HTTP/1.1\r\n{head}Content-Type: multipart/form-data\r\nContent-Length: 2\r\n\r\nxx", ct)),
    };

    private string Head(string correlationId) =>
        $"Host: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {server.UserToken}\r\n{CorrelationIdMiddleware.HeaderName}: {correlationId}\r\n";

    private static string Chunked(string text)
    {
        var chunks = new StringBuilder();
        foreach (var chunk in text.Chunk(4096))
        {
            chunks.Append($"{chunk.Length:x}\r\n").Append(chunk).Append("\r\n");
        }

        return chunks.Append("0\r\n\r\n").ToString();
    }

    private static string NewCorrelationId() => "kp-" + Guid.NewGuid().ToString("N");

    /// <summary>How to send one malformed request (the head's Host, token and X-Request-Id lines given), and the status it must get.</summary>
    private sealed record Refusal(int Status, Func<RawConnection, string, CancellationToken, Task> Send);
}
