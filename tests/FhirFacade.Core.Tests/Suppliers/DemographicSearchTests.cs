using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Suppliers;

[Trait("Category", "Unit")]
public sealed class DemographicSearchTests
{
    private static readonly Issue Truncation = new("FAKE-SEARCH-TRUNCATED", IssueSeverity.Warning, IssueType.TooCostly, "Fake found more patients than it returns.");

    private static readonly Dictionary<string, FakeRecord> Held = new(StringComparer.Ordinal)
    {
        ["9990000018"] = new("9990000018", Listed: true, Mappable: true),
        ["9990000026"] = new("9990000026", Listed: false, Mappable: true),
        ["9990000034"] = new("9990000034", Listed: true, Mappable: false),
        ["9990000042"] = new("9990000042", Listed: true, Mappable: true),
    };

    [Fact]
    public async Task CollectAsync_MissingAndUnlistedRecords_ListsTheOthersInTheOrderFoundWithoutAWord()
    {
        var result = await CollectAsync(["9990000042", "9990000099", "9990000026", "9990000018"], truncation: null);

        result.Matches.Select(m => m.NativeId).Should().Equal("9990000042", "9990000018");
        result.Included.Should().BeEmpty();
        result.Issues.Select(i => i.Message).Should().Equal("Mapped 9990000042.", "Mapped 9990000018.");
    }

    [Fact]
    public async Task CollectAsync_RecordCannotBeMapped_KeepsItsIssuesWithoutAMatch()
    {
        var result = await CollectAsync(["9990000034", "9990000018"], truncation: null);

        result.Matches.Select(m => m.NativeId).Should().Equal("9990000018");
        result.Issues.Select(i => i.Code).Should().Equal("FAKE-UNMAPPABLE", "FAKE-MAPPED");
    }

    [Fact]
    public async Task CollectAsync_Truncated_AddsTheWarningAfterTheMappingIssues()
    {
        var result = await CollectAsync(["9990000018", "9990000034"], Truncation);

        result.Issues.Select(i => i.Code).Should().Equal("FAKE-MAPPED", "FAKE-UNMAPPABLE", "FAKE-SEARCH-TRUNCATED");
        result.Issues[^1].Should().BeSameAs(Truncation);
    }

    [Fact]
    public async Task CollectAsync_NoPatients_HasNoMatchesAndOnlyTheTruncationWarning()
    {
        var result = await CollectAsync([], Truncation);

        result.Matches.Should().BeEmpty();
        result.Issues.Should().Equal(Truncation);
    }

    [Fact]
    public async Task CollectAsync_CancellationToken_IsPassedToEveryFetch()
    {
        using var cancellation = new CancellationTokenSource();
        var tokens = new List<CancellationToken>();

        await DemographicSearch.CollectAsync(
            ["9990000018", "9990000042"],
            (nhsNumber, token) =>
            {
                tokens.Add(token);
                return Task.FromResult(Held.GetValueOrDefault(nhsNumber));
            },
            record => record.Listed,
            Map,
            null,
            cancellation.Token);

        tokens.Should().Equal(cancellation.Token, cancellation.Token);
    }

    private static Task<SupplierSearchResult> CollectAsync(IReadOnlyList<string> nhsNumbers, Issue? truncation) =>
        DemographicSearch.CollectAsync(
            nhsNumbers,
            (nhsNumber, _) => Task.FromResult(Held.GetValueOrDefault(nhsNumber)),
            record => record.Listed,
            Map,
            truncation,
            CancellationToken.None);

    private static (SupplierResource? Match, IReadOnlyList<Issue> Issues) Map(FakeRecord record) =>
        record.Mappable
            ? (TestResources.Make("Patient", "fake", "A81001", record.NhsNumber, record.NhsNumber), [new Issue("FAKE-MAPPED", IssueSeverity.Information, IssueType.Informational, $"Mapped {record.NhsNumber}.")])
            : (null, [new Issue("FAKE-UNMAPPABLE", IssueSeverity.Warning, IssueType.Processing, $"Could not map {record.NhsNumber}.")]);

    private sealed record FakeRecord(string NhsNumber, bool Listed, bool Mappable);
}
