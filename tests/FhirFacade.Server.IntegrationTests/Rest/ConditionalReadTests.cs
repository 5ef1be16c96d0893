using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// Versions and conditional reads at every supplier (docs/adr/0014-http-versions-and-conditional-reads.md): a read
/// carries <c>ETag: W/"{meta.versionId}"</c> and <c>Last-Modified</c>; the same version is in the search results;
/// an unchanged record keeps its version across retrievals (Vision's derived one included); <c>If-None-Match</c>
/// with it is 304 with no body and audited, any other version is 200.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConditionalReadTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    /// <summary>Each supplier's demo patient (examples/demo-patients.json), with the record version format it gives.</summary>
    public static TheoryData<string, string, string> Suppliers => new()
    {
        { "emis", "9990000018", "^[0-9]+$" },
        { "tpp", "9990000026", "^[0-9]+$" },
        { "vision", "9990000034", "^[0-9a-f]{32}$" },
        { "microtest", "9990000042", "^[0-9]+$" },
    };

    public static TheoryData<string, string> SupplierPatients => new()
    {
        { "emis", "9990000018" },
        { "tpp", "9990000026" },
        { "vision", "9990000034" },
        { "microtest", "9990000042" },
    };

    public static TheoryData<string, string> ReadTypes => new()
    {
        { "9990000034", "Condition" },
        { "9990000034", "AllergyIntolerance" },
        { "9990000034", "MedicationStatement" },
        { "9990000026", "Condition" },
    };

    [Theory]
    [MemberData(nameof(Suppliers))]
    public async Task Read_AtEverySupplier_CarriesVersionIdAsETagAndLastModified(string supplier, string nhsNumber, string versionPattern)
    {
        var client = factory.CreateClient();
        var id = await PatientIdAsync(client, nhsNumber);

        var read = await client.FhirGetAsync("/fhir/Patient/" + id);

        read.Status.Should().Be(HttpStatusCode.OK, supplier);
        var versionId = read.Body!["meta"]!["versionId"]!.GetValue<string>();
        versionId.Should().MatchRegex(versionPattern, supplier);
        read.Header("ETag").Should().Be($"W/\"{versionId}\"", supplier);
        var lastUpdated = DateTimeOffset.Parse(read.Body["meta"]!["lastUpdated"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        DateTimeOffset.Parse(read.Header("Last-Modified"), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(lastUpdated, TimeSpan.FromSeconds(1), "Last-Modified is meta.lastUpdated to the second");
    }

    [Theory]
    [MemberData(nameof(Suppliers))]
    public async Task Read_UnchangedRecordTwice_KeepsItsVersion(string supplier, string nhsNumber, string versionPattern)
    {
        var client = factory.CreateClient();
        var id = await PatientIdAsync(client, nhsNumber);
        var first = await client.FhirGetAsync("/fhir/Patient/" + id);

        var second = await client.FhirGetAsync("/fhir/Patient/" + id);

        second.Header("ETag").Should().MatchRegex("^W/\"" + versionPattern.Trim('^', '$') + "\"$", supplier).And.Be(first.Header("ETag"));
    }

    [Theory]
    [MemberData(nameof(ReadTypes))]
    public async Task Search_EveryMatch_HasTheVersionItsReadHas(string nhsNumber, string type)
    {
        var client = factory.CreateClient();
        var matches = (await client.FhirGetAsync($"/fhir/{type}?patient.identifier={FhirHttp.Nhs}{nhsNumber}")).Entries();

        foreach (var match in matches)
        {
            var read = await client.FhirGetAsync($"/fhir/{type}/{match["id"]!.GetValue<string>()}");

            var versionId = match["meta"]!["versionId"]!.GetValue<string>();
            read.Body!["meta"]!["versionId"]!.GetValue<string>().Should().Be(versionId);
            read.Header("ETag").Should().Be($"W/\"{versionId}\"");
        }

        matches.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(SupplierPatients))]
    public async Task Read_IfNoneMatchItsETag_Is304WithoutBodyAndAudited(string supplier, string nhsNumber)
    {
        var client = factory.CreateClient();
        var id = await PatientIdAsync(client, nhsNumber);
        var etag = (await client.FhirGetAsync("/fhir/Patient/" + id)).Header("ETag");

        var conditional = await RestCall.SendAsync(client, factory.Services, "GET", "/fhir/Patient/" + id, ("If-None-Match", etag));

        conditional.Status.Should().Be(HttpStatusCode.NotModified, supplier);
        conditional.Body.Should().BeEmpty();
        conditional.Header("ETag").Should().Be(etag);
        conditional.Header("Content-Type").Should().BeNull();
        var record = conditional.Audit.Should().ContainSingle().Subject;
        record.Outcome.HttpStatus.Should().Be(304);
        record.Interaction.Should().Be("read");
        record.ResourceCount.Should().Be(0, "nothing was released");
        record.Sources.Should().ContainSingle().Which.Supplier.Should().Be(supplier);
    }

    public static TheoryData<string, HttpStatusCode> IfNoneMatchForms => new()
    {
        { "{etag}", HttpStatusCode.NotModified },
        { "{strong}", HttpStatusCode.NotModified },
        { "*", HttpStatusCode.NotModified },
        { "W/\"other\", {etag}", HttpStatusCode.NotModified },
        { "W/\"other\"", HttpStatusCode.OK },
        { "\"1\"", HttpStatusCode.OK },
        { "not an entity tag", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(IfNoneMatchForms))]
    public async Task Read_IfNoneMatchForms_304OnlyWhenOneMatches(string form, HttpStatusCode status)
    {
        var client = factory.CreateClient();
        var id = await PatientIdAsync(client, "9990000018");
        var etag = (await client.FhirGetAsync("/fhir/Patient/" + id)).Header("ETag");
        var header = form.Replace("{etag}", etag, StringComparison.Ordinal).Replace("{strong}", etag[2..], StringComparison.Ordinal);

        var conditional = await RestCall.SendAsync(client, factory.Services, "GET", "/fhir/Patient/" + id, ("If-None-Match", header));

        conditional.Status.Should().Be(status, header);
        (conditional.Body.Length > 0).Should().Be(status == HttpStatusCode.OK);
    }

    [Fact]
    public async Task Read_IfModifiedSince_304OnlyWhenNotModifiedSince()
    {
        var client = factory.CreateClient();
        var id = await PatientIdAsync(client, "9990000018");
        var past = DateTimeOffset.UnixEpoch.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        var modified = await RestCall.SendAsync(client, factory.Services, "GET", "/fhir/Patient/" + id, ("If-Modified-Since", past));

        // Last-Modified is the retrieval instant (ADR 0009): every read is newer than any date the caller has seen.
        modified.Status.Should().Be(HttpStatusCode.OK);
        modified.Header("Last-Modified").Should().NotBeNull();
    }

    [Fact]
    public async Task Head_IfNoneMatchItsETag_Is304()
    {
        var client = factory.CreateClient();
        var id = await PatientIdAsync(client, "9990000042");
        var etag = (await client.FhirGetAsync("/fhir/Patient/" + id)).Header("ETag");

        var head = await RestCall.SendAsync(client, factory.Services, "HEAD", "/fhir/Patient/" + id, ("If-None-Match", etag));

        head.Status.Should().Be(HttpStatusCode.NotModified);
        head.Header("ETag").Should().Be(etag);
    }

    private static async Task<string> PatientIdAsync(HttpClient client, string nhsNumber)
    {
        var search = await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + nhsNumber);
        return search.Entries()[0]["id"]!.GetValue<string>();
    }
}
