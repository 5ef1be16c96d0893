using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests;

/// <summary>Patient search by family + birthdate (no NHS number) reaching TPP SystmOne through the facade.</summary>
[Trait("Category", "Integration")]
public sealed class TppDemographicSearchTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string TppRich = "9990000026";
    private const string Sensitive = "9990000077";

    public static TheoryData<string, string[]> Searches => new()
    {
        { "family=Hartley&birthdate=1972-09-30", [TppRich] },
        { "family=hart&birthdate=1972-09-30", [TppRich] },
        { "family=Hartley&birthdate=1972-09-30&given=Benjamin&gender=male", [TppRich] },
        { "family=Hartley&birthdate=1972-09-30&gender=female", [] },
        { "family=Hartley&birthdate=1972-10-01", [] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Search_ByFamilyAndBirthdateWithoutNhsNumber_FindsThePatientAtTpp(string criteria, string[] expected)
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?" + criteria);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Select(p => p["identifier"]![0]!["value"]!.GetValue<string>()).Should().Equal(expected);
        response.Total.Should().Be(expected.Length);
        response.Entries().Select(p => p["meta"]!["source"]!.GetValue<string>()).Where(s => !s.StartsWith("urn:fhirfacade:source:tpp:", StringComparison.Ordinal)).Should().BeEmpty();
        response.Issues().Select(i => i["diagnostics"]?.GetValue<string>()).Should().NotContain("TPP-NO-DEMOGRAPHIC-SEARCH");
    }

    [Theory]
    [InlineData("family=Pike&birthdate=1990-06-18")]
    [InlineData("family=pi&birthdate=1990-06-18")]
    [InlineData("family=Pike&birthdate=ge1990-01-01&_count=500")]
    public async Task Search_ByNameOfSensitivePatient_NeverRevealsThem(string criteria)
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?" + criteria);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Select(p => p["identifier"]![0]!["value"]!.GetValue<string>()).Should().NotContain(Sensitive);
        response.Body!.ToJsonString().Should().NotContain(Sensitive).And.NotContain("Georgina");
    }
}
