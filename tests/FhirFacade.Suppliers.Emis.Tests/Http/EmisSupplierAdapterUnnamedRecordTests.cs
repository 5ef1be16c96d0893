using System.Text.RegularExpressions;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Suppliers.Emis.Http;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Emis.Tests.Http;

/// <summary>
/// EMIS answers a patient-scoped search or read with a record that names no patient (no <c>Patient</c> element, or one
/// without an <c>NhsNumber</c>): the answer is malformed and refused before anything of it is mapped.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class EmisSupplierAdapterUnnamedRecordTests : IDisposable
{
    private const string Asked = "9990000018";
    private const string Problem = "00002710-0000-0000-454D-495353494D21";
    private const string Allergy = "00002715-0000-0000-454D-495353494D21";
    private const string Medication = "00002716-0000-0000-454D-495353494D21";

    private static readonly OrganisationEndpoint Riverside = new() { OdsCode = "A81001", Name = "Riverside Medical Practice", Supplier = "emis", Endpoint = new Uri("http://127.0.0.1:9/") };

    private ServiceProvider? _services;

    public static TheoryData<string, string> Searches => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement);

    public static TheoryData<string, string> Reads => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement, T.Medication);

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAsync_RecordNamesNoPatient_ThrowsMalformed(string unnamed, string resourceType)
    {
        var sut = CreateSut(Unnamed(unnamed));
        var query = new SupplierQuery(new SearchRequest { ResourceType = resourceType }, PatientSelector.ForNativeId(Asked));

        var search = () => sut.SearchAsync(Riverside, query, CancellationToken.None);

        var thrown = (await search.Should().ThrowAsync<SupplierException>()).Which;
        thrown.Kind.Should().Be(SupplierFailureKind.Malformed);
        thrown.Message.Should().Be("EMIS sent a record that names no patient.");
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ReadAsync_RecordNamesNoPatient_ThrowsMalformed(string unnamed, string resourceType)
    {
        var sut = CreateSut(Unnamed(unnamed));

        var read = () => sut.ReadAsync(Riverside, resourceType, NativeId(resourceType), CancellationToken.None);

        var thrown = (await read.Should().ThrowAsync<SupplierException>()).Which;
        thrown.Kind.Should().Be(SupplierFailureKind.Malformed);
        thrown.Message.Should().Be("EMIS sent a record that names no patient.");
    }

    [Fact]
    public async Task SearchAsync_RecordNamesTheAskedPatient_MapsIt()
    {
        var sut = CreateSut(Document());
        var query = new SupplierQuery(new SearchRequest { ResourceType = T.Condition }, PatientSelector.ForNativeId(Asked));

        var result = await sut.SearchAsync(Riverside, query, CancellationToken.None);

        result.Matches.Should().NotBeEmpty().And.OnlyContain(m => m.NativeId.StartsWith(Asked + "/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("no Patient element")]
    [InlineData("no NhsNumber element")]
    public async Task SearchAsync_ByNameAMatchsSummaryNamesNoPatient_LeavesThatMatchOut(string unnamed)
    {
        const string Matches = """<PatientSearchResults truncated="false" xmlns="urn:fhirfacade:sim:emis:openhr-lite:1"><Match><NhsNumber>9990000018</NhsNumber></Match></PatientSearchResults>""";
        var summary = Unnamed(unnamed);
        var sut = CreateSut(request => request.RequestUri!.AbsolutePath == "/api/patients" ? Matches : summary);
        var query = new SupplierQuery(SearchRequestParser.Parse(T.Patient, [KeyValuePair.Create("family", "Thornton"), KeyValuePair.Create("birthdate", "1958-04-12")], strict: false, TestResourceIds.Codec), PatientSelector.Demographic);

        var result = await sut.SearchAsync(Riverside, query, CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Issues.Select(i => i.Code).Should().BeSubsetOf(["EMIS-UNMAPPABLE"]);
        result.Issues.Should().NotContain(i => i.Message.Contains(Asked, StringComparison.Ordinal));
    }

    public void Dispose() => _services?.Dispose();

    private static TheoryData<string, string> Rows(params string[] resourceTypes)
    {
        var rows = new TheoryData<string, string>();
        foreach (var unnamed in new[] { "no Patient element", "no NhsNumber element" })
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
        T.Condition => Asked + "/" + Problem,
        T.AllergyIntolerance => Asked + "/" + Allergy,
        _ => Asked + "/" + Medication,
    };

    private static string Document() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "record-9990000018.xml"));

    private static string Unnamed(string how)
    {
        var document = Document();
        var unnamed = how == "no Patient element"
            ? PatientElement().Replace(document, string.Empty)
            : document.Replace("<NhsNumber>" + Asked + "</NhsNumber>", string.Empty, StringComparison.Ordinal);
        unnamed.Should().NotBe(document).And.NotContain("<NhsNumber>" + Asked);
        return unnamed;
    }

    [GeneratedRegex("<Patient>.*?</Patient>", RegexOptions.Singleline)]
    private static partial Regex PatientElement();

    private ISupplierAdapter CreateSut(string document) => CreateSut(_ => document);

    private ISupplierAdapter CreateSut(Func<HttpRequestMessage, string> document)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Suppliers:Emis:ApiKey"] = "key", ["Suppliers:Emis:RetryDelay"] = "00:00:00" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IFhirModel>(TestFhir.Model);
        services.AddSingleton(TestResourceIds.Codec);
        services.AddEmisSupplier(configuration);
        services.AddHttpClient(EmisClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new EmisStubHandler(document));
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<ISupplierAdapter>();
    }
}
