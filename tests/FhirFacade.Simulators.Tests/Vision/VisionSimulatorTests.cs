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

    private Task<MllpTestClient> ConnectAsync() => MllpTestClient.ConnectAsync(_fixture.Cluster.Vision.EndPoint, TestTimeout.Token());
}
