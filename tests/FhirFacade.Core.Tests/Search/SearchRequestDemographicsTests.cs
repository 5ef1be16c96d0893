using FhirFacade.Core.Search;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Search;

[Trait("Category", "Unit")]
public sealed class SearchRequestDemographicsTests
{
    public static TheoryData<string, string?> Families => new()
    {
        { "family=Thornton&birthdate=1958-04-12", "Thornton" },
        { "family=%20thorn%20&birthdate=1958-04-12", "thorn" },
        { "family:exact=Thornton&birthdate=1958-04-12", null },
        { "family:contains=horn&birthdate=1958-04-12", null },
        { "family=Thornton,Cooper&birthdate=1958-04-12", null },
        { "identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018", null },
    };

    public static TheoryData<string, string?> BirthDates => new()
    {
        { "family=X&birthdate=1958-04-12", "1958-04-12" },
        { "family=X&birthdate=eq1958-04-12", "1958-04-12" },
        { "family=X&birthdate=1958-04", null },
        { "family=X&birthdate=1958", null },
        { "family=X&birthdate=ge1958-04-12", null },
        { "family=X&birthdate=1958-04-12,1958-04-13", null },
        { "family=X&birthdate=1958-04-12&birthdate=1958-04-12", null },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void PlainFamily_Criteria_ReturnsTheTrimmedPlainValueOrNull(string query, string? expected)
    {
        var request = Parse(query);

        request.PlainFamily().Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(BirthDates))]
    public void ExactBirthDate_Criteria_ReturnsTheDayOrNull(string query, string? expected)
    {
        var request = Parse(query);

        request.ExactBirthDate().Should().Be(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static SearchRequest Parse(string query) =>
        SearchRequestParser.Parse("Patient", query.Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], Uri.UnescapeDataString(p[1]))), strict: false, TestResourceIds.Codec);
}
