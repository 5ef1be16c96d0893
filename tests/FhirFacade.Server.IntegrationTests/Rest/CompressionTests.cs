using System.IO.Compression;
using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// FHIR answers are compressed with brotli or gzip as <c>Accept-Encoding</c> asks, in JSON and XML, errors
/// included; the decoded bytes are the uncompressed answer; nothing is compressed unasked.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CompressionTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Search = "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + EmisRich;

    public static TheoryData<string, string?> Encodings => new()
    {
        { "gzip", "gzip" },
        { "br", "br" },
        { "gzip, deflate, br", "br" },
        { "gzip;q=1.0, br;q=0.5", "gzip" },
        { "deflate", null },
        { "identity", null },
        { "x-unknown", null },
    };

    public static TheoryData<string, string> Answers => new()
    {
        { "search, JSON", Search },
        { "search, XML", Search + "&_format=xml" },
        { "capabilities", "/fhir/metadata" },
        { "error", "/fhir/Patient?identifier=" + FhirHttp.Nhs + "123" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Get_AcceptEncoding_CompressesWithTheNegotiatedCoding(string acceptEncoding, string? expected)
    {
        var client = factory.CreateClient();

        var call = await RestCall.SendAsync(client, factory.Services, "GET", Search, ("Accept-Encoding", acceptEncoding));

        call.Status.Should().Be(HttpStatusCode.OK);
        call.Header("Content-Encoding").Should().Be(expected, acceptEncoding);
        call.Header("Vary").Should().Contain("Accept-Encoding");
        var json = Decode(call.Body, expected);
        json.Should().StartWith("{\"resourceType\":\"Bundle\"");
        if (expected is not null)
        {
            call.Body.Length.Should().BeLessThan(json.Length / 2, "a Bundle compresses well");
            call.Header("Content-Length").Should().NotBe(json.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Get_AnyFhirAnswerWithGzip_IsTheIdentityAnswerCompressed(string answer, string url)
    {
        var client = factory.CreateClient();
        var plain = await RestCall.SendAsync(client, factory.Services, "GET", url);

        var compressed = await RestCall.SendAsync(client, factory.Services, "GET", url, ("Accept-Encoding", "gzip"));

        plain.Header("Content-Encoding").Should().BeNull(answer);
        compressed.Header("Content-Encoding").Should().Be("gzip", answer);
        compressed.Header("Content-Type").Should().Be(plain.Header("Content-Type"), answer);
        compressed.Status.Should().Be(plain.Status, answer);
        var decoded = Decode(compressed.Body, "gzip");
        var identity = System.Text.Encoding.UTF8.GetString(plain.Body);
        decoded[..30].Should().Be(identity[..30], answer);
        ((double)decoded.Length).Should().BeApproximately(identity.Length, identity.Length * 0.05, $"{answer}: the same answer (its retrieval times and ids aside)");
        compressed.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be((int)plain.Status);
    }

    [Fact]
    public async Task Get_RefusedAtTheGateWithBrotli_IsCompressedToo()
    {
        using var client = factory.CreateAnonymousClient();

        var call = await RestCall.SendAsync(client, factory.Services, "GET", Search, ("Accept-Encoding", "br"), ("Accept", "application/fhir+xml"));

        call.Status.Should().Be(HttpStatusCode.Unauthorized);
        call.Header("Content-Encoding").Should().Be("br");
        Decode(call.Body, "br").Should().StartWith("<OperationOutcome");
    }

    [Fact]
    public async Task Get_AuditEventSearchWithGzip_IsCompressed()
    {
        var client = factory.CreateClient();
        var auditor = new SecurityTokens(factory.Services).User("user/AuditEvent.rs");

        var call = await RestCall.SendAsync(client, factory.Services, "GET", "/fhir/AuditEvent?_count=5", ("Accept-Encoding", "gzip"), ("Authorization", "Bearer " + auditor));

        call.Status.Should().Be(HttpStatusCode.OK);
        call.Header("Content-Encoding").Should().Be("gzip");
        Decode(call.Body, "gzip").Should().Contain("\"type\":\"searchset\"");
    }

    private static string Decode(byte[] body, string? encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding switch
        {
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }
}
