using System.Text;
using System.Text.Json.Nodes;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Fhir;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>
/// A demographic Patient search must leave out, without a word, every match Evolution flags with
/// <c>sharing_dissent</c> or <c>sensitive</c>, so that a name search cannot reveal them (the simulator
/// holds no such patient at a Microtest practice, hence the scripted API).
/// </summary>
[Trait("Category", "Unit")]
public sealed class MicrotestSupplierAdapterRestrictedMatchTests : IDisposable
{
    private const string Ordinary = "9990000301";
    private const string OtherOrdinary = "9990000344";
    private const string Dissent = "9990000328";
    private const string Sensitive = "9990000336";
    private const string DissentAndSensitive = "9990000352";
    private const string Search = "family=Mellor&birthdate=1966-02-14";

    private static readonly Dictionary<string, JsonObject> Patients = new()
    {
        [Ordinary] = EvolutionStubHandler.Patient(Ordinary, "Ada", "Mellor", "PL1 1AA", dissent: false, sensitive: false),
        [OtherOrdinary] = EvolutionStubHandler.Patient(OtherOrdinary, "Bryony", "Mellor", "PL4 4BB", dissent: false, sensitive: false),
        [Dissent] = EvolutionStubHandler.Patient(Dissent, "Frank", "Mellor", "TS18 3NA", dissent: true, sensitive: false),
        [Sensitive] = EvolutionStubHandler.Patient(Sensitive, "Georgina", "Mellor", "HG1 1AA", dissent: false, sensitive: true),
        [DissentAndSensitive] = EvolutionStubHandler.Patient(DissentAndSensitive, "Hester", "Mellor", "EX1 1ZZ", dissent: true, sensitive: true),
    };

    /// <summary>What would identify each restricted patient if it leaked: NHS number, forename, postcode.</summary>
    private static readonly Dictionary<string, string[]> Identifying = new()
    {
        [Dissent] = [Dissent, "Frank", "TS18 3NA"],
        [Sensitive] = [Sensitive, "Georgina", "HG1 1AA"],
        [DissentAndSensitive] = [DissentAndSensitive, "Hester", "EX1 1ZZ"],
    };

    private ServiceProvider? _services;

    public static TheoryData<string[]> OneOrdinaryAmongRestricted => new()
    {
        { new[] { Ordinary, Dissent, Sensitive } },
        { new[] { Dissent, Sensitive, Ordinary } },
        { new[] { Sensitive, Ordinary, Dissent } },
    };

    [Theory]
    [MemberData(nameof(OneOrdinaryAmongRestricted))]
    public async Task SearchAsync_NameSearchMatchingDissentAndSensitivePatients_ReturnsOnlyTheOrdinaryPatient(string[] found)
    {
        var (sut, evolution) = CreateSut([found]);

        var result = await sut.SearchAsync(EvolutionStubHandler.Practice, MicrotestAdapterFixture.DemographicQuery(T.Patient, Search), CancellationToken.None);

        result.Matches.Should().ContainSingle();
        result.Matches[0].PatientNhsNumber.Should().Be(Ordinary);
        Json(result.Matches[0])["name"]![0]!["given"]![0]!.GetValue<string>().Should().Be("Ada");
        result.Included.Should().BeEmpty();
        result.Issues.Should().BeEmpty();
        evolution.Paths.Should().Contain([EvolutionStubHandler.PatientPath(Dissent), EvolutionStubHandler.PatientPath(Sensitive)], "the adapter, not the search, must leave them out");
        ShouldNotMention(result, Dissent, Sensitive);
    }

    public static TheoryData<string[]> OnlyRestricted => new()
    {
        { new[] { Dissent } },
        { new[] { Sensitive } },
        { new[] { DissentAndSensitive } },
        { new[] { Dissent, Sensitive, DissentAndSensitive } },
    };

    [Theory]
    [MemberData(nameof(OnlyRestricted))]
    public async Task SearchAsync_OnlyRestrictedPatientsMatch_ReturnsEmptyWithoutIssues(string[] found)
    {
        var (sut, evolution) = CreateSut([found]);

        var result = await sut.SearchAsync(EvolutionStubHandler.Practice, MicrotestAdapterFixture.DemographicQuery(T.Patient, Search), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Included.Should().BeEmpty();
        result.Issues.Should().BeEmpty();
        evolution.Paths.Should().Contain(found.Select(EvolutionStubHandler.PatientPath));
        ShouldNotMention(result, found);
    }

    public static TheoryData<string[][], string[], string[]> RestrictedOnALaterPage => new()
    {
        { new[] { new[] { Ordinary }, new[] { Dissent } }, new[] { Ordinary }, new[] { Dissent } },
        { new[] { new[] { Dissent, Ordinary }, new[] { OtherOrdinary }, new[] { Sensitive } }, new[] { Ordinary, OtherOrdinary }, new[] { Dissent, Sensitive } },
        { new[] { new[] { Ordinary }, new[] { DissentAndSensitive, OtherOrdinary } }, new[] { Ordinary, OtherOrdinary }, new[] { DissentAndSensitive } },
    };

    [Theory]
    [MemberData(nameof(RestrictedOnALaterPage))]
    public async Task SearchAsync_RestrictedPatientOnALaterPage_FollowsTheCursorAndSkipsThem(string[][] pages, string[] expected, string[] restricted)
    {
        var (sut, evolution) = CreateSut(pages);

        var result = await sut.SearchAsync(EvolutionStubHandler.Practice, MicrotestAdapterFixture.DemographicQuery(T.Patient, Search), CancellationToken.None);

        evolution.SearchRequests.Should().Be(pages.Length);
        result.Matches.Select(m => m.PatientNhsNumber).Should().Equal(expected);
        result.Issues.Should().BeEmpty();
        ShouldNotMention(result, restricted);
    }

    [Fact]
    public async Task SearchAsync_TruncatedSearchWithRestrictedPatientOnAFollowedPage_WarnsWithoutNamingThem()
    {
        var (sut, evolution) = CreateSut([[Ordinary], [Sensitive, Dissent], [OtherOrdinary]], maxPages: 2);

        var result = await sut.SearchAsync(EvolutionStubHandler.Practice, MicrotestAdapterFixture.DemographicQuery(T.Patient, Search), CancellationToken.None);

        evolution.SearchRequests.Should().Be(2);
        evolution.Paths.Should().Contain([EvolutionStubHandler.PatientPath(Sensitive), EvolutionStubHandler.PatientPath(Dissent)]);
        result.Matches.Select(m => m.PatientNhsNumber).Should().Equal(Ordinary);
        result.Issues.Should().ContainSingle().Which.Should().Match<Issue>(i => i.Code == "MICROTEST-SEARCH-TRUNCATED" && i.Severity == IssueSeverity.Warning);
        ShouldNotMention(result, Sensitive, Dissent);
    }

    public void Dispose() => _services?.Dispose();

    private (ISupplierAdapter Sut, EvolutionStubHandler Evolution) CreateSut(string[][] searchPages, int maxPages = 50)
    {
        var evolution = new EvolutionStubHandler(searchPages, Patients);
        _services = evolution.CreateAdapterServices(maxPages);
        return (_services.GetRequiredService<ISupplierAdapter>(), evolution);
    }

    /// <summary>Every piece of text in the result — resources, ids, issues — holds nothing that identifies a restricted patient.</summary>
    private static void ShouldNotMention(SupplierSearchResult result, params string[] restricted)
    {
        var text = new StringBuilder();
        foreach (var resource in result.Matches.Concat(result.Included))
        {
            text.AppendLine(resource.ToString()).AppendLine(TestFhir.JsonSerializer.Serialize(resource.Resource));
        }

        foreach (var issue in result.Issues)
        {
            text.AppendLine(issue.ToString()).AppendLine(issue.Detail?.ToString()).AppendLine(issue.ConstraintKey);
        }

        var all = text.ToString();
        foreach (var token in restricted.SelectMany(r => Identifying[r]))
        {
            all.Should().NotContain(token);
        }
    }

    private static JsonNode Json(SupplierResource resource) => JsonNode.Parse(TestFhir.JsonSerializer.Serialize(resource.Resource))!;
}
