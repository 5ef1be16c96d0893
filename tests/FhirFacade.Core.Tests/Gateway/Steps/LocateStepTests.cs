using FhirFacade.Core.Gateway;
using FhirFacade.Core.Gateway.Steps;
using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Gateway.Steps;

/// <summary>Locate: who is asked, in what order, and what could not be asked (directory lists B2 before A1).</summary>
[Trait("Category", "Unit")]
public sealed class LocateStepTests
{
    private const string Nhs = "9000000009";
    private const string ByNhs = "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs;

    [Fact]
    public async Task RunAsync_ByNhsNumber_GivesTheHoldersInOdsOrderWithNoIssues()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs))
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs));

        var located = await CreateSut(adapter).RunAsync(TestGateway.Search("Condition", ByNhs), CancellationToken.None);

        located.Value.Holders.Select(h => h.Organisation.OdsCode).Should().Equal("A1", "B2");
        located.Value.Holders.Should().OnlyContain(h => h.Patient.NhsNumber!.Value.Value == Nhs);
        located.Value.Failures.Should().BeEmpty();
        located.Issues.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_ForATypeNoHolderCanSearch_GivesNoHolders()
    {
        // The fake adapter reads Medication but does not search it (the parser never makes such a search: built by hand).
        var adapter = new FakeSupplierAdapter().Add("A1", TestResources.Make("Medication", "fake", "A1", "m", Nhs)).Add("A1", TestResources.Make("Condition", "fake", "A1", "c", Nhs));
        var request = TestGateway.Search("Condition", ByNhs) with { ResourceType = "Medication" };

        var located = await CreateSut(adapter).RunAsync(request, CancellationToken.None);

        located.Value.Holders.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_ByFacadePatientId_AsksOnlyThatOrganisationByItsNativeId()
    {
        var adapter = new FakeSupplierAdapter();
        var patientId = TestResourceIds.Encode("Patient", "fake", "B2", "P7");

        var located = await CreateSut(adapter).RunAsync(TestGateway.Search("Condition", "patient=Patient/" + patientId), CancellationToken.None);

        var holder = located.Value.Holders.Should().ContainSingle().Subject;
        holder.Organisation.OdsCode.Should().Be("B2");
        holder.Patient.NativePatientId.Should().Be("P7");
        holder.Patient.NhsNumber.Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_ByPatientIdOfAnotherSupplier_GivesNoHolders()
    {
        var adapter = new FakeSupplierAdapter();
        var patientId = TestResourceIds.Encode("Patient", "other", "B2", "P7");

        var located = await CreateSut(adapter).RunAsync(TestGateway.Search("Condition", "patient=Patient/" + patientId), CancellationToken.None);

        located.Value.Holders.Should().BeEmpty();
        located.Issues.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_DemographicPatientSearch_AsksEveryOrganisation()
    {
        var located = await CreateSut(new FakeSupplierAdapter()).RunAsync(TestGateway.Search("Patient", "family=Smith&birthdate=1950-01-01"), CancellationToken.None);

        located.Value.Holders.Select(h => h.Organisation.OdsCode).Should().Equal("A1", "B2");
        located.Value.Holders.Should().OnlyContain(h => h.Patient == PatientSelector.Demographic);
    }

    [Fact]
    public async Task RunAsync_WhenAnOrganisationCannotBeAsked_GivesItsFailureAndIssueBesideTheHolders()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs))
            .FailAt("B2", SupplierFailureKind.Unavailable);

        var located = await CreateSut(adapter).RunAsync(TestGateway.Search("Condition", ByNhs), CancellationToken.None);

        located.Value.Holders.Select(h => h.Organisation.OdsCode).Should().Equal("A1");
        located.Value.Failures.Should().ContainSingle().Which.Organisation.Should().Be("B2");
        var issue = located.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be("SUPPLIER-UNAVAILABLE");
        issue.Message.Should().Contain("Practice B (B2)");
    }

    private static LocateStep CreateSut(FakeSupplierAdapter adapter)
    {
        var directory = TestGateway.Directory(adapter);
        var registry = new SupplierAdapterRegistry([adapter]);
        var runner = TestGateway.Runner(new GatewayOptions());
        return new LocateStep(registry, directory, new DirectoryRecordLocator(directory, registry, runner));
    }
}
