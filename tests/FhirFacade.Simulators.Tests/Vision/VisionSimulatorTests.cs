using FhirFacade.Simulators.Tests.Emis;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Tests.Vision;

[Trait("Category", "Integration")]
public sealed class VisionSimulatorTests : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorFixture _fixture;

    public VisionSimulatorTests(SimulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task RecordQuery_ForDemoPatient_ReturnsRspWithAllSegments()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync(MllpTestClient.Query("9990000034"), TestTimeout.Token());

        var segments = MllpTestClient.Segments(answer!);
        segments.Select(s => s[0]).Take(6).Should().Equal("MSH", "MSA", "QAK", "QPD", "PID", "PD1");
        segments[0][8].Should().Be("RSP^K11^RSP_K11");
        segments[1][1].Should().Be("AA");
        segments[1][2].Should().Be("MSG0001");
        segments[4][3].Should().StartWith("9990000034^^^NHS^NH");
        segments[4][5].Should().StartWith("Ellwood^Catherine^Jane");
        segments[5][3].Should().EndWith("C83001");
        segments.Where(s => s[0] == "PRB").Should().HaveCount(3);
        segments.First(s => s[0] == "PRB")[3].Should().Be("H33..^Asthma^READ2");
        segments.Should().Contain(s => s[0] == "AL1" && s[3] == "256349002^Peanut^SCT");
        segments.Should().Contain(s => s[0] == "RXE" && s[2].StartsWith("10394411000001109^", StringComparison.Ordinal));
        segments.Count(s => s[0] == "RXD").Should().Be(11);
    }

    [Fact]
    public async Task RecordQuery_NotesWithDelimiters_AreEscaped()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync(MllpTestClient.Query("9990000034"), TestTimeout.Token());

        var notes = MllpTestClient.Segments(answer!).Where(s => s[0] == "NTE").Select(s => s[3]).ToList();
        notes.Should().Contain(@"Peak flow 350\F\400 L/min; triggers: cats \T\ dogs \S\ pollen \R\ exercise \E\ cold air");
        notes.Should().Contain(@"Carries adrenaline auto-injectors \F\ 2 devices \T\ action plan");
    }

    [Fact]
    public async Task Queries_OnOneConnection_AreAllAnswered()
    {
        using var client = await ConnectAsync();
        var answers = new List<string?>();

        foreach (var (nhs, id) in new[] { ("9990000034", "A1"), ("9990000115", "A2"), ("9990000034", "A3") })
        {
            answers.Add(await client.SendAsync(MllpTestClient.Query(nhs, controlId: id), TestTimeout.Token()));
        }

        answers.Select(a => MllpTestClient.Segments(a!)[1][2]).Should().Equal("A1", "A2", "A3");
        MllpTestClient.Segments(answers[1]!)[4][3].Should().StartWith("9990000115");
    }

    [Fact]
    public async Task RecordQuery_ForUnknownPatient_ReturnsAeWithErr()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync(MllpTestClient.Query("9990000018"), TestTimeout.Token());

        var segments = MllpTestClient.Segments(answer!);
        segments[1][1].Should().Be("AE");
        segments.Single(s => s[0] == "QAK")[2].Should().Be("NF");
        segments.Single(s => s[0] == "ERR")[3].Should().Be("204^Unknown key identifier^HL70357");
    }

    [Fact]
    public async Task RecordQuery_WithWrongAccessKey_ReturnsAr()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync(MllpTestClient.Query("9990000034", accessKey: "nope"), TestTimeout.Token());

        MllpTestClient.Segments(answer!)[1][1].Should().Be("AR");
    }

    [Fact]
    public async Task Message_NotAQuery_ReturnsArWithUnsupportedType()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync("MSH|^~\\&|X|Y|VISION|C83001|20261001|vision-dev-key|ADT^A01|M9|P|2.5\r", TestTimeout.Token());

        var segments = MllpTestClient.Segments(answer!);
        segments[1][1].Should().Be("AR");
        segments.Single(s => s[0] == "ERR")[3].Should().StartWith("200^");
    }

    [Fact]
    public async Task ExistsQuery_ReturnsDemographicsOnly()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync(MllpTestClient.Query("9990000034", queryName: "VEQ^Vision Exists Query^L"), TestTimeout.Token());

        var names = MllpTestClient.Segments(answer!).Select(s => s[0]).ToList();
        names.Should().Equal("MSH", "MSA", "QAK", "QPD", "PID", "PD1", "ZSH");
    }

    [Fact]
    public async Task RecordQuery_WithAreas_ReturnsOnlyThoseSegments()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync(MllpTestClient.Query("9990000034", areas: "ALLERGIES"), TestTimeout.Token());

        var names = MllpTestClient.Segments(answer!).Select(s => s[0]).Distinct().ToList();
        names.Should().Contain("AL1").And.NotContain("PRB").And.NotContain("RXE");
    }

    [Fact]
    public async Task RecordQuery_ForNoKnownAllergiesPatient_SendsNkaAl1()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync(MllpTestClient.Query("9990000115"), TestTimeout.Token());

        MllpTestClient.Segments(answer!).Single(s => s[0] == "AL1")[3].Should().Be("716186003^No known allergy^SCT");
    }

    [Fact]
    public async Task RecordQuery_Twice_IsIdenticalAfterTheHeader()
    {
        var nhs = EmisSimulatorTests.FindGenerated(SupplierKind.Vision);
        using var client = await ConnectAsync();

        var first = await client.SendAsync(MllpTestClient.Query(nhs), TestTimeout.Token()) ?? string.Empty;
        var second = await client.SendAsync(MllpTestClient.Query(nhs), TestTimeout.Token()) ?? string.Empty;

        first.Should().Contain("PID|");
        first[first.IndexOf('\r', StringComparison.Ordinal)..].Should().Be(second[second.IndexOf('\r', StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task DemographicQuery_FamilyPrefixAndBirthDate_ReturnsOnePidPerMatch()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync(DemographicQuery("C83001", "ellw", "19810123"), TestTimeout.Token());

        var segments = MllpTestClient.Segments(answer!);
        segments[1][1].Should().Be("AA");
        var qak = segments.Single(s => s[0] == "QAK");
        qak.Skip(2).Should().Equal("OK", "VDQ^Vision Demographic Query^L", "1", "1", "0");
        var pid = segments.Single(s => s[0] == "PID");
        pid[3].Should().Be("9990000034^^^NHS^NH");
        pid[5].Should().StartWith("Ellwood^Catherine");
        pid[7].Should().Be("19810123");
    }

    [Fact]
    public async Task DemographicQuery_WrongBirthDateOrOtherPractice_ReturnsNoMatch()
    {
        using var client = await ConnectAsync();

        var wrongDate = await client.SendAsync(DemographicQuery("C83001", "Ellwood", "19810124"), TestTimeout.Token());
        var otherPractice = await client.SendAsync(DemographicQuery("C83002", "Ellwood", "19810123"), TestTimeout.Token());

        foreach (var answer in new[] { wrongDate, otherPractice })
        {
            var segments = MllpTestClient.Segments(answer!);
            segments[1][1].Should().Be("AA");
            segments.Single(s => s[0] == "QAK")[2].Should().Be("NF");
            segments.Should().NotContain(s => s[0] == "PID");
        }
    }

    [Fact]
    public async Task DemographicQuery_ManyMatches_SendsFiftyAndCountsTheRest()
    {
        using var client = await ConnectAsync();

        var answer = await client.SendAsync(DemographicQuery(string.Empty, "S", string.Empty), TestTimeout.Token());

        var segments = MllpTestClient.Segments(answer!);
        var qak = segments.Single(s => s[0] == "QAK");
        var total = int.Parse(qak[4], System.Globalization.CultureInfo.InvariantCulture);
        total.Should().BeGreaterThan(50);
        qak[5].Should().Be("50");
        qak[6].Should().Be((total - 50).ToString(System.Globalization.CultureInfo.InvariantCulture));
        segments.Count(s => s[0] == "PID").Should().Be(50);
    }

    [Fact]
    public async Task DemographicQuery_NoFamilyOrBadDate_ReturnsAe()
    {
        using var client = await ConnectAsync();

        var noFamily = await client.SendAsync(DemographicQuery("C83001", string.Empty, "19810123"), TestTimeout.Token());
        var badDate = await client.SendAsync(DemographicQuery("C83001", "Ellwood", "1981-01-23"), TestTimeout.Token());

        MllpTestClient.Segments(noFamily!).Single(s => s[0] == "ERR")[3].Should().Be("101^Required field missing^HL70357");
        MllpTestClient.Segments(badDate!).Single(s => s[0] == "ERR")[3].Should().Be("102^Data type error^HL70357");
    }

    private static string DemographicQuery(string ods, string family, string birthDate) =>
        $"MSH|^~\\&|FHIRFACADE|FACADE|VISION|{ods}|20261001120000|vision-dev-key|QBP^Q11^QBP_Q11|MSG0009|P|2.5\r" +
        $"QPD|VDQ^Vision Demographic Query^L|Q-MSG0009|{family}|{birthDate}\r" +
        "RCP|I\r";

    private Task<MllpTestClient> ConnectAsync() => MllpTestClient.ConnectAsync(_fixture.Cluster.Vision.EndPoint, TestTimeout.Token());
}
