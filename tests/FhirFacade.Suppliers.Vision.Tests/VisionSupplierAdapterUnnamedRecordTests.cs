using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Suppliers.Vision.Tests.Mllp;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>
/// Vision answers with a record whose PID-3 names no NHS number (a scripted MLLP server). A patient-scoped search or
/// read refuses it as malformed, so nothing of it is mapped and no mapper sees an empty patient id. A name search
/// leaves out just that match with a warning, as EMIS and TPP do, and returns the others.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VisionSupplierAdapterUnnamedRecordTests(VisionAdapterFixture fixture) : IClassFixture<VisionAdapterFixture>
{
    /// <summary>How PID-3 names no patient → the PID segment answered.</summary>
    private static readonly Dictionary<string, string> Unnamed = new(StringComparer.Ordinal)
    {
        ["no NHS identifier"] = VisionMessages.Pid.Replace("9990000034^^^NHS^NH~", string.Empty, StringComparison.Ordinal),
        ["empty NHS identifier"] = VisionMessages.Pid.Replace("9990000034^^^NHS^NH", "^^^NHS^NH", StringComparison.Ordinal),
    };

    /// <summary>The other patient a name search finds (NHS number → the PID its exists query answers).</summary>
    private const string OtherNhs = "9990000115";

    private const string OtherPid = "PID|1||9990000115^^^NHS^NH~V0000115^^^VISION^PI||Ellwood^Thomas^^^Mr^^L||19790602|M|||3 Minster Yard^^Lincoln^Lincolnshire^LN2 1PX^GBR^H";

    /// <summary>The NHS number under which the name search lists the match whose own record names no patient.</summary>
    private const string UnnamedNhs = "9990000050";

    /// <summary>How the record of a name-search match names no patient → its PID, with data that must not show anywhere.</summary>
    private static readonly Dictionary<string, string> UnnamedMatch = new(StringComparer.Ordinal)
    {
        ["no NHS identifier"] = "PID|1||V0000050^^^VISION^PI||Ellerby^Beatrix^^^Mrs^^L||19770314|F|||9 Quarry Lane^^Stamford^Lincolnshire^PE9 4XQ^GBR^H",
        ["empty NHS identifier"] = "PID|1||^^^NHS^NH~V0000050^^^VISION^PI||Ellerby^Beatrix^^^Mrs^^L||19770314|F|||9 Quarry Lane^^Stamford^Lincolnshire^PE9 4XQ^GBR^H",
    };

    /// <summary>What of the unnamed match could identify it: NHS number listed, local id, name, birth date, address.</summary>
    private static readonly string[] UnnamedMatchData = [UnnamedNhs, "V0000050", "Ellerby", "Beatrix", "19770314", "1977-03-14", "Quarry Lane", "Stamford", "PE9 4XQ"];

    public static TheoryData<string> UnnamedMatches => [.. UnnamedMatch.Keys];

    public static TheoryData<string, string> Searches => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement);

    public static TheoryData<string, string> Reads => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement, T.Medication, T.Practitioner);

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchAsync_RecordNamesNoPatient_ThrowsMalformed(string unnamed, string resourceType)
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId, pid: Unnamed[unnamed])));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var search = () => sut.SearchAsync(Oakfield(server), VisionAdapterFixture.Query(resourceType, VisionMessages.Nhs), CancellationToken.None);

        var thrown = (await search.Should().ThrowAsync<SupplierException>()).Which;
        thrown.Kind.Should().Be(SupplierFailureKind.Malformed);
        thrown.Message.Should().NotContain(VisionMessages.Nhs).And.NotContain("Ellwood");
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task ReadAsync_RecordNamesNoPatient_ThrowsMalformed(string unnamed, string resourceType)
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId, pid: Unnamed[unnamed])));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var read = () => sut.ReadAsync(Oakfield(server), resourceType, NativeId(resourceType), CancellationToken.None);

        var thrown = (await read.Should().ThrowAsync<SupplierException>()).Which;
        thrown.Kind.Should().Be(SupplierFailureKind.Malformed);
        thrown.Message.Should().NotContain(VisionMessages.Nhs).And.NotContain("Ellwood");
    }

    [Fact]
    public async Task ReadAsync_RecordNamesTheAskedPatient_MapsIt()
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var read = await sut.ReadAsync(Oakfield(server), T.Condition, NativeId(T.Condition), CancellationToken.None);

        read.Resource.Should().NotBeNull();
        read.Resource!.NativeId.Should().Be(NativeId(T.Condition));
    }

    [Theory]
    [MemberData(nameof(UnnamedMatches))]
    public async Task SearchAsync_ByNameOneMatchNamesNoPatient_ReturnsTheOthersWithOneWarning(string unnamed)
    {
        await using var server = NameSearchServer(new() { [VisionMessages.Nhs] = VisionMessages.Pid, [UnnamedNhs] = UnnamedMatch[unnamed], [OtherNhs] = OtherPid });
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var result = await sut.SearchAsync(Oakfield(server), NameSearch(), CancellationToken.None);

        result.Matches.Select(m => m.PatientNhsNumber).Should().Equal(VisionMessages.Nhs, OtherNhs);
        var warning = result.Issues.Should().ContainSingle().Which;
        warning.Code.Should().Be("VISION-UNMAPPABLE");
        warning.Severity.Should().Be(IssueSeverity.Warning);
        server.Queries.Should().Be(4, "the demographic query, then the exists query of each of its three matches");
    }

    [Theory]
    [MemberData(nameof(UnnamedMatches))]
    public async Task SearchAsync_ByNameOneMatchNamesNoPatient_ShowsNothingOfThatMatch(string unnamed)
    {
        await using var server = NameSearchServer(new() { [VisionMessages.Nhs] = VisionMessages.Pid, [UnnamedNhs] = UnnamedMatch[unnamed], [OtherNhs] = OtherPid });
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var result = await sut.SearchAsync(Oakfield(server), NameSearch(), CancellationToken.None);

        var shown = string.Join(
            '\n',
            result.Matches.Select(m => m.NativeId + " " + m.PatientNhsNumber + " " + m.PatientNativeId + " " + VisionSupplierAdapterTests.Json(m).ToJsonString())
                .Concat(result.Included.Select(m => VisionSupplierAdapterTests.Json(m).ToJsonString()))
                .Concat(result.Issues.Select(i => i.ToString() + " " + i.Detail)));
        shown.Should().Contain("Ellwood", "the other matches are shown");
        foreach (var data in UnnamedMatchData)
        {
            shown.Should().NotContain(data);
        }
    }

    [Fact]
    public async Task SearchAsync_ByNameEveryMatchNamesNoPatient_ReturnsNoPatientsAndAWarningEach()
    {
        await using var server = NameSearchServer(new() { [UnnamedNhs] = UnnamedMatch["no NHS identifier"], [OtherNhs] = UnnamedMatch["empty NHS identifier"] });
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var result = await sut.SearchAsync(Oakfield(server), NameSearch(), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Included.Should().BeEmpty();
        result.Issues.Should().HaveCount(2).And.OnlyContain(i => i.Code == "VISION-UNMAPPABLE" && i.Severity == IssueSeverity.Warning);
    }

    [Theory]
    [MemberData(nameof(UnnamedMatches))]
    public async Task SearchAsync_ByNhsNumberOfAMatchThatNamesNoPatient_StillThrowsMalformed(string unnamed)
    {
        await using var server = NameSearchServer(new() { [VisionMessages.Nhs] = VisionMessages.Pid, [UnnamedNhs] = UnnamedMatch[unnamed] });
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var search = () => sut.SearchAsync(Oakfield(server), VisionAdapterFixture.Query(T.Patient, UnnamedNhs), CancellationToken.None);

        (await search.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Malformed);
    }

    [Theory]
    [MemberData(nameof(UnnamedMatches))]
    public async Task ReadAsync_PatientOfAMatchThatNamesNoPatient_StillThrowsMalformed(string unnamed)
    {
        await using var server = NameSearchServer(new() { [VisionMessages.Nhs] = VisionMessages.Pid, [UnnamedNhs] = UnnamedMatch[unnamed] });
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var read = () => sut.ReadAsync(Oakfield(server), T.Patient, UnnamedNhs, CancellationToken.None);

        (await read.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Malformed);
    }

    /// <summary>
    /// A Vision interface at Oakfield holding the patients <paramref name="records"/> names (NHS number → the PID of its
    /// record): the demographic query lists each of them by that NHS number, the exists query answers with its record.
    /// </summary>
    private static ScriptedMllpServer NameSearchServer(Dictionary<string, string> records) =>
        new(q => ScriptedMllpServer.Framed(q.QueryName == "VDQ"
            ? VisionMessages.Demographic(q.ControlId, [.. records.Keys.Select(nhs => "PID|1||" + nhs + "^^^NHS^NH")])
            : VisionMessages.Accepted(q.ControlId, items: [], pid: records[q.Subject])));

    private static SupplierQuery NameSearch() =>
        new(SearchRequestParser.Parse(T.Patient, [KeyValuePair.Create("family", "Ell"), KeyValuePair.Create("birthdate", "ge1900-01-01")], strict: false, TestResourceIds.Codec), PatientSelector.Demographic);

    private static TheoryData<string, string> Rows(params string[] resourceTypes)
    {
        var rows = new TheoryData<string, string>();
        foreach (var unnamed in Unnamed.Keys)
        {
            foreach (var resourceType in resourceTypes)
            {
                rows.Add(unnamed, resourceType);
            }
        }

        return rows;
    }

    private static OrganisationEndpoint Oakfield(ScriptedMllpServer server) => VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint);

    private static string NativeId(string resourceType) => resourceType switch
    {
        T.Patient => VisionMessages.Nhs,
        T.Condition => VisionMessages.Nhs + "/P35000",
        T.AllergyIntolerance => VisionMessages.Nhs + "/A35003",
        T.Practitioner => VisionMessages.Nhs + "/555000300011",
        _ => VisionMessages.Nhs + "/M35004",
    };
}
