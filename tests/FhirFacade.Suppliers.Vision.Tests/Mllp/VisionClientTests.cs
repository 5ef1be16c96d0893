using System.Text;
using FhirFacade.Core.Suppliers;
using FhirFacade.Suppliers.Vision.Hl7;
using FhirFacade.Suppliers.Vision.Mllp;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision.Tests.Mllp;

/// <summary>
/// The client and adapter against a scripted MLLP server on loopback: what a real interface could send that the
/// simulator does not (garbage, oversize, a stale connection, restricted patients), and what the client sends.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VisionClientTests(VisionAdapterFixture fixture) : IClassFixture<VisionAdapterFixture>
{
    public static TheoryData<string, string> MalformedAnswers => new()
    {
        { "garbage before the frame", "garbage" },
        { "not UTF-8", "latin1" },
        { "MSA-2 of another query", "other-control-id" },
        { "no MSA", "no-msa" },
        { "an ACK, not an RSP^K11", "ack" },
        { "cut-off message", "cut" },
        { "unknown acknowledgement code", "unknown-ack" },
    };

    public static TheoryData<string, string, string> Negatives => new()
    {
        { "AE", "207", nameof(SupplierFailureKind.Unavailable) },
        { "AE", "206", nameof(SupplierFailureKind.Unavailable) },
        { "AR", "207", nameof(SupplierFailureKind.Unavailable) },
        { "AR", "200", nameof(SupplierFailureKind.Unavailable) },
    };

    [Fact]
    public void BuildQuery_RecordQuery_FollowsTheDocumentedQbpQ11()
    {
        using var services = fixture.CreateServices(("AccessKey", "key|with^delimiters"));
        var sut = services.GetRequiredService<VisionClient>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", fixture.Endpoint);

        var text = sut.BuildQuery(organisation, VisionMessages.Nhs, VisionCodeSystems.AreaProblems, "FFABCDEF000000000001");

        Hl7Message.TryParse(text, out var message, out _).Should().BeTrue();
        message!.Segments.Select(s => s.Name).Should().Equal("MSH", "QPD", "RCP");
        text.Should().StartWith("MSH|^~\\&|FHIRFACADE|FACADE|VISION|C83001|");
        message.Header.Value(8).Should().Be("key|with^delimiters");
        message.Header.RawField(9).Should().Be("QBP^Q11^QBP_Q11");
        message.Header.Value(10).Should().Be("FFABCDEF000000000001");
        message.Header.Value(12).Should().Be("2.5");
        message.First("QPD")!.RawField(1).Should().Be("VRQ^Vision Record Query^L");
        message.First("QPD")!.Value(2).Should().Be("Q-FFABCDEF000000000001");
        message.First("QPD")!.RawField(3).Should().Be("9990000034^^^NHS^NH");
        message.First("QPD")!.Value(4).Should().Be("PROBLEMS");
    }

    [Fact]
    public void BuildQuery_ExistsQuery_AsksVeqWithNoArea()
    {
        using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<VisionClient>();

        var text = sut.BuildQuery(fixture.Oakfield, VisionMessages.Nhs, null, "C1");

        Hl7Message.TryParse(text, out var message, out _).Should().BeTrue();
        message!.First("QPD")!.RawField(1).Should().Be("VEQ^Vision Exists Query^L");
        message.First("QPD")!.IsPresent(4).Should().BeFalse();
    }

    [Fact]
    public void BuildDemographicQuery_FamilyWithDelimiters_IsEscapedInQpd3()
    {
        using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<VisionClient>();

        var text = sut.BuildDemographicQuery(fixture.Oakfield, "O'Brien|Smith^&~", "19810123", "C2");

        Hl7Message.TryParse(text, out var message, out _).Should().BeTrue();
        var qpd = message!.First("QPD")!;
        qpd.RawField(1).Should().Be("VDQ^Vision Demographic Query^L");
        qpd.RawField(3).Should().Be(@"O'Brien\F\Smith\S\\T\\R\");
        qpd.Value(3).Should().Be("O'Brien|Smith^&~");
        qpd.Value(4).Should().Be("19810123");
        message.Header.Value(6).Should().Be("C83001");
    }

    [Fact]
    public async Task SearchPatientsAsync_FamilyAndBirthDate_ReturnsTheMatchedNhsNumbers()
    {
        using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<VisionClient>();

        var found = await sut.SearchPatientsAsync(fixture.Oakfield, "Ellwood", "19810123", CancellationToken.None);
        var none = await sut.SearchPatientsAsync(fixture.Oakfield, "Ellwood", "19810124", CancellationToken.None);

        found.NhsNumbers.Should().Equal(VisionMessages.Nhs);
        found.Truncated.Should().BeFalse();
        none.NhsNumbers.Should().BeEmpty();
    }

    [Fact]
    public void NextControlId_ManyQueries_AreUniqueAndFitMsh10()
    {
        using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<VisionClient>();

        var ids = Enumerable.Range(0, 2000).Select(_ => sut.NextControlId()).ToList();

        ids.Should().OnlyHaveUniqueItems();
        ids.Should().OnlyContain(id => id.Length <= 20);
    }

    [Theory]
    [MemberData(nameof(MalformedAnswers))]
    public async Task SearchAsync_MalformedAnswer_FailsMalformedAndDropsTheConnection(string because, string kind)
    {
        await using var server = new ScriptedMllpServer(q => q.Connection > 1 ? ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId)) : Malformed(kind, q.ControlId));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint);

        var act = () => sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Condition, VisionMessages.Nhs), CancellationToken.None);
        (await act.Should().ThrowAsync<SupplierException>(because)).Which.Kind.Should().Be(SupplierFailureKind.Malformed);
        await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Condition, VisionMessages.Nhs), CancellationToken.None);

        server.Connections.Should().Be(2, "a connection that sent something unreadable is not reused");
    }

    [Fact]
    public async Task SearchAsync_AnswerLongerThanTheMaximum_FailsMalformed()
    {
        var oversize = VisionMessages.Accepted("X", Enumerable.Repeat("NTE|1||" + new string('x', 500), 10));
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(oversize.Replace("|X", "|" + q.ControlId, StringComparison.Ordinal)));
        await using var services = fixture.CreateServices(("MaxMessageBytes", "2048"));
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var act = () => sut.SearchAsync(VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint), VisionAdapterFixture.Query(T.Condition, VisionMessages.Nhs), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Malformed);
    }

    [Theory]
    [MemberData(nameof(Negatives))]
    public async Task SearchAsync_NegativeAcknowledgement_FailsWithoutRetryAndKeepsTheConnection(string acknowledgement, string errorCode, string kind)
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Negative(q.ControlId, acknowledgement, errorCode, "Failure")));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint);

        var act = () => sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Condition, VisionMessages.Nhs), CancellationToken.None);
        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.ToString().Should().Be(kind);
        var queriesAfterFirst = server.Queries;
        await act.Should().ThrowAsync<SupplierException>();

        queriesAfterFirst.Should().Be(1, "a NAK is the interface's answer, not a transport failure");
        server.Connections.Should().Be(1, "a well-formed NAK leaves the connection in step");
    }

    [Fact]
    public async Task SearchAsync_SecurityRejection_FailsUnauthorized()
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Negative(q.ControlId, "AR", "207", "Security check failed (MSH-8)")));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var act = () => sut.SearchAsync(VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint), VisionAdapterFixture.Query(T.Patient, VisionMessages.Nhs), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unauthorized);
    }

    [Fact]
    public async Task SearchAsync_NotFound_ReturnsNothing()
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Negative(q.ControlId, "AE", "204", "Patient not found", notFound: true)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var result = await sut.SearchAsync(VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint), VisionAdapterFixture.Query(T.Patient, VisionMessages.Nhs), CancellationToken.None);

        result.Matches.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchAsync_PooledConnectionClosedByTheServer_RetriesOnceOnAFreshConnection()
    {
        // The second query on the first connection finds it closed (an idle timeout racing the query): safe to resend.
        await using var server = new ScriptedMllpServer(q => q is { Connection: 1, QueryOnConnection: 2 } ? null : ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint);
        await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Patient, VisionMessages.Nhs), CancellationToken.None);

        var result = await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Condition, VisionMessages.Nhs), CancellationToken.None);

        result.Matches.Should().NotBeEmpty();
        server.Connections.Should().Be(2);
        server.Queries.Should().Be(3);
    }

    [Fact]
    public async Task SearchAsync_FreshConnectionClosedWithoutAnswer_FailsUnavailableWithoutRetry()
    {
        await using var server = new ScriptedMllpServer(_ => null);
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var act = () => sut.SearchAsync(VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint), VisionAdapterFixture.Query(T.Patient, VisionMessages.Nhs), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unavailable);
        server.Queries.Should().Be(1);
    }

    [Fact]
    public async Task SearchAsync_ConnectionClosedPartWayThroughAnAnswer_FailsUnavailable()
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId))[..100], closeAfterAnswer: true);
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint);

        var act = () => sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Patient, VisionMessages.Nhs), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unavailable);
        server.Queries.Should().Be(1);
    }

    [Theory]
    [InlineData("PD1|||Oakfield Surgery^^^^^^^^^C83001|||||||||Y", "ZSH|N|Y|GMS|19960401", 404)]
    [InlineData("PD1|||Oakfield Surgery^^^^^^^^^C83001|||||||||N", "ZSH|Y|N|GMS|19960401", 403)]
    public async Task SearchAsync_RestrictedPatient_RefusesTheWholeRequest(string pd1, string zsh, int status)
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId, pd1: pd1, zsh: zsh)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var act = () => sut.SearchAsync(VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint), VisionAdapterFixture.Query(T.Condition, VisionMessages.Nhs), CancellationToken.None);

        (await act.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(status);
    }

    [Fact]
    public async Task SearchAsync_ConfidentialItems_AreLeftOutWithAWarning()
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint);

        var problems = await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Condition, VisionMessages.Nhs), CancellationToken.None);
        var medications = await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.MedicationStatement, VisionMessages.Nhs), CancellationToken.None);

        problems.Matches.Select(m => m.NativeId).Should().NotContain(VisionMessages.Nhs + "/P35010");
        problems.Issues.Should().ContainSingle(i => i.Severity == Fhir.Issues.IssueSeverity.Warning && i.Message.Contains("confidentiality", StringComparison.Ordinal));
        medications.Matches.Select(m => m.NativeId).Should().NotContain(VisionMessages.Nhs + "/M35008");
        medications.Issues.Should().Contain(i => i.Message.Contains("confidentiality", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ConfidentialItem_IsNotFound()
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var read = await sut.ReadAsync(VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint), T.Condition, VisionMessages.Nhs + "/P35010", CancellationToken.None);

        read.Resource.Should().BeNull();
    }

    [Fact]
    public async Task SearchAsync_NoEndpoint_FailsUnavailable()
    {
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", new Uri("https://vision.example.org/"));

        var act = () => sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Patient, VisionMessages.Nhs), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unavailable);
    }

    private static byte[] Malformed(string kind, string controlId) => kind switch
    {
        "garbage" => [.. Encoding.UTF8.GetBytes("HTTP/1.1 400"), .. ScriptedMllpServer.Framed(VisionMessages.Accepted(controlId))],
        "latin1" => MllpFraming.Frame([.. Encoding.UTF8.GetBytes(VisionMessages.Accepted(controlId)), 0xE9, 0x0D]),
        "other-control-id" => ScriptedMllpServer.Framed(VisionMessages.Accepted("SOMEONE-ELSE")),
        "no-msa" => ScriptedMllpServer.Framed("MSH|^~\\&|VISION|C83001|||20261122084921+0000||RSP^K11^RSP_K11|R1|P|2.5\r"),
        "ack" => ScriptedMllpServer.Framed(VisionMessages.Accepted(controlId).Replace("RSP^K11^RSP_K11", "ACK^Q11^ACK", StringComparison.Ordinal)),
        "cut" => ScriptedMllpServer.Framed(VisionMessages.Accepted(controlId)[..300]),
        _ => ScriptedMllpServer.Framed(VisionMessages.Accepted(controlId).Replace("MSA|AA|", "MSA|CA|", StringComparison.Ordinal)),
    };
}
