using System.Text;
using FhirFacade.Server.Http;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// <c>POST [base]/{type}/_search</c> bodies in every form a caller can send them — media types,
/// charsets, content codings, sizes declared and undeclared, parameter counts and lengths, bytes that
/// are not UTF-8 — each answered with the documented status and an OperationOutcome, never a 5xx,
/// and audited once with that status. Limits are the defaults (<see cref="RequestLimitsOptions"/>).
/// </summary>
[Trait("Category", "Integration")]
public sealed class FormBodyTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Form = FhirMediaTypes.FormUrlEncoded;
    private const string Search = "/fhir/Patient/_search";
    private static readonly string Identifier = "identifier=" + Uri.EscapeDataString(FhirHttp.Nhs + TestPatients.EmisRich);
    private static readonly RequestLimitsOptions Limits = new();

    /// <summary>One row per form of body (<see cref="Bodies"/>): its name, the status it must get, a code the answer must name.</summary>
    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var (name, body) in Bodies)
        {
            data.Add(name, body.Status, body.Code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PostSearch_BodyForm_AnswersAsDocumentedAndIsAudited(string name, int status, string code)
    {
        var body = Bodies[name];
        using var request = new HttpRequestMessage(HttpMethod.Post, Search) { Content = body.Content() };

        var call = await SendAsync(request);

        call.Status.Should().Be(status, call.Body);
        call.Body.Should().Contain(code);
        if (status >= 400)
        {
            call.IsOperationOutcome.Should().BeTrue(call.Body);
        }

        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(status);
    }

    [Fact]
    public async Task GetSearch_MoreParametersThanTheLimit_Returns400BadRequest()
    {
        var query = Identifier + string.Concat(Enumerable.Range(0, Limits.MaxParameters).Select(i => $"&p{i}=1"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/Patient?" + query);

        var call = await SendAsync(request);

        call.Status.Should().Be(400);
        call.Body.Should().Contain("BAD_REQUEST");
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(400);
    }

    [Fact]
    public async Task GetSearch_ParameterNameLongerThanTheLimit_Returns400InvalidParameter()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient?{Identifier}&{new string('n', Limits.MaxParameterNameLength + 1)}=1");

        var call = await SendAsync(request);

        call.Status.Should().Be(400);
        call.Body.Should().Contain("INVALID_PARAMETER");
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(400);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/fhir+xml")]
    public async Task Get_TargetLongerThanTheLimit_Returns414OperationOutcomeInTheAskedFormat(string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient?{Identifier}&x={new string('a', Limits.MaxRequestTargetLength)}");
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        var call = await SendAsync(request);

        call.Status.Should().Be(414);
        call.IsOperationOutcome.Should().BeTrue(call.Body);
        call.Format.Should().Be(accept is null ? FhirFormat.Json : FhirFormat.Xml);
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(414);
    }

    [Fact]
    public async Task Get_HeadersLargerThanTheLimit_Returns431OperationOutcome()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient?{Identifier}");
        request.Headers.Add("X-Padding", new string('h', Limits.MaxRequestHeadersBytes));

        var call = await SendAsync(request);

        call.Status.Should().Be(431);
        call.IsOperationOutcome.Should().BeTrue(call.Body);
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(431);
    }

    private static readonly Dictionary<string, FormBody> Bodies = new(StringComparer.Ordinal)
    {
        ["form"] = new(() => Text(Identifier, Form), 200, "searchset"),
        ["form, charset utf-8 quoted and upper case"] = new(() => Text(Identifier, Form + "; charset=\"UTF-8\""), 200, "searchset"),
        ["form, every limit reached but none passed"] = new(() => Text(AtTheLimits(), Form), 200, "searchset"),
        ["form, declared length over the limit"] = new(() => Text(Identifier + "&x=" + new string('a', Limits.MaxFormBodyBytes), Form), 413, "too-long"),
        ["form, undeclared length over the limit"] = new(() => Unsized(Identifier + "&x=" + new string('a', Limits.MaxFormBodyBytes), Form), 413, "too-long"),
        ["form, more parameters than the limit"] = new(() => Text(Identifier + string.Concat(Enumerable.Range(0, Limits.MaxParameters).Select(i => $"&p{i}=1")), Form), 400, "BAD_REQUEST"),
        ["form, name longer than the limit"] = new(() => Text($"{Identifier}&{new string('n', Limits.MaxParameterNameLength + 1)}=1", Form), 400, "INVALID_PARAMETER"),
        ["form, value longer than the limit"] = new(() => Text($"{Identifier}&x={new string('v', Limits.MaxParameterValueLength + 1)}", Form), 400, "INVALID_PARAMETER"),
        ["form, bytes that are not UTF-8"] = new(() => Bytes([.. Encoding.ASCII.GetBytes(Identifier + "&family="), 0xFF, 0xFE, 0xC3], Form), 400, "BAD_REQUEST"),
        ["form, ISO-8859-1 charset"] = new(() => Text(Identifier, Form + "; charset=iso-8859-1"), 415, "not-supported"),
        ["form, gzip content coding"] = new(() => Coded(Identifier, "gzip"), 415, "not-supported"),
        ["multipart with boundary"] = new(() => Text($"--b\r\nContent-Disposition: form-data; name=\"identifier\"\r\n\r\n{FhirHttp.Nhs}{TestPatients.EmisRich}\r\n--b--\r\n", "multipart/form-data; boundary=b"), 415, "not-supported"),
        ["multipart without boundary"] = new(() => Text("xx", "multipart/form-data"), 415, "not-supported"),
        ["multipart with empty boundary"] = new(() => Text("--\r\n", "multipart/form-data; boundary="), 415, "not-supported"),
        ["FHIR JSON"] = new(() => Text("""{"resourceType":"Parameters"}""", "application/fhir+json"), 415, "not-supported"),
        ["plain text"] = new(() => Text(Identifier, "text/plain"), 415, "not-supported"),
        ["media type that does not parse"] = new(() => Text(Identifier, ";;;"), 415, "not-supported"),
        ["no Content-Type"] = new(() => Text(Identifier, null), 415, "not-supported"),
    };

    // The identifier, parameters up to the count limit, one name and one value exactly at their limits.
    private static string AtTheLimits()
    {
        var text = new StringBuilder(Identifier);
        text.Append('&').Append(new string('n', Limits.MaxParameterNameLength)).Append("=1");
        text.Append("&v=").Append(new string('v', Limits.MaxParameterValueLength));
        for (var i = 3; i < Limits.MaxParameters; i++)
        {
            text.Append("&p").Append(i).Append("=1");
        }

        return text.ToString();
    }

    private static HttpContent Text(string text, string? contentType) => Bytes(Encoding.UTF8.GetBytes(text), contentType);

    private static HttpContent Bytes(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private static HttpContent Unsized(string text, string contentType)
    {
        var content = new StreamContent(new UnsizedStream(Encoding.UTF8.GetBytes(text)));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static HttpContent Coded(string text, string coding)
    {
        var content = Text(text, Form);
        content.Headers.ContentEncoding.Add(coding);
        return content;
    }

    private async Task<AuditedCall> SendAsync(HttpRequestMessage request)
    {
        using var client = factory.CreateClient();
        return await AuditedCall.SendAsync(client, factory.Services, request);
    }

    /// <summary>A body, the status it must get and a code the answer must name.</summary>
    private sealed record FormBody(Func<HttpContent> Content, int Status, string Code);

    /// <summary>A body whose length is not known in advance (sent chunked).</summary>
    private sealed class UnsizedStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
