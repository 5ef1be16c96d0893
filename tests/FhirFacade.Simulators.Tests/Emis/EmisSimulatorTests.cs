using System.Net;
using System.Xml.Linq;
using FhirFacade.Simulators.Emis;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tests.Emis;

[Trait("Category", "Integration")]
public sealed class EmisSimulatorTests : IClassFixture<SimulatorFixture>
{
    private static readonly XNamespace Ns = "urn:fhirfacade:sim:emis:openhr-lite:1";
    private readonly SimulatorFixture _fixture;

    public EmisSimulatorTests(SimulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task GetRecord_ForDemoPatient_ReturnsXmlWithEventsAndEtag()
    {
        using var client = CreateClient();

        using var response = await client.GetAsync("api/patients/9990000018/record", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/xml");
        response.Headers.ETag!.Tag.Should().Be("\"A81001-7\"");
        var doc = XDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.Root!.Name.Should().Be(Ns + "PatientRecord");
        doc.Root.Element(Ns + "Patient")!.Element(Ns + "NhsNumber")!.Value.Should().Be("9990000018");
        doc.Root.Element(Ns + "Events")!.Elements(Ns + "Problem").Should().HaveCount(5);
        doc.Root.Element(Ns + "Events")!.Elements(Ns + "Medication").First().Element(Ns + "Issues")!.Elements().Should().HaveCount(12);
    }

    [Fact]
    public async Task GetRecord_WithSections_ReturnsOnlyThoseEvents()
    {
        using var client = CreateClient();

        var xml = await client.GetStringAsync("api/patients/9990000018/record?sections=allergies", TestTimeout.Token());

        var events = XDocument.Parse(xml).Root!.Element(Ns + "Events")!.Elements().Select(e => e.Name.LocalName).Distinct();
        events.Should().Equal("Allergy");
    }

    [Fact]
    public async Task GetRecord_WithUnknownSection_Returns400()
    {
        using var client = CreateClient();

        using var response = await client.GetAsync("api/patients/9990000018/record?sections=bloods", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("INVALID_SECTION");
    }

    [Fact]
    public async Task GetRecord_WithIfNoneMatch_Returns304()
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/patients/9990000018/record");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"A81001-7\"");

        using var response = await client.SendAsync(request, TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task GetRecord_Twice_IsByteIdentical()
    {
        using var client = CreateClient();
        var nhs = FindGenerated(SupplierKind.Emis);

        var first = await client.GetByteArrayAsync($"api/patients/{nhs}/record", TestTimeout.Token());
        var second = await client.GetByteArrayAsync($"api/patients/{nhs}/record", TestTimeout.Token());

        first.Should().Equal(second);
    }

    [Fact]
    public async Task GetPatient_ForHeldPatient_ReturnsSummaryWithoutEvents()
    {
        using var client = CreateClient();

        var xml = await client.GetStringAsync("api/patients/9990000069", TestTimeout.Token());

        var root = XDocument.Parse(xml).Root!;
        root.Name.Should().Be(Ns + "PatientSummary");
        root.Element(Ns + "Events").Should().BeNull();
        root.Element(Ns + "Patient")!.Element(Ns + "SharingFlags")!.Attribute("dissent")!.Value.Should().Be("true");
    }

    [Theory]
    [InlineData("9990000017", HttpStatusCode.NotFound)]
    [InlineData("999000001", HttpStatusCode.BadRequest)]
    [InlineData("99900000AB", HttpStatusCode.BadRequest)]
    [InlineData("9990000026", HttpStatusCode.NotFound)]
    public async Task GetPatient_ForNumberNotHeld_ReturnsError(string nhs, HttpStatusCode expected)
    {
        using var client = CreateClient();

        using var response = await client.GetAsync($"api/patients/{nhs}", TestTimeout.Token());

        response.StatusCode.Should().Be(expected);
        XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Name.Should().Be(Ns + "Error");
    }

    public static TheoryData<string, string[]> Searches => new()
    {
        { "family=Thornton&birthDate=1958-04-12", ["9990000018"] },
        { "family=tHoRn&birthDate=1958-04-12", ["9990000018"] },
        { "family=Cooper&birthDate=1958-04-12", ["9990000018"] },
        { "family=Thornton&birthDate=1958-04-12&ods=A81001", ["9990000018"] },
        { "family=Thornton&birthDate=1958-04-12&ods=A81002", [] },
        { "family=Hartley&birthDate=1972-09-30", [] },
        { "family=Whitfield&birthDate=1940-11-02", ["9990000050"] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchPatients_ByFamilyAndBirthDate_ReturnsTheEmisHeldMatches(string query, string[] expected)
    {
        using var client = CreateClient();

        using var response = await client.GetAsync("api/patients?" + query, TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        root.Name.Should().Be(Ns + "PatientSearchResults");
        root.Elements(Ns + "Match").Select(m => m.Element(Ns + "NhsNumber")!.Value).Should().Equal(expected);
    }

    [Fact]
    public async Task SearchPatients_ByFamilyOnly_ReturnsEveryMatchInOrderUpToTheLimit()
    {
        using var client = CreateClient();

        using var response = await client.GetAsync("api/patients?family=S", TestTimeout.Token());

        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        var numbers = root.Elements(Ns + "Match").Select(m => m.Element(Ns + "NhsNumber")!.Value).ToList();
        numbers.Should().HaveCount(50).And.BeInAscendingOrder(StringComparer.Ordinal);
        root.Attribute("truncated")!.Value.Should().Be("true");
    }

    [Theory]
    [InlineData("")]
    [InlineData("?birthDate=1958-04-12")]
    [InlineData("?family=Thornton&birthDate=12/04/1958")]
    public async Task SearchPatients_WithoutFamilyOrWithBadDate_Returns400(string query)
    {
        using var client = CreateClient();

        using var response = await client.GetAsync("api/patients" + query, TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(Ns + "Code")!.Value.Should().Be("INVALID_SEARCH");
    }

    [Fact]
    public async Task GetPatient_WithoutApiKey_Returns401()
    {
        using var client = new HttpClient { BaseAddress = _fixture.Cluster.Emis.BaseAddress };

        using var response = await client.GetAsync("api/patients/9990000018", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetOrganisation_ForEmisPractice_ReturnsOrganisation()
    {
        using var client = CreateClient();

        var xml = await client.GetStringAsync("api/organisations/A81002", TestTimeout.Token());

        XDocument.Parse(xml).Root!.Element(Ns + "Name")!.Value.Should().Be("Hillview Surgery");
    }

    [Fact]
    public async Task GetOrganisation_ForOtherSupplier_Returns404()
    {
        using var client = CreateClient();

        using var response = await client.GetAsync("api/organisations/B82005", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetPractitioner_ForEmisGp_ReturnsGmcNumber()
    {
        using var client = CreateClient();

        var xml = await client.GetStringAsync("api/practitioners/555000100011", TestTimeout.Token());

        XDocument.Parse(xml).Root!.Element(Ns + "GmcNumber")!.Value.Should().Be("4612345");
    }

    [Fact]
    public async Task GetRecord_ForConfidentialPatient_MarksSexualHealthItemsConfidential()
    {
        using var client = CreateClient();

        var xml = await client.GetStringAsync("api/patients/9990000085/record", TestTimeout.Token());

        var events = XDocument.Parse(xml).Root!.Element(Ns + "Events")!.Elements().ToList();
        events.Where(e => e.Attribute("confidential")?.Value == "true").Select(e => e.Name.LocalName)
            .Should().BeEquivalentTo(["Problem", "Medication"]);
    }

    internal static string FindGenerated(SupplierKind supplier)
    {
        var nhs = "9991234560";
        while (true)
        {
            nhs = NhsNumber.NextInWorld(nhs);
            var holders = SimulatorDirectory.HoldersOf(nhs);
            if (holders.Count > 0 && holders[0].Organisation.Supplier == supplier && holders[0].Organisation.ThirdPartySharing)
            {
                return nhs;
            }
        }
    }

    private HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = _fixture.Cluster.Emis.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", _fixture.Cluster.Emis.ApiKey);
        return client;
    }
}
