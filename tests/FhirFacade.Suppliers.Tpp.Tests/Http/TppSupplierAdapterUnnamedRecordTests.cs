using System.Net;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Suppliers.Tpp.Http;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Tpp.Tests.Http;

/// <summary>
/// TPP answers a patient-scoped search or read with a shared record that names no patient (no <c>patient</c>, or one
/// without an NHS number): the answer is malformed and refused before anything of it is mapped.
/// </summary>
[Trait("Category", "Unit")]
public sealed class TppSupplierAdapterUnnamedRecordTests : IDisposable
{
    private const string Asked = "9990000026";

    private const string NoNhsNumber = """{"rowId":7000000026,"dissent":false,"sensitive":false,"surname":"Hartley","registration":{"type":"GMS","usualGp":{"staffRowId":200051,"sdsUserId":"100000000051","surname":"Ashworth","role":"GP"}}}""";
    private const string EmptyNhsNumber = """{"rowId":7000000026,"nhsNumber":"","dissent":false,"sensitive":false,"surname":"Hartley","registration":{"type":"GMS","usualGp":{"staffRowId":200051,"sdsUserId":"100000000051","surname":"Ashworth","role":"GP"}}}""";
    private const string Named = """{"rowId":7000000026,"nhsNumber":"9990000026","dissent":false,"sensitive":false,"surname":"Hartley","registration":{"type":"GMS","usualGp":{"staffRowId":200051,"sdsUserId":"100000000051","surname":"Ashworth","role":"GP"}}}""";

    /// <summary>How the record names no patient → its <c>patient</c> member.</summary>
    private static readonly Dictionary<string, string> Unnamed = new(StringComparer.Ordinal)
    {
        ["no patient"] = "null",
        ["no NHS number"] = NoNhsNumber,
        ["empty NHS number"] = EmptyNhsNumber,
    };

    private static readonly OrganisationEndpoint Moorland = new() { OdsCode = "B82005", Name = "Moorland Health Centre", Supplier = "tpp", Endpoint = new Uri("http://127.0.0.1:9/") };

    private ServiceProvider? _services;

    public static TheoryData<string, string> Searches => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement);

    public static TheoryData<string, string> Reads => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement, T.Medication, T.Practitioner);

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAsync_RecordNamesNoPatient_ThrowsMalformed(string unnamed, string resourceType)
    {
        var sut = CreateSut(Answer(Unnamed[unnamed]));
        var query = new SupplierQuery(new SearchRequest { ResourceType = resourceType }, PatientSelector.ForNativeId(Asked));

        var search = () => sut.SearchAsync(Moorland, query, CancellationToken.None);

        var thrown = (await search.Should().ThrowAsync<SupplierException>()).Which;
        thrown.Kind.Should().Be(SupplierFailureKind.Malformed);
        thrown.Message.Should().Be("TPP sent a record that names no patient.");
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ReadAsync_RecordNamesNoPatient_ThrowsMalformed(string unnamed, string resourceType)
    {
        var sut = CreateSut(Answer(Unnamed[unnamed]));

        var read = () => sut.ReadAsync(Moorland, resourceType, NativeId(resourceType), CancellationToken.None);

        var thrown = (await read.Should().ThrowAsync<SupplierException>()).Which;
        thrown.Kind.Should().Be(SupplierFailureKind.Malformed);
        thrown.Message.Should().Be("TPP sent a record that names no patient.");
    }

    [Fact]
    public async Task SearchAsync_RecordNamesTheAskedPatient_MapsIt()
    {
        var sut = CreateSut(Answer(Named));
        var query = new SupplierQuery(new SearchRequest { ResourceType = T.Condition }, PatientSelector.ForNativeId(Asked));

        var result = await sut.SearchAsync(Moorland, query, CancellationToken.None);

        result.Matches.Select(m => m.NativeId).Should().Equal(Asked + "/22000");
    }

    [Fact]
    public async Task SearchAsync_ByNameAMatchsRecordHasAnEmptyNhsNumber_LeavesThatMatchOutWithAWarning()
    {
        var sut = CreateSut(
            """{"queryType":"PatientSearch","nhsNumbers":["9990000026"],"truncated":false}""",
            Answer(EmptyNhsNumber));
        var query = new SupplierQuery(SearchRequestParser.Parse(T.Patient, [KeyValuePair.Create("family", "Hartley"), KeyValuePair.Create("birthdate", "1979-04-12")], strict: false, TestResourceIds.Codec), PatientSelector.Demographic);

        var result = await sut.SearchAsync(Moorland, query, CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Issues.Should().ContainSingle().Which.Code.Should().Be("TPP-UNMAPPABLE");
    }

    public void Dispose() => _services?.Dispose();

    private static TheoryData<string, string> Rows(params string[] resourceTypes)
    {
        var rows = new TheoryData<string, string>();
        foreach (var unnamed in Unnamed.Keys)
        {
            foreach (var resourceType in resourceTypes)
            {
                rows.Add(unnamed, resourceType);
            }
        }

        return rows;
    }

    private static string NativeId(string resourceType) => resourceType switch
    {
        T.Patient => Asked,
        T.Condition => Asked + "/22000",
        T.AllergyIntolerance => Asked + "/41000",
        T.Practitioner => Asked + "/200051",
        _ => Asked + "/51000",
    };

    /// <summary>One shared record at Moorland holding an item of every area, with <paramref name="patient"/> as its patient.</summary>
    private static string Answer(string patient) => $$"""
        {"queryType":"PatientRecord","nhsNumber":"{{Asked}}","records":[
          {"unit":{"odsCode":"B82005","name":"Moorland Health Centre","unitType":"GP","thirdPartySharing":true,"sharedAreas":["demographics","problems","allergies","medications"]},
           "sharingStatus":"Shared","withheldAreas":[],"recordVersion":12,
           "patient":{{patient}},
           "problems":[{"rowId":22000,"ctv3":{"code":"F25..","term":"Epilepsy"},"snomed":{"conceptId":"84757009","term":"Epilepsy"},"status":"Active","significance":"Major","private":false,"recordedDate":"1996-04-01"}],
           "allergies":[{"rowId":41000,"category":"Drug","allergen":{"conceptId":"764146007","term":"Penicillin"},"status":"Active","private":false,"recordedDate":"2004-03-02"}],
           "medications":[{"rowId":51000,"drug":{"dmdId":"10548011000001102","name":"Keppra"},"status":"Active","startDate":"2026-01-01","private":false,"issues":[]}]}]}
        """;

    private ISupplierAdapter CreateSut(params string[] answers)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Suppliers:Tpp:ApiKey"] = "key" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IFhirModel>(TestFhir.Model);
        services.AddSingleton(TestResourceIds.Codec);
        services.AddTppSupplier(configuration);
        services.AddHttpClient(TppClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new StubHandler([.. answers.Select(a => StubHandler.Json(HttpStatusCode.OK, a))]));
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<ISupplierAdapter>();
    }
}
