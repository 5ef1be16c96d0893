using FhirFacade.Core.Gateway;
using FhirFacade.Core.Gateway.Steps;
using FhirFacade.Core.Merging;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Gateway.Steps;

/// <summary>Merge: <see cref="ResourceMerger"/> called as it is, with what it reports returned as the step's issues.</summary>
[Trait("Category", "Unit")]
public sealed class MergeStepTests
{
    private const string Nhs = "9000000009";

    [Fact]
    public void Run_OneSource_ReturnsTheMatchesAsTheyAreWithNoIssues()
    {
        var adapter = new FakeSupplierAdapter();
        GatewayResource[] matches = [Match("c-1", "A1"), Match("c-2", "A1")];

        var merged = MergeStep.Run(Merger(adapter), [.. matches], []);

        merged.Value.Should().Equal(matches);
        merged.Issues.Should().BeEmpty();
    }

    [Fact]
    public void Run_APatientHeldByTwoOrganisationsNeitherRegistered_ReturnsBothWithTheMergersIssue()
    {
        var adapter = new FakeSupplierAdapter();
        GatewayResource[] matches = [Patient("A1"), Patient("B2")];

        var merged = MergeStep.Run(Merger(adapter), [.. matches], []);

        merged.Value.Should().HaveCount(2);
        var issue = merged.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be("PATIENT-SEVERAL-SOURCES");
        issue.Message.Should().Contain("(A1)").And.Contain("(B2)");
    }

    private static ResourceMerger Merger(FakeSupplierAdapter adapter) =>
        new(new SupplierAdapterRegistry([adapter]), TestGateway.Directory(adapter), FhirKernel.Default, TestResourceIds.Codec, TestGateway.Validation());

    private static GatewayResource Match(string id, string ods) => new(TestResources.Make("Condition", "fake", ods, id, Nhs), "fake", ods);

    private static GatewayResource Patient(string ods) => new(TestResources.Make("Patient", "fake", ods, Nhs, Nhs), "fake", ods);
}
