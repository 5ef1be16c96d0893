using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Core.Location;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.World;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.DevAuthorization;

/// <summary>
/// The standalone launch's patient picker offers every demo patient of examples/demo-patients.json (the
/// simulators' published list) at the practice they are registered with, named as this server's
/// organisation directory names it, with what is special about them; and each id offered is one this
/// server reads as that patient.
/// </summary>
[Collection(DevIssuerCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PatientPickerTests(DevIssuerFactory factory)
{
    private const string Sensitive = "9990000077";

    public static TheoryData<string> DemoNhsNumbers()
    {
        var data = new TheoryData<string>();
        foreach (var nhsNumber in DemoNhsNumberList())
        {
            data.Add(nhsNumber);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DemoNhsNumbers))]
    public async Task Picker_DemoPatient_IsOfferedAtTheRegisteredPracticeWithWhatIsSpecial(string nhsNumber)
    {
        var demo = DemoPatientsFile()["patients"]!.AsArray().Single(p => p!["nhsNumber"]!.GetValue<string>() == nhsNumber)!;
        var registered = demo["holdings"]!.AsArray().Single(h => h!["registered"]!.GetValue<bool>())!["odsCode"]!.GetValue<string>();
        factory.Services.GetRequiredService<IOrganisationDirectory>().TryGet(registered, out var practice).Should().BeTrue();

        var offered = (await PickerAsync()).Where(p => p.NhsNumber == nhsNumber).ToList();

        offered.Should().ContainSingle();
        offered[0].Ods.Should().Be(registered);
        offered[0].Label.Should().Contain(demo["name"]!.GetValue<string>()).And.Contain(nhsNumber).And.Contain(practice!.Name).And.Contain(practice.Supplier);
        offered[0].Label.Should().Contain(DemoPatientListing.All.Single(p => p.NhsNumber == nhsNumber).Special, "the label says what is special about the record");
    }

    [Fact]
    public async Task Picker_OffersNothingBeyondTheDemoPatients()
    {
        var offered = await PickerAsync();

        offered.Select(p => p.NhsNumber).Should().BeEquivalentTo(DemoNhsNumberList());
        offered.Select(p => p.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Picker_EveryOfferedId_ReadsAsThatPatient()
    {
        var offered = await PickerAsync();
        using var client = factory.CreateClient();

        var reads = new List<(DevIssuerClient.PickerEntry Patient, FhirResponse Response)>();
        foreach (var patient in offered)
        {
            reads.Add((patient, await client.FhirGetAsync("/fhir/Patient/" + patient.Id)));
        }

        foreach (var (patient, response) in reads)
        {
            if (patient.NhsNumber == Sensitive)
            {
                // docs/sharing.md: a sensitive patient is answered as not found, whoever asks.
                response.Status.Should().Be(HttpStatusCode.NotFound, patient.Label);
                continue;
            }

            response.Status.Should().NotBe(HttpStatusCode.NotFound, $"{patient.Label}: an id at the wrong practice reads as not found");
            if (response.Status == HttpStatusCode.OK)
            {
                response.Body!.ToJsonString().Should().Contain(patient.NhsNumber);
            }
        }

        reads.Count(r => r.Response.Status == HttpStatusCode.OK).Should().BeGreaterThanOrEqualTo(10);
    }

    private async Task<IReadOnlyList<DevIssuerClient.PickerEntry>> PickerAsync()
    {
        using var app = new DevIssuerClient(factory);
        using var page = await app.AuthorizeAsync(app.Request(DevIssuerClient.Viewer, DevIssuerClient.ViewerRedirect, "launch/patient"));
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        return DevIssuerClient.Picker(await page.Content.ReadAsStringAsync());
    }

    private static List<string> DemoNhsNumberList() =>
        [.. DemoPatientsFile()["patients"]!.AsArray().Select(p => p!["nhsNumber"]!.GetValue<string>())];

    private static JsonNode DemoPatientsFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FhirFacade.sln")))
        {
            directory = directory.Parent;
        }

        return JsonNode.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "examples", "demo-patients.json")))!;
    }
}
