using System.Net;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Suppliers.Tpp.Http;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Tpp.Tests.Http;

/// <summary>Adapter edge cases the simulator's world never produces, over a stub handler.</summary>
[Trait("Category", "Unit")]
public sealed class TppSupplierAdapterStubTests : IDisposable
{
    private const string TwoUnits = """
        {"queryType":"PatientRecord","nhsNumber":"9990000026","records":[
          {"unit":{"odsCode":"B82010","name":"Castle Street Surgery","unitType":"GP","thirdPartySharing":false,"sharedAreas":[]},"sharingStatus":"Refused","refusalReason":"THIRD_PARTY_SHARING_DISABLED"},
          {"unit":{"odsCode":"RY801","name":"Northshire","unitType":"Community","thirdPartySharing":true,"sharedAreas":["medications"]},"sharingStatus":"Shared","withheldAreas":[],"recordVersion":3,
           "patient":{"rowId":7000000026,"nhsNumber":"9990000026","dissent":false,"sensitive":false},
           "medications":[
             {"rowId":1,"drug":{"dmdId":"10548011000001102","name":"Keppra"},"status":"Active","startDate":"2026-01-01","private":false,"issues":[]},
             {"rowId":2,"drug":{"dmdId":"10548011000001102","name":"Keppra"},"status":"Active","startDate":"2026-01-01","private":true,"issues":[]},
             {"rowId":3,"drug":null,"status":"Bogus","startDate":"2026-01-01","private":false,"issues":[]}]}]}
        """;

    private const string Allergies = """
        {"queryType":"PatientRecord","nhsNumber":"9990000026","records":[
          {"unit":{"odsCode":"RY801","name":"Northshire","unitType":"Community","thirdPartySharing":true,"sharedAreas":["allergies"]},"sharingStatus":"Shared","withheldAreas":[],"recordVersion":3,
           "patient":{"rowId":7000000026,"nhsNumber":"9990000026","dissent":false,"sensitive":false},
           "allergies":[
             {"rowId":11,"category":"Drug","allergen":{"conceptId":"91936005","term":"Penicillin allergy"},"status":"Active","private":false},
             {"rowId":12,"category":"Drug","allergen":{"conceptId":"91936005","term":"Penicillin allergy"},"status":"Active","private":true}],
           "noKnownAllergies":{"rowId":12,"snomed":{"conceptId":"716186003","term":"No known allergy"}}}]}
        """;

    private static readonly OrganisationEndpoint CastleStreet = new() { OdsCode = "B82010", Supplier = "tpp", Endpoint = new Uri("http://127.0.0.1:9/") };
    private static readonly OrganisationEndpoint Northshire = new() { OdsCode = "RY801", Supplier = "tpp", Endpoint = new Uri("http://127.0.0.1:9/") };

    private ServiceProvider? _services;

    [Fact]
    public async Task Search_RecordRefusedAtThatUnit_ThrowsSupplierRefusal()
    {
        var adapter = CreateSut(TwoUnits);

        var act = () => adapter.SearchAsync(CastleStreet, Query(), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Refused);
    }

    [Fact]
    public async Task Search_SharedUnitWithPrivateAndBrokenRows_ReturnsTheRestWithIssues()
    {
        var adapter = CreateSut(TwoUnits);

        var result = await adapter.SearchAsync(Northshire, Query(), CancellationToken.None);

        result.Matches.Select(m => m.NativeId).Should().Equal("9990000026/1");
        result.Matches[0].Version.Should().Be("3");
        result.Issues.Should().HaveCount(2);
        result.Issues.Should().ContainSingle(i => i.Code == "TPP-UNMAPPABLE");
        result.Issues.Should().ContainSingle(i => i.Type == IssueType.Suppressed && i.Message.Contains("confidentiality", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_RowIdWithLeadingZeros_ReadsThatRow()
    {
        var adapter = CreateSut(TwoUnits);

        var result = await adapter.ReadAsync(Northshire, FhirResourceTypes.MedicationStatement, "9990000026/001", CancellationToken.None);

        result.Resource.Should().NotBeNull();
        result.Resource!.NativeId.Should().Be("9990000026/001");
        TestFhir.JsonSerializer.Serialize(result.Resource.Resource).Should().Contain("Keppra");
    }

    [Fact]
    public async Task Search_AllergiesBesideNoKnownAllergiesRow_ListsTheRowAfterTheShareableAllergies()
    {
        var adapter = CreateSut(Allergies);

        var result = await adapter.SearchAsync(Northshire, Query(FhirResourceTypes.AllergyIntolerance), CancellationToken.None);

        result.Matches.Select(m => m.NativeId).Should().Equal("9990000026/11", "9990000026/12");
        result.Issues.Should().ContainSingle(i => i.Type == IssueType.Suppressed);
    }

    [Fact]
    public async Task Read_RowIdOfPrivateAllergyAndNoKnownAllergiesRow_ReturnsTheNoKnownAllergiesRow()
    {
        var adapter = CreateSut(Allergies);

        var result = await adapter.ReadAsync(Northshire, FhirResourceTypes.AllergyIntolerance, "9990000026/12", CancellationToken.None);

        result.Resource.Should().NotBeNull();
        TestFhir.JsonSerializer.Serialize(result.Resource!.Resource).Should().Contain("716186003").And.NotContain("91936005");
    }

    public void Dispose() => _services?.Dispose();

    private static SupplierQuery Query(string resourceType = FhirResourceTypes.MedicationStatement) =>
        new(new SearchRequest { ResourceType = resourceType }, new PatientSelector(NhsNumber.TryParse("9990000026", out var nhs) ? nhs : null, null));

    private ISupplierAdapter CreateSut(string answer)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Suppliers:Tpp:ApiKey"] = "key" }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IFhirModel>(TestFhir.Model);
        services.AddSingleton(TestResourceIds.Codec);
        services.AddTppSupplier(configuration);
        services.AddHttpClient(TppClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new StubHandler(StubHandler.Json(HttpStatusCode.OK, answer)));
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<ISupplierAdapter>();
    }
}
