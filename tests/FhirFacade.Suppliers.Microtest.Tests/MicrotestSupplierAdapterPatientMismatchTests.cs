using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Simulators.Faults;
using FhirFacade.Suppliers.Microtest.Http;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Suppliers;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>
/// The adapter over the real Evolution simulator when Evolution answers a question about one patient with a restricted patient's
/// record (the wrong-patient fault naming the dissenting or the sensitive demo patient): that patient's flags must not
/// become a 403/404 about the patient asked for, and their record is not mapped. The shared theories are in
/// <see cref="SupplierAdapterPatientMismatchTests"/>; here, Evolution's hooks and its own refusals of a restricted asked
/// patient (every answer carrying the restricting flag).
/// </summary>
[Trait("Category", "Integration")]
public sealed class MicrotestSupplierAdapterPatientMismatchTests(MicrotestAdapterFixture fixture) : SupplierAdapterPatientMismatchTests, IClassFixture<MicrotestAdapterFixture>
{
    protected override ISupplierAdapter Adapter => fixture.Adapter;

    protected override OrganisationEndpoint Organisation => fixture.Organisation;

    protected override string Asked => "9990000042";

    protected override string SupplierLabel => "Microtest Evolution (microtest)";

    protected override SupplierQuery Query(string resourceType, string nhsNumber) => MicrotestAdapterFixture.Query(resourceType, nhsNumber);

    protected override void AnswerWithTheRecordOf(string nhsNumber) => fixture.Simulator.Faults.Set(FaultSpec.WrongPatient(Asked, nhsNumber));

    protected override void ClearFaults() => fixture.Simulator.Faults.Clear();

    public static TheoryData<string, int> AskedPatientRestricted => new()
    {
        { "sharing_dissent", 403 },
        { "sensitive", 404 },
    };

    [Theory]
    [MemberData(nameof(AskedPatientRestricted))]
    public async Task ReadAsync_TheAskedPatientIsRestricted_RefusesTheRequest(string flag, int status)
    {
        await using var services = Restricting(flag);
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var read = () => sut.ReadAsync(fixture.Organisation, T.Patient, Asked, CancellationToken.None);

        (await read.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(status);
    }

    [Theory]
    [MemberData(nameof(AskedPatientRestricted))]
    public async Task SearchAsync_TheAskedPatientIsRestricted_RefusesTheRequest(string flag, int status)
    {
        await using var services = Restricting(flag);
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var search = () => sut.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(T.Condition, Asked), CancellationToken.None);

        (await search.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(status);
    }

    /// <summary>The adapter over the simulator, with every patient it answers with carrying <paramref name="flag"/>.</summary>
    private ServiceProvider Restricting(string flag)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suppliers:Microtest:ClientId"] = fixture.Simulator.ClientId,
            ["Suppliers:Microtest:ClientSecret"] = fixture.Simulator.ClientSecret,
            ["Suppliers:Microtest:RetryDelay"] = "00:00:00",
            ["Suppliers:Microtest:AttemptTimeout"] = "00:00:05",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IFhirModel>(TestFhir.Model);
        services.AddSingleton(TestResourceIds.Codec);
        services.AddMicrotestSupplier(configuration);
        services.AddHttpClient(MicrotestClient.HttpClientName).AddHttpMessageHandler(() => new RestrictingHandler(flag));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
