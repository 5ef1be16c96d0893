using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests;

/// <summary>Patient search by family + birthdate (no NHS number) reaching Microtest Evolution through the whole facade.</summary>
[Trait("Category", "Integration")]
public sealed class MicrotestDemographicSearchTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string MicrotestSource = "urn:fhirfacade:source:microtest:L83100";
    private const string MicrotestPaged = "9990000042";
    private const string BrokenData = "9990000107";

    public static TheoryData<string, string[]> MicrotestOnly => new()
    {
        { "family=Okonkwo&birthdate=1949-07-05", [MicrotestPaged] },
        { "family=okon&birthdate=1949-07-05", [MicrotestPaged] },
        { "family=OKONKWO&birthdate=1949-07-05&given=Daniel&gender=male", [MicrotestPaged] },
        { "family=Hurst&birthdate=1985-08-20", [BrokenData] },
        { "family=hur&birthdate=1985-08-20", [BrokenData] },
        { "family=Okonkwo&birthdate=1949-07-06", [] },
        { "family=Hurst&birthdate=1985-08-21", [] },
        { "family=Okonkwo&birthdate=1949-07-05&given=Bob", [] },
    };

    [Theory]
    [MemberData(nameof(MicrotestOnly))]
    public async Task Search_ByFamilyAndBirthdateWithoutNhsNumber_FindsThePatientAtEvolution(string criteria, string[] expected)
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient?" + criteria);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Select(p => p["identifier"]![0]!["value"]!.GetValue<string>()).Should().Equal(expected);
        response.Total.Should().Be(expected.Length);
        response.Entries().Select(p => p["meta"]!["source"]!.GetValue<string>()).Where(s => s != MicrotestSource).Should().BeEmpty();
        response.Issues().Select(i => i["diagnostics"]?.GetValue<string>()).Should().NotContain("MICROTEST-NO-DEMOGRAPHIC-SEARCH");
    }
}
