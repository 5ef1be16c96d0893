using FhirFacade.Demo;
using FhirFacade.Simulators.World;

namespace FhirFacade.Server.IntegrationTests.FreshMachine;

[Trait("Category", "Unit")]
public sealed class StartupBannerTests
{
    private const string Server = "http://127.0.0.1:5080";

    [Fact]
    public void DemoText_EveryDemoPatient_NamedWithItsRegisteredPracticeAndWhatIsSpecial()
    {
        var text = DemoBanner.DemoText(Server, "/fhir", DemoPatientListing.All);

        DemoPatientListing.All.Should().NotBeEmpty();
        foreach (var patient in DemoPatientListing.All)
        {
            text.Should().Contain($"{patient.NhsNumber}  {patient.Name} (")
                .And.Contain($" {patient.RegisteredPractice.Organisation.OdsCode})")
                .And.Contain(patient.Special);
        }
    }

    [Fact]
    public void DemoText_ShowsTheTokenCurlLineTheViewerAndTheLaunchPage()
    {
        var text = DemoBanner.DemoText(Server, "/fhir", DemoPatientListing.All);

        text.Should().Contain($"curl -s -X POST {Server}/dev-auth/token -d grant_type=client_credentials -d client_id=demo-client -d client_secret=demo-secret -d 'scope=user/*.rs'")
            .And.Contain($"{Server}/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{DemoPatientListing.All[0].NhsNumber}")
            .And.Contain($"Open the viewer: {Server}/viewer/")
            .And.Contain($"EHR launch of the viewer: {Server}/dev-auth/launch");
    }
}
