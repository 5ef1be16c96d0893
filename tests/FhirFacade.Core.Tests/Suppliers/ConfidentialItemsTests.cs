using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Tests.Suppliers;

[Trait("Category", "Unit")]
public sealed class ConfidentialItemsTests
{
    public static TheoryData<string, string> Organisations => new()
    {
        { "Riverside Medical Practice", "Items held in Fake emis (emis) at Riverside Medical Practice (A81001) were excluded due to confidentiality and/or patient preferences." },
        { "", "Items held in Fake emis (emis) at A81001 were excluded due to confidentiality and/or patient preferences." },
    };

    [Theory]
    [MemberData(nameof(Organisations))]
    public void Warning_Organisation_IsASuppressedSpineConfidentialItemsWarningNamingSupplierAndOrganisation(string name, string expectedMessage)
    {
        var organisation = new OrganisationEndpoint { OdsCode = "A81001", Name = name, Supplier = "emis" };

        var issue = ConfidentialItems.Warning(new FhirFacade.TestKit.Server.FakeSupplierAdapter("emis"), organisation);

        issue.Code.Should().Be("SPINE-confidential-items");
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Type.Should().Be(IssueType.Suppressed);
        issue.Message.Should().Be(expectedMessage);
        issue.Detail.Should().NotBeNull();
        issue.Detail!.Code.Should().Be("confidential-items");
    }

    [Fact]
    public void Shareable_SomeConfidential_KeepsTheOthersInOrderAndCountsTheLeftOut()
    {
        var confidential = 1;

        var shareable = ConfidentialItems.Shareable([1, 2, 3, 4, 5], IsEven, ref confidential);

        shareable.Should().Equal(1, 3, 5);
        confidential.Should().Be(3);
    }

    [Fact]
    public void Shareable_NoneConfidential_KeepsAllAndLeavesTheCount()
    {
        var confidential = 0;

        var shareable = ConfidentialItems.Shareable([1, 3], IsEven, ref confidential);

        shareable.Should().Equal(1, 3);
        confidential.Should().Be(0);
    }

    [Fact]
    public void Shareable_NullList_IsEmptyAndLeavesTheCount()
    {
        var confidential = 2;

        var shareable = ConfidentialItems.Shareable<int>(null, IsEven, ref confidential);

        shareable.Should().BeEmpty();
        confidential.Should().Be(2);
    }

    private static bool IsEven(int number) => number % 2 == 0;
}
