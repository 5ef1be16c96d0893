using FhirFacade.Fhir.Packages;

namespace FhirFacade.Fhir.Tests.Packages;

[Trait("Category", "Unit")]
public sealed class PackageVersionTests
{
    public static TheoryData<string, string, bool> MatchCases() => new()
    {
        { "4.0.1", "4.0.1", true },
        { "4.0.1", "4.0.2", false },
        { "4.0.x", "4.0.7", true },
        { "4.0.x", "4.1.0", false },
        { "4.x", "4.3.0", true },
        { "4.0.*", "4.0.3", true },
        { "*", "0.0.9-pre-release", true },
        { "latest", "1.0.0", true },
        { "4.0", "4.0.1", false },
    };

    public static TheoryData<string, string, int> CompareCases() => new()
    {
        { "2.0.10", "2.0.9", 1 },
        { "1.0.0", "1.0.0", 0 },
        { "1.0.0-ballot", "1.0.0", -1 },
        { "1.2", "1.10", -1 },
        { "1.0", "1.0.0", 0 },
    };

    [Theory]
    [MemberData(nameof(MatchCases))]
    public void Matches_PatternAndVersion_ReturnsExpected(string pattern, string version, bool expected)
    {
        var matches = PackageVersion.Matches(pattern, version);

        matches.Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(CompareCases))]
    public void Compare_TwoVersions_OrdersNumerically(string left, string right, int expected)
    {
        var result = Math.Sign(PackageVersion.Compare(left, right));

        result.Should().Be(expected);
    }
}
