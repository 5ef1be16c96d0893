using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Simulators.Faults;
using FhirFacade.Suppliers.Microtest.Http;
using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Suppliers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>
/// The adapter over the real Evolution simulator when Evolution answers a question about one patient with a restricted patient's
/// record (the wrong-patient fault naming the dissenting or the sensitive demo patient): that patient's flags must not
/// become a 403/404 about the patient asked for, and their record is not mapped.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MicrotestSupplierAdapterPatientMismatchTests(MicrotestAdapterFixture fixture) : IClassFixture<MicrotestAdapterFixture>, IAsyncLifetime
{
    private const string Asked = "9990000042";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        fixture.Simulator.Faults.Clear();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(PatientMismatchCases.Reads), MemberType = typeof(PatientMismatchCases))]
    public async Task ReadAsync_AnsweredWithARestrictedPatientsRecord_ReturnsNoResourceNamingBothPatients(string restricted, string resourceType)
    {
        var nativeId = await NativeIdAsync(resourceType);
        fixture.Simulator.Faults.Set(FaultSpec.WrongPatient(Asked, restricted));

        var read = await fixture.Adapter.ReadAsync(fixture.Organisation, resourceType, nativeId, CancellationToken.None);

        read.Resource.Should().BeNull();
        read.Issues.Should().BeEmpty();
        read.AskedAbout.Should().Be(PatientSelector.ForNativeId(Asked));
        read.RecordNhsNumber.Should().Be(restricted);
    }

    [Theory]
    [MemberData(nameof(PatientMismatchCases.Searches), MemberType = typeof(PatientMismatchCases))]
    public async Task SearchAsync_AnsweredWithARestrictedPatientsRecord_WithholdsItWithAPatientMismatchWarning(string restricted, string resourceType)
    {
        fixture.Simulator.Faults.Set(FaultSpec.WrongPatient(Asked, restricted));

        var result = await fixture.Adapter.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(resourceType, Asked), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Included.Should().BeEmpty();
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be(PatientMismatch.Code);
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Message.Should().Contain("Microtest Evolution (microtest)").And.Contain("L83100").And.NotContain(restricted);
    }

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

    /// <summary>The native id of one of the asked patient's records of the type, found before any fault is set.</summary>
    private async Task<string> NativeIdAsync(string resourceType)
    {
        if (resourceType == T.Patient)
        {
            return Asked;
        }

        var searched = resourceType == T.Medication ? T.MedicationStatement : resourceType;
        var result = await fixture.Adapter.SearchAsync(fixture.Organisation, MicrotestAdapterFixture.Query(searched, Asked), CancellationToken.None);
        return result.Matches.Should().NotBeEmpty().And.Subject.First().NativeId;
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
        services.AddMicrotestSupplier(configuration);
        services.AddHttpClient(MicrotestClient.HttpClientName).AddHttpMessageHandler(() => new RestrictingHandler(flag));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
