using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FhirFacade.Fhir.Serialization.Xml;
using FhirFacade.Server.Http;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.World;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// Text FHIR cannot carry (control characters, U+FFFE, U+FFFF): the caller's own text echoed in an
/// answer is cleaned, and a supplier's is replaced with U+FFFD and named in a warning — in XML and in
/// JSON alike, never a failed answer, always one audit record.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ReleasedTextTests(ReleasedTextTests.Factory factory) : IClassFixture<ReleasedTextTests.Factory>
{
    private const string XmlNamespace = "http://hl7.org/fhir";

    // Percent-encoded as a caller sends them: C0 controls, DEL then NUL, U+FFFE and U+FFFF.
    private static readonly string[] Characters = ["%01", "%1B", "%7F%00", "%EF%BF%BE", "%EF%BF%BF"];

    public static TheoryData<string, string> FormatsAndCharacters() => Rows(Characters);

    // A decoded NUL in a path is refused before it reaches any server (the test client throws; Kestrel answers 400 itself).
    public static TheoryData<string, string> FormatsAndPathCharacters() => Rows([.. Characters.Where(c => !c.Contains("%00", StringComparison.Ordinal))]);

    [Theory]
    [MemberData(nameof(FormatsAndCharacters))]
    public async Task Search_UnknownParameterNamedWithCharactersFhirCannotCarry_Returns200WithTheNameCleaned(string accept, string character)
    {
        var call = await GetAsync($"/fhir/Patient?identifier={FhirHttp.Nhs}{TestPatients.EmisRich}&x{character}y=1", accept);

        call.Status.Should().Be(200, call.Body);
        var issues = IssueTexts(call);
        issues.Should().Contain(t => t.Contains("x\ufffdy", StringComparison.Ordinal) || t.Contains("x\u007f\ufffdy", StringComparison.Ordinal));
        issues.Should().OnlyContain(t => XmlCharacters.IndexOfInvalid(t) < 0);
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(200);
    }

    [Theory]
    [MemberData(nameof(FormatsAndCharacters))]
    public async Task Search_StrictlyHandledUnknownParameterWithCharactersFhirCannotCarry_Returns400OperationOutcome(string accept, string character)
    {
        var call = await GetAsync($"/fhir/Patient?identifier={FhirHttp.Nhs}{TestPatients.EmisRich}&x{character}y=1", accept, prefer: "handling=strict");

        call.Status.Should().Be(400, call.Body);
        call.IsOperationOutcome.Should().BeTrue(call.Body);
        call.ContentType.Should().StartWith(accept);
        IssueTexts(call).Should().Contain(t => t.Contains("\ufffdy", StringComparison.Ordinal));
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(400);
    }

    [Theory]
    [MemberData(nameof(FormatsAndPathCharacters))]
    public async Task Read_IdWithCharactersFhirCannotCarry_Returns404OperationOutcome(string accept, string character)
    {
        var call = await GetAsync($"/fhir/Medication/a{character}", accept);

        call.Status.Should().Be(404, call.Body);
        call.IsOperationOutcome.Should().BeTrue(call.Body);
        call.ContentType.Should().StartWith(accept);
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(404);
    }

    [Theory]
    [InlineData(FhirMediaTypes.Json)]
    [InlineData(FhirMediaTypes.Xml)]
    public async Task Search_SupplierTextWithControlCharacters_ReplacesThemAndNamesTheSourceInAWarning(string accept)
    {
        var nhs = TestPatients.OnlyAt(SupplierKind.Tpp, 0);

        var call = await GetAsync($"/fhir/Patient?identifier={FhirHttp.Nhs}{nhs}", accept);

        call.Status.Should().Be(200, call.Body);
        AddressLines(call).Should().Contain(l => l.StartsWith(Factory.Replaced, StringComparison.Ordinal));
        IssueTexts(call).Should().ContainSingle(t => t.Contains(ReleasedText.ReplacedCode, StringComparison.Ordinal))
            .Which.Should().Contain("tpp at " + TestPatients.HolderOf(nhs));
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(200);
    }

    [Theory]
    [InlineData(FhirMediaTypes.Json)]
    [InlineData(FhirMediaTypes.Xml)]
    public async Task Read_SupplierTextWithControlCharacters_ReturnsTheResourceWithThemReplaced(string accept)
    {
        var nhs = TestPatients.OnlyAt(SupplierKind.Tpp, 1);
        var search = await GetAsync($"/fhir/Patient?identifier={FhirHttp.Nhs}{nhs}", FhirMediaTypes.Json);
        var id = JsonNode.Parse(search.Body)!["entry"]!.AsArray().Select(e => e!["resource"]!).First(r => r["resourceType"]!.GetValue<string>() == "Patient")["id"]!.GetValue<string>();

        var call = await GetAsync($"/fhir/Patient/{id}", accept);

        call.Status.Should().Be(200, call.Body);
        AddressLines(call).Should().Contain(l => l.StartsWith(Factory.Replaced, StringComparison.Ordinal));
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(200);
    }

    private static TheoryData<string, string> Rows(IEnumerable<string> characters)
    {
        var data = new TheoryData<string, string>();
        foreach (var format in new[] { FhirMediaTypes.Json, FhirMediaTypes.Xml })
        {
            foreach (var character in characters)
            {
                data.Add(format, character);
            }
        }

        return data;
    }

    private async Task<AuditedCall> GetAsync(string path, string accept, string? prefer = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        return await AuditedCall.SendAsync(client, factory.Services, request);
    }

    // details.text and diagnostics of every issue (of an OperationOutcome body or a Bundle's outcome entry); parsing proves the body well-formed.
    private static List<string> IssueTexts(AuditedCall call) => call.Format == FhirFormat.Xml
        ? [.. XDocument.Parse(call.Body).Descendants(XName.Get("issue", XmlNamespace))
            .Select(i => string.Join(" ", i.Descendants().Where(d => d.Name.LocalName is "text" or "diagnostics").Select(d => d.Attribute("value")!.Value)))]
        : [.. JsonIssues(JsonNode.Parse(call.Body)!).Select(i => $"{i["details"]?["text"]?.GetValue<string>()} {i["diagnostics"]?.GetValue<string>()}")];

    private static IEnumerable<JsonNode> JsonIssues(JsonNode body) =>
        body["resourceType"]!.GetValue<string>() == "OperationOutcome"
            ? body["issue"]!.AsArray().Select(i => i!)
            : body["entry"]!.AsArray().Select(e => e!["resource"]!).Where(r => r["resourceType"]!.GetValue<string>() == "OperationOutcome").SelectMany(JsonIssues);

    private static List<string> AddressLines(AuditedCall call) => call.Format == FhirFormat.Xml
        ? [.. XDocument.Parse(call.Body).Descendants(XName.Get("line", XmlNamespace)).Select(l => l.Attribute("value")!.Value)]
        : [.. JsonAddressLines(JsonNode.Parse(call.Body)!)];

    private static IEnumerable<string> JsonAddressLines(JsonNode body) =>
        (body["resourceType"]!.GetValue<string>() == "Bundle" ? body["entry"]!.AsArray().Select(e => e!["resource"]!) : [body])
            .SelectMany(r => r["address"]?.AsArray() ?? [])
            .SelectMany(a => a!["line"]?.AsArray() ?? [])
            .Select(l => l!.GetValue<string>());

    /// <summary>The server in memory, with SystmOne's answers carrying control characters and non-characters at the start of every street.</summary>
    public sealed class Factory : FacadeServerFactory
    {
        /// <summary>What the injected characters become: one U+FFFD each.</summary>
        public const string Replaced = "\ufffd\ufffd\ufffd";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddHttpClient("tpp").AddHttpMessageHandler(() => new StreetInjector()));
        }

        /// <summary>Rewrites SystmOne's JSON: each <c>"street"</c> value starts with BEL, ESC and U+FFFF (as JSON escapes, as a supplier would send them).</summary>
        private sealed class StreetInjector : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
                {
                    return response;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                var content = new StringContent(text.Replace("\"street\":\"", "\"street\":\"\\u0007\\u001b\\uffff", StringComparison.Ordinal));
                content.Headers.ContentType = response.Content.Headers.ContentType;
                response.Content = content;
                return response;
            }
        }
    }
}
