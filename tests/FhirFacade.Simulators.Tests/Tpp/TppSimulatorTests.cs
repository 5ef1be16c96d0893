using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FhirFacade.Simulators.Tests.Emis;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tests.Tpp;

[Trait("Category", "Integration")]
public sealed class TppSimulatorTests : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorFixture _fixture;

    public TppSimulatorTests(SimulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task PatientRecord_ForDemoPatient_ReturnsCtv3RowsWithPartialSnomedMaps()
    {
        var (status, body) = await QueryAsync(new { queryType = "PatientRecord", nhsNumber = "9990000026" });

        status.Should().Be(HttpStatusCode.OK);
        var record = body!["records"]![0]!;
        record["sharingStatus"]!.GetValue<string>().Should().Be("Shared");
        var problems = record["problems"]!.AsArray();
        problems.Should().HaveCount(5);
        problems.Select(p => p!["ctv3"]!["code"]!.GetValue<string>()).Should().Contain(["F25..", "F26..", "H27.."]);
        problems.Where(p => p!["ctv3"]!["code"]!.GetValue<string>() is "F26.." or "H27..").Should().OnlyContain(p => p!["snomed"] == null);
        problems.Should().Contain(p => p!["snomed"] != null);
        record["patient"]!["rowId"]!.GetValue<long>().Should().BePositive();
        record["medications"]![0]!["issues"]!.AsArray().Should().HaveCount(12);
    }

    [Fact]
    public async Task PatientRecord_WithAreas_ReturnsOnlyThoseAreas()
    {
        var (_, body) = await QueryAsync(new { queryType = "PatientRecord", nhsNumber = "9990000026", areas = new[] { "allergies" } });

        var record = body!["records"]![0]!.AsObject();
        record.ContainsKey("allergies").Should().BeTrue();
        record.ContainsKey("problems").Should().BeFalse();
        record.ContainsKey("medications").Should().BeFalse();
        record["patient"]!.AsObject().ContainsKey("surname").Should().BeFalse();
    }

    [Fact]
    public async Task PatientRecord_AtPracticeWithSharingOff_Returns403()
    {
        var (status, body) = await QueryAsync(new { queryType = "PatientRecord", nhsNumber = "9990000093" });

        status.Should().Be(HttpStatusCode.Forbidden);
        body!["error"]!["code"]!.GetValue<string>().Should().Be("THIRD_PARTY_SHARING_DISABLED");
        body["error"]!["odsCodes"]![0]!.GetValue<string>().Should().Be("B82010");
    }

    [Fact]
    public async Task PatientRecord_AtCommunityUnit_WithholdsProblems()
    {
        var (_, body) = await QueryAsync(new { queryType = "PatientRecord", nhsNumber = "9990000050" });

        var record = body!["records"]![0]!.AsObject();
        record["unit"]!["odsCode"]!.GetValue<string>().Should().Be("RY801");
        record["withheldAreas"]!.AsArray().Select(a => a!.GetValue<string>()).Should().Equal("problems");
        record.ContainsKey("problems").Should().BeFalse();
        record["medications"]!.AsArray().Should().HaveCount(1);
    }

    [Fact]
    public async Task PatientRecord_ForSensitivePatient_ReportsFlag()
    {
        var (_, body) = await QueryAsync(new { queryType = "PatientRecord", nhsNumber = "9990000077" });

        body!["records"]![0]!["patient"]!["sensitive"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task PatientRecord_ForDeceasedPatient_ReportsDateOfDeath()
    {
        var (_, body) = await QueryAsync(new { queryType = "PatientRecord", nhsNumber = "9990000131" });

        body!["records"]![0]!["patient"]!["dateOfDeath"]!.GetValue<string>().Should().Be("2025-03-14");
    }

    [Fact]
    public async Task PatientExists_ForHeldAndUnheld_ReportsHeld()
    {
        var (_, held) = await QueryAsync(new { queryType = "PatientExists", nhsNumber = "9990000026" });
        var (_, notHeld) = await QueryAsync(new { queryType = "PatientExists", nhsNumber = "9990000018" });

        held!["held"]!.GetValue<bool>().Should().BeTrue();
        held["units"]![0]!["odsCode"]!.GetValue<string>().Should().Be("B82005");
        notHeld!["held"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Organisation_ForTppUnit_ReturnsSharingSettings()
    {
        var (_, body) = await QueryAsync(new { queryType = "Organisation", odsCode = "B82010" });

        body!["unit"]!["thirdPartySharing"]!.GetValue<bool>().Should().BeFalse();
    }

    [Theory]
    [InlineData("9990000019", HttpStatusCode.NotFound, "PATIENT_NOT_FOUND")]
    [InlineData("12345", HttpStatusCode.BadRequest, "INVALID_NHS_NUMBER")]
    public async Task PatientRecord_ForBadNumber_ReturnsError(string nhs, HttpStatusCode expected, string code)
    {
        var (status, body) = await QueryAsync(new { queryType = "PatientRecord", nhsNumber = nhs });

        status.Should().Be(expected);
        body!["error"]!["code"]!.GetValue<string>().Should().Be(code);
    }

    public static TheoryData<Dictionary<string, string>, string[]> Searches => new()
    {
        { Search("Hartley", "1972-09-30"), ["9990000026"] },
        { Search("hArT", "1972-09-30"), ["9990000026"] },
        { Search("Hartley", "1972-09-30", "B82005"), ["9990000026"] },
        { Search("Hartley", "1972-09-30", "RY801"), [] },
        { Search("Hartley", "1972-09-29"), [] },
        { Search("Pike", "1990-06-18"), ["9990000077"] },
        { Search("Sutcliffe", "1978-12-01"), [] },
        { Search("Thornton", "1958-04-12"), [] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task PatientSearch_ByFamilyAndDateOfBirth_ReturnsTheSharedTppMatches(Dictionary<string, string> query, string[] expected)
    {
        var (status, body) = await QueryAsync(query);

        status.Should().Be(HttpStatusCode.OK);
        body!["queryType"]!.GetValue<string>().Should().Be("PatientSearch");
        body["nhsNumbers"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(expected);
        body["truncated"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task PatientSearch_ByFamilyOnly_ReturnsMatchesInOrderUpToTheLimit()
    {
        var (status, body) = await QueryAsync(Search("S"));

        status.Should().Be(HttpStatusCode.OK);
        body!["nhsNumbers"]!.AsArray().Select(n => n!.GetValue<string>()).Should().HaveCount(50).And.BeInAscendingOrder(StringComparer.Ordinal);
        body["truncated"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task PatientSearch_AtUnitWithSharingOff_Returns403()
    {
        var (status, body) = await QueryAsync(Search("Sutcliffe", "1978-12-01", "B82010"));

        status.Should().Be(HttpStatusCode.Forbidden);
        body!["error"]!["code"]!.GetValue<string>().Should().Be("THIRD_PARTY_SHARING_DISABLED");
        body["error"]!["odsCodes"]![0]!.GetValue<string>().Should().Be("B82010");
    }

    [Theory]
    [InlineData("", null, null, HttpStatusCode.BadRequest, "INVALID_SEARCH")]
    [InlineData("Hartley", "30/09/1972", null, HttpStatusCode.BadRequest, "INVALID_SEARCH")]
    [InlineData("Hartley", "1972-09-30", "A81001", HttpStatusCode.NotFound, "ORGANISATION_NOT_FOUND")]
    public async Task PatientSearch_Invalid_ReturnsError(string family, string? dateOfBirth, string? odsCode, HttpStatusCode expected, string code)
    {
        var (status, body) = await QueryAsync(Search(family, dateOfBirth, odsCode));

        status.Should().Be(expected);
        body!["error"]!["code"]!.GetValue<string>().Should().Be(code);
    }

    [Fact]
    public async Task Query_WithUnknownQueryType_Returns400()
    {
        var (status, _) = await QueryAsync(new { queryType = "Everything" });

        status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Query_WithoutApiKey_Returns401()
    {
        using var client = new HttpClient { BaseAddress = _fixture.Cluster.Tpp.BaseAddress };

        using var response = await client.PostAsJsonAsync("api/v2/query", new { queryType = "PatientExists", nhsNumber = "9990000026" }, TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PatientRecord_Twice_IsByteIdentical()
    {
        var nhs = EmisSimulatorTests.FindGenerated(SupplierKind.Tpp);
        using var client = CreateClient();

        var first = await (await client.PostAsJsonAsync("api/v2/query", new { queryType = "PatientRecord", nhsNumber = nhs }, TestTimeout.Token())).Content.ReadAsByteArrayAsync();
        var second = await (await client.PostAsJsonAsync("api/v2/query", new { queryType = "PatientRecord", nhsNumber = nhs }, TestTimeout.Token())).Content.ReadAsByteArrayAsync();

        first.Should().Equal(second);
    }

    private static Dictionary<string, string> Search(string family, string? dateOfBirth = null, string? odsCode = null)
    {
        var query = new Dictionary<string, string> { ["queryType"] = "PatientSearch", ["familyName"] = family };
        if (dateOfBirth is not null)
        {
            query["dateOfBirth"] = dateOfBirth;
        }

        if (odsCode is not null)
        {
            query["odsCode"] = odsCode;
        }

        return query;
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> QueryAsync(object query)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("api/v2/query", query, TestTimeout.Token());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    private HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = _fixture.Cluster.Tpp.BaseAddress };
        client.DefaultRequestHeaders.Add("X-TPP-Api-Key", _fixture.Cluster.Tpp.ApiKey);
        return client;
    }
}
