using System.Text;
using System.Text.Json.Nodes;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Suppliers.Microtest.Http;
using FhirFacade.TestKit.Fhir;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>
/// Evolution's Patient endpoint answers about the patient asked for, but a list endpoint (problems, allergies,
/// medications) answers with a page naming another patient: none of that list is mapped. A read is the mismatch result
/// (the gateway's 502 <c>PATIENT-MISMATCH</c>); a search returns nothing from the list and the one mismatch warning
/// every adapter gives. The simulator's wrong-patient fault swaps the whole record, hence the scripted API.
/// </summary>
[Trait("Category", "Unit")]
public sealed class MicrotestSupplierAdapterListMismatchTests : IDisposable
{
    private const string Asked = "9990000301";
    private const string Other = "9990000344";

    private static readonly Dictionary<string, JsonObject> Patients = new()
    {
        [Asked] = EvolutionStubHandler.Patient(Asked, "Ada", "Mellor", "PL1 1AA", dissent: false, sensitive: false),
    };

    private ServiceProvider? _services;

    /// <summary>Searches: (resource type, list endpoint, the list item's id, a term only that item carries).</summary>
    public static TheoryData<string, string, string, string> Searches => new()
    {
        { T.Condition, MicrotestClient.Problems, "P-47000", "Type 2 diabetes mellitus" },
        { T.AllergyIntolerance, MicrotestClient.Allergies, "A-9000", "Penicillin" },
        { T.MedicationStatement, MicrotestClient.Medications, "M-52000", "Metformin 500mg tablets" },
    };

    /// <summary>Reads: (resource type, list endpoint, the list item's id, a term only that item carries).</summary>
    public static TheoryData<string, string, string, string> Reads => new()
    {
        { T.Condition, MicrotestClient.Problems, "P-47000", "Type 2 diabetes mellitus" },
        { T.AllergyIntolerance, MicrotestClient.Allergies, "A-9000", "Penicillin" },
        { T.MedicationStatement, MicrotestClient.Medications, "M-52000", "Metformin 500mg tablets" },
        { T.Medication, MicrotestClient.Medications, "M-52000", "Metformin 500mg tablets" },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAsync_ListAboutAnotherPatient_WithholdsTheListWithThePatientMismatchWarning(string resourceType, string list, string itemId, string term)
    {
        var (sut, evolution) = CreateSut(listNhsNumber: Other);

        var result = await sut.SearchAsync(EvolutionStubHandler.Practice, MicrotestAdapterFixture.Query(resourceType, Asked, includeMedication: true), CancellationToken.None);

        evolution.Paths.Should().Contain(EvolutionStubHandler.ListPath(Asked, list));
        result.Matches.Should().BeEmpty();
        result.Included.Should().BeEmpty();
        result.Issues.Should().ContainSingle().Which.Should().Be(PatientMismatch.Withheld(sut, EvolutionStubHandler.Practice, resourceType));
        ShouldNotMention(Text(result), itemId, term, Other);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ReadAsync_ListAboutAnotherPatient_ReturnsTheMismatchResultWithoutTheItem(string resourceType, string list, string itemId, string term)
    {
        var (sut, evolution) = CreateSut(listNhsNumber: Other);

        var read = await sut.ReadAsync(EvolutionStubHandler.Practice, resourceType, Asked + "/" + itemId, CancellationToken.None);

        evolution.Paths.Should().Contain(EvolutionStubHandler.ListPath(Asked, list));
        read.Should().BeEquivalentTo(PatientMismatch.Read(Asked, Other));
        read.Resource.Should().BeNull();
        read.Issues.Should().BeEmpty();
        ShouldNotMention(Text(read), itemId, term);
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAsync_ListAboutTheAskedPatient_MapsTheItem(string resourceType, string list, string itemId, string term)
    {
        var (sut, evolution) = CreateSut(listNhsNumber: Asked);

        var result = await sut.SearchAsync(EvolutionStubHandler.Practice, MicrotestAdapterFixture.Query(resourceType, Asked), CancellationToken.None);

        evolution.Paths.Should().Contain(EvolutionStubHandler.ListPath(Asked, list));
        var match = result.Matches.Should().ContainSingle().Subject;
        match.NativeId.Should().Be(Asked + "/" + itemId);
        match.PatientNhsNumber.Should().Be(Asked);
        TestFhir.JsonSerializer.Serialize(match.Resource).Should().Contain(term);
        result.Issues.Should().NotContain(i => i.Code == PatientMismatch.Code);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ReadAsync_ListAboutTheAskedPatient_ReturnsTheItem(string resourceType, string list, string itemId, string term)
    {
        var (sut, evolution) = CreateSut(listNhsNumber: Asked);

        var read = await sut.ReadAsync(EvolutionStubHandler.Practice, resourceType, Asked + "/" + itemId, CancellationToken.None);

        evolution.Paths.Should().Contain(EvolutionStubHandler.ListPath(Asked, list));
        read.Resource.Should().NotBeNull();
        read.Resource!.ResourceType.Should().Be(resourceType);
        read.Resource.PatientNhsNumber.Should().Be(Asked);
        read.RecordNhsNumber.Should().Be(Asked);
        TestFhir.JsonSerializer.Serialize(read.Resource.Resource).Should().Contain(term);
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAsync_ListPageNamingNoPatient_FailsAsMalformedWithoutMappingIt(string resourceType, string list, string itemId, string term)
    {
        var (sut, evolution) = CreateSut(listNhsNumber: null);

        var search = async () => await sut.SearchAsync(EvolutionStubHandler.Practice, MicrotestAdapterFixture.Query(resourceType, Asked, includeMedication: true), CancellationToken.None);

        var failure = (await search.Should().ThrowAsync<SupplierException>()).Which;
        failure.Kind.Should().Be(SupplierFailureKind.Malformed);
        evolution.Paths.Should().Contain(EvolutionStubHandler.ListPath(Asked, list));
        ShouldNotMention(failure.Message, itemId, term, Asked);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ReadAsync_ListPageNamingNoPatient_FailsAsMalformedWithoutMappingIt(string resourceType, string list, string itemId, string term)
    {
        var (sut, evolution) = CreateSut(listNhsNumber: null);

        var read = async () => await sut.ReadAsync(EvolutionStubHandler.Practice, resourceType, Asked + "/" + itemId, CancellationToken.None);

        var failure = (await read.Should().ThrowAsync<SupplierException>()).Which;
        failure.Kind.Should().Be(SupplierFailureKind.Malformed);
        evolution.Paths.Should().Contain(EvolutionStubHandler.ListPath(Asked, list));
        ShouldNotMention(failure.Message, itemId, term, Asked);
    }

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAsync_LaterListPageNamingAnotherPatient_FailsAsMalformedWithoutMappingIt(string resourceType, string list, string itemId, string term)
    {
        const string cursor = "second";
        var first = Fixture(ItemFixture(list));
        var lists = new Dictionary<string, JsonObject>
        {
            [EvolutionStubHandler.ListPath(Asked, list)] = EvolutionStubHandler.ListPage(Asked, cursor, first),
            [EvolutionStubHandler.ListPath(Asked, list, cursor)] = EvolutionStubHandler.ListPage(Other, Fixture(ItemFixture(list))),
        };
        var (sut, evolution) = CreateSut(lists);

        var search = async () => await sut.SearchAsync(EvolutionStubHandler.Practice, MicrotestAdapterFixture.Query(resourceType, Asked, includeMedication: true), CancellationToken.None);

        var failure = (await search.Should().ThrowAsync<SupplierException>()).Which;
        failure.Kind.Should().Be(SupplierFailureKind.Malformed);
        evolution.Paths.Count(p => p == EvolutionStubHandler.ListPath(Asked, list)).Should().Be(2, "both pages were fetched");
        ShouldNotMention(failure.Message, itemId, term, Asked, Other);
    }

    public void Dispose() => _services?.Dispose();

    private static string ItemFixture(string list) => list switch
    {
        MicrotestClient.Problems => "problem-diabetes.json",
        MicrotestClient.Allergies => "allergy-penicillin.json",
        _ => "medication-repeat.json",
    };

    private (ISupplierAdapter Sut, EvolutionStubHandler Evolution) CreateSut(string? listNhsNumber) =>
        CreateSut(new Dictionary<string, JsonObject>
        {
            [EvolutionStubHandler.ListPath(Asked, MicrotestClient.Problems)] = EvolutionStubHandler.ListPage(listNhsNumber, Fixture(ItemFixture(MicrotestClient.Problems))),
            [EvolutionStubHandler.ListPath(Asked, MicrotestClient.Allergies)] = EvolutionStubHandler.ListPage(listNhsNumber, Fixture(ItemFixture(MicrotestClient.Allergies))),
            [EvolutionStubHandler.ListPath(Asked, MicrotestClient.Medications)] = EvolutionStubHandler.ListPage(listNhsNumber, Fixture(ItemFixture(MicrotestClient.Medications))),
        });

    private (ISupplierAdapter Sut, EvolutionStubHandler Evolution) CreateSut(Dictionary<string, JsonObject> lists)
    {
        var evolution = new EvolutionStubHandler([], Patients, lists);
        _services = evolution.CreateAdapterServices();
        return (_services.GetRequiredService<ISupplierAdapter>(), evolution);
    }

    private static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)))!.AsObject();

    /// <summary>Every piece of text in a search result: resources, ids and issues.</summary>
    private static string Text(SupplierSearchResult result)
    {
        var text = new StringBuilder();
        foreach (var resource in result.Matches.Concat(result.Included))
        {
            text.AppendLine(resource.ToString()).AppendLine(TestFhir.JsonSerializer.Serialize(resource.Resource));
        }

        return text.Append(Text(result.Issues)).ToString();
    }

    /// <summary>Every piece of text in a read result: the resource, its ids and the issues.</summary>
    private static string Text(SupplierReadResult read)
    {
        var text = new StringBuilder();
        if (read.Resource is { } resource)
        {
            text.AppendLine(resource.ToString()).AppendLine(TestFhir.JsonSerializer.Serialize(resource.Resource));
        }

        return text.Append(Text(read.Issues)).ToString();
    }

    private static string Text(IEnumerable<Issue> issues)
    {
        var text = new StringBuilder();
        foreach (var issue in issues)
        {
            text.AppendLine(issue.ToString()).AppendLine(issue.Detail?.ToString()).AppendLine(issue.ConstraintKey);
        }

        return text.ToString();
    }

    private static void ShouldNotMention(string text, params string[] tokens)
    {
        foreach (var token in tokens)
        {
            text.Should().NotContain(token);
        }
    }
}
