using System.Collections.Immutable;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Gateway.Steps;
using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Gateway.Steps;

/// <summary>Fan out: every holder asked at once; the answers (values or failures) in the holders' order.</summary>
[Trait("Category", "Unit")]
public sealed class FanOutStepTests
{
    private const string Nhs = "9000000009";

    [Fact]
    public async Task RunAsync_GivesOneAnswerPerHolderInTheHoldersOrder()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs))
            .Add("B2", TestResources.Make("Condition", "fake", "B2", "c-b", Nhs));
        var holders = Holders(adapter, "B2", "A1");

        var answers = await Sut().RunAsync(holders, TestGateway.Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        answers.Select(a => a.Holder).Should().Equal(holders);
        answers.Select(a => a.Call.Value!.Matches.Single().NativeId).Should().Equal("c-b", "c-a");
        adapter.Queries.Should().HaveCount(2).And.OnlyContain(q => q.ResourceType == "Condition" && q.Patient.NativePatientId == Nhs);
    }

    [Fact]
    public async Task RunAsync_WhenAHolderFailsOrHangs_ItsAnswerIsAFailureValueAndTheOthersStillAnswer()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs))
            .FailAt("B2", SupplierFailureKind.Malformed)
            .HangAt("C3");
        var holders = Holders(adapter, "A1", "B2", "C3");

        var answers = await Sut(TimeSpan.FromMilliseconds(100)).RunAsync(holders, TestGateway.Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        answers[0].Call.Succeeded.Should().BeTrue();
        answers[1].Call.Failure!.Kind.Should().Be(SupplierFailureKind.Malformed);
        answers[1].Call.Issue!.Code.Should().Be("SUPPLIER-MALFORMED");
        answers[2].Call.Failure!.Kind.Should().Be(SupplierFailureKind.Timeout);
    }

    [Fact]
    public async Task RunAsync_WithNoHolders_AsksNobody()
    {
        var adapter = new FakeSupplierAdapter();

        var answers = await Sut().RunAsync([], TestGateway.Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        answers.Should().BeEmpty();
        adapter.Queries.Should().BeEmpty();
    }

    private static FanOutStep Sut(TimeSpan? supplierTimeout = null) =>
        new(TestGateway.Runner(new GatewayOptions { SupplierTimeout = supplierTimeout ?? TimeSpan.FromSeconds(2) }));

    private static ImmutableArray<RecordHolder> Holders(FakeSupplierAdapter adapter, params string[] odsCodes) =>
        [.. odsCodes.Select(ods => new RecordHolder(
            new OrganisationEndpoint { OdsCode = ods, Name = "Practice " + ods, Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/") },
            adapter,
            PatientSelector.ForNativeId(Nhs)))];
}
