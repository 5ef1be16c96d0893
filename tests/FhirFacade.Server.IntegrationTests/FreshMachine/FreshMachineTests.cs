using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.IntegrationTests.FreshMachine;

/// <summary>
/// Issue #18 item 5: the demo host's build output (the production server, the simulators and the demo settings), copied to a folder outside the checkout, starts there with the FHIR
/// package folder given by configuration and serves the demo record; with a package missing it stops with one
/// message naming the package, the folders searched and how to get it. Bounded: each start waits at most 120 s.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FreshMachineTests(CopiedServerBuild build) : IClassFixture<CopiedServerBuild>
{
    private const string Nhs = "https://fhir.nhs.uk/Id/nhs-number|";
    private const string EmisRich = "9990000018";
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task CopiedBuild_StartedOutsideTheCheckoutWithConfiguredPackages_ServesTheDemoRecord()
    {
        File.Exists(Path.Combine(build.AppFolder, "profiles", "package.json")).Should().BeTrue("the build copies profiles/ beside the binaries");
        using var timeout = new CancellationTokenSource(StartBound + TimeSpan.FromSeconds(60));
        await using var server = await build.StartAsync(new Dictionary<string, string> { ["Facade:Fhir:PackageFolders:0"] = CopiedServerBuild.SharedPackagesFolder }, StartBound, timeout.Token);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.TokenAsync(client, timeout.Token));

        using var patient = await client.GetAsync($"/fhir/Patient?identifier={Nhs}{EmisRich}", timeout.Token);
        using var medications = await client.GetAsync($"/fhir/MedicationStatement?patient.identifier={Nhs}{EmisRich}", timeout.Token);

        patient.StatusCode.Should().Be(HttpStatusCode.OK, await patient.Content.ReadAsStringAsync(timeout.Token));
        using var patientBundle = JsonDocument.Parse(await patient.Content.ReadAsStringAsync(timeout.Token));
        var patients = patientBundle.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource")).Where(r => r.GetProperty("resourceType").GetString() == "Patient").ToList();
        patients.Should().ContainSingle();
        patients[0].GetProperty("identifier").EnumerateArray().Select(i => i.GetProperty("value").GetString()).Should().Contain(EmisRich);

        medications.StatusCode.Should().Be(HttpStatusCode.OK);
        using var medicationBundle = JsonDocument.Parse(await medications.Content.ReadAsStringAsync(timeout.Token));
        medicationBundle.RootElement.GetProperty("entry").EnumerateArray()
            .Count(e => e.GetProperty("resource").GetProperty("resourceType").GetString() == "MedicationStatement")
            .Should().BePositive("the rich EMIS demo patient has medications");

        server.Output.Should().Contain("Demo patients:").And.Contain(EmisRich).And.Contain($"{server.Root}/dev-auth/token")
            .And.Contain($"{server.Root}/viewer/");
    }

    [Fact]
    public async Task CopiedBuild_PackageMissing_ExitsWithOneMessageNamingThePackageTheFoldersAndTheRemedy()
    {
        var empty = Directory.CreateDirectory(Path.Combine(build.Root, "empty-packages-" + Guid.NewGuid().ToString("N"))).FullName;
        using var timeout = new CancellationTokenSource(StartBound);

        var start = async () => await (await build.StartAsync(new Dictionary<string, string> { ["Facade:Fhir:PackageFolders:0"] = empty }, StartBound, timeout.Token)).DisposeAsync();

        var text = (await start.Should().ThrowAsync<FacadeProcessStartException>()).Which.Message;
        text.Should().Contain("exited during start-up with code 1");
        text.Should().Contain("FhirFacade cannot start: FHIR package hl7.fhir.r4.core version 4.0.1 was not found")
            .And.Contain(empty)
            .And.Contain(Path.Combine(".fhir", "packages") + " (does not exist)")
            .And.Contain("fhirfacade packages install")
            .And.Contain("Facade:Fhir:PackageFolders");
        text.Should().NotContain("   at ", "a missing package is a message, not a stack trace");
    }
}
