using FhirFacade.Core.Gateway;
using FhirFacade.Core.Location;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirFacade.Core.Tests.Gateway.Steps;

/// <summary>Apply sharing (<see cref="SharingPolicy"/>'s step): the holders kept, in order, and one refusal issue per holder left out.</summary>
[Trait("Category", "Unit")]
public sealed class SharingStepTests
{
    private const string Nhs = "9000000009";

    [Fact]
    public void Share_WhenEveryHolderShares_KeepsThemAllInOrderWithNoIssues()
    {
        var holders = Holders(new OrganisationSharingOptions(), new OrganisationSharingOptions());

        var shared = Sut().Share(TestGateway.Context(requester: "Y90001"), holders, "Condition");

        shared.Value.Should().Equal(holders);
        shared.Issues.Should().BeEmpty();
    }

    [Fact]
    public void Share_LeavesOutRefusingHolders_WithOneIssueEachInTheHoldersOrder()
    {
        var holders = Holders(
            new OrganisationSharingOptions { Enabled = false },
            new OrganisationSharingOptions(),
            new OrganisationSharingOptions { Areas = [RecordAreas.Medications] });

        var shared = Sut().Share(TestGateway.Context(requester: "Y90001"), holders, "Condition");

        shared.Value.Select(h => h.Organisation.OdsCode).Should().Equal("O2");
        shared.Issues.Select(i => i.Code).Should().Equal(SharingIssues.RefusedCode, SharingIssues.AreaWithheldCode);
        shared.Issues[0].Message.Should().Contain("(O1)");
        shared.Issues[1].Message.Should().Contain("(O3)");
    }

    [Theory]
    [InlineData("Y90001", 1)]
    [InlineData("X11111", 0)]
    [InlineData(null, 0)]
    public void Share_RequesterRule_ReadsTheRequestingOrganisationFromTheContext(string? requester, int expectedHolders)
    {
        var holders = Holders(new OrganisationSharingOptions { RequestingOrganisations = ["Y90001"] });

        var shared = Sut().Share(TestGateway.Context(requester: requester), holders, "Condition");

        shared.Value.Should().HaveCount(expectedHolders);
        shared.Issues.Should().HaveCount(1 - expectedHolders);
    }

    private static SharingPolicy Sut() => new(NullLogger<SharingPolicy>.Instance);

    private static List<RecordHolder> Holders(params OrganisationSharingOptions[] rules)
    {
        var adapter = new FakeSupplierAdapter();
        return [.. rules.Select((r, i) => new RecordHolder(
            new OrganisationEndpoint { OdsCode = "O" + (i + 1), Name = "Practice " + (i + 1), Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/"), Sharing = r },
            adapter,
            PatientSelector.ForNativeId(Nhs)))];
    }
}
