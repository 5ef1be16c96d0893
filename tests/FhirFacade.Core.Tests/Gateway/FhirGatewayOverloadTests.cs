using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Gateway;

/// <summary>
/// A supplier call cut short by the facade's own overload is reported as the facade's, never as the
/// supplier's timeout, whether the answer is partial (200 with an issue) or empty (503, Retry-After).
/// </summary>
[Trait("Category", "Unit")]
public sealed class FhirGatewayOverloadTests
{
    private const string Nhs = "9000000009";
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(60);

    [Fact]
    public async Task SearchAsync_WhenOneHolderIsCutShortByOverload_AnswersWithTheOtherAndNamesTheFacadeNotTheSupplier()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs))
            .HangAt("B2");
        var sut = TestGateway.Create(adapter, ShortTimeout, load: new FakeProcessLoad(1.0));

        var result = await sut.SearchAsync(TestGateway.Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        result.Matches.Select(m => m.Source.NativeId).Should().Equal("c-a");
        result.Issues.Should().ContainSingle(i => i.Code == SupplierCallRunner.FacadeOverloadedCode)
            .Which.Message.Should().Contain("Practice B (B2)");
        result.Issues.Should().NotContain(i => i.Code.StartsWith("SUPPLIER-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_WhenOneHolderTimesOutAndTheFacadeKeepsUp_StillBlamesTheSupplier()
    {
        var adapter = new FakeSupplierAdapter()
            .Add("A1", TestResources.Make("Condition", "fake", "A1", "c-a", Nhs))
            .HangAt("B2");
        var sut = TestGateway.Create(adapter, ShortTimeout, load: new FakeProcessLoad(0));

        var result = await sut.SearchAsync(TestGateway.Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        result.Issues.Should().ContainSingle(i => i.Code == "SUPPLIER-TIMEOUT");
        result.Issues.Should().NotContain(i => i.Code == SupplierCallRunner.FacadeOverloadedCode);
    }

    [Fact]
    public async Task SearchAsync_WhenEveryHolderIsCutShortByOverload_Throws503WithRetryAfter()
    {
        var adapter = new FakeSupplierAdapter().HangAt("A1").HangAt("B2");
        var sut = TestGateway.Create(adapter, ShortTimeout, load: new FakeProcessLoad(1.0));

        var act = () => sut.SearchAsync(TestGateway.Search("Condition", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + Nhs), CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(503);
        thrown.Headers.Should().ContainKey("Retry-After");
        thrown.Issues.Should().HaveCount(2).And.OnlyContain(i => i.Code == SupplierCallRunner.FacadeOverloadedCode && i.Type == IssueType.Throttled);
    }

    [Fact]
    public async Task ReadAsync_WhenTheCallIsCutShortByOverload_Throws503()
    {
        var resource = TestResources.Make("Condition", "fake", "B2", "c-b", Nhs);
        var sut = TestGateway.Create(new FakeSupplierAdapter().Add("B2", resource).HangAt("B2"), ShortTimeout, load: new FakeProcessLoad(1.0));

        var act = () => sut.ReadAsync("Condition", resource.Resource.Child("id")!.Text!, CancellationToken.None);

        var thrown = (await act.Should().ThrowAsync<FacadeException>()).Which;
        thrown.StatusCode.Should().Be(503);
        thrown.Issues.Should().ContainSingle().Which.Code.Should().Be(SupplierCallRunner.FacadeOverloadedCode);
    }
}
