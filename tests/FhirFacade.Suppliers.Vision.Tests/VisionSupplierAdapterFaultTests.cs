using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Simulators.Faults;
using FhirFacade.Suppliers.Vision.Tests.Mllp;
using FhirFacade.TestKit.Time;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.DependencyInjection;
using static FhirFacade.Suppliers.Vision.Tests.VisionTestPatients;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>The adapter over the real Vision simulator with its faults switched on, and its connection pool.</summary>
[Trait("Category", "Integration")]
public sealed class VisionSupplierAdapterFaultTests(VisionAdapterFixture fixture) : IClassFixture<VisionAdapterFixture>
{
    public static TheoryData<int, FaultKind, string> Faults => new()
    {
        { 0, FaultKind.ErrorStatus, nameof(SupplierFailureKind.Unavailable) },
        { 1, FaultKind.Hl7Nak, nameof(SupplierFailureKind.Unavailable) },
        { 2, FaultKind.MalformedPayload, nameof(SupplierFailureKind.Malformed) },
    };

    public static TheoryData<int, int> IdleGaps => new()
    {
        { 30, 1 },
        { 61, 2 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task SearchAsync_SimulatorFault_FailsWithTheRightKind(int patient, FaultKind kind, string failure)
    {
        var (nhs, ods) = GeneratedAtVision(patient);
        var sut = fixture.Adapter;
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(kind, nhs), CancellationToken.None);
        try
        {
            var act = () => sut.SearchAsync(At(ods), VisionAdapterFixture.Query(T.Condition, nhs), CancellationToken.None);

            (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.ToString().Should().Be(failure);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SearchAsync_WrongAccessKey_FailsUnauthorized()
    {
        await using var services = fixture.CreateServices(("AccessKey", "not-the-key"));
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var act = () => sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.Patient, Rich), CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unauthorized);
    }

    [Fact]
    public async Task SearchAsync_Hang_TimesOutWithinTheAttemptTimeout()
    {
        var (nhs, ods) = GeneratedAtVision(3);
        await using var services = fixture.CreateServices(("AttemptTimeout", "00:00:00.300"));
        var sut = services.GetRequiredService<ISupplierAdapter>();
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(FaultKind.Hang, nhs), CancellationToken.None);
        try
        {
            var act = () => sut.SearchAsync(At(ods), VisionAdapterFixture.Query(T.Condition, nhs), CancellationToken.None);

            (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Timeout);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SearchAsync_CallerCancelsDuringHang_ThrowsOperationCanceledAndFreesTheConnection()
    {
        var (nhs, ods) = GeneratedAtVision(4);
        await using var services = fixture.CreateServices(("MaxConnectionsPerEndpoint", "1"));
        var sut = services.GetRequiredService<ISupplierAdapter>();
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(FaultKind.Hang, nhs), CancellationToken.None);
        try
        {
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

            var act = () => sut.SearchAsync(At(ods), VisionAdapterFixture.Query(T.Condition, nhs), cancellation.Token);

            await act.Should().ThrowAsync<OperationCanceledException>();
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }

        var after = await sut.SearchAsync(At(ods), VisionAdapterFixture.Query(T.Patient, nhs), CancellationToken.None);
        after.Matches.Should().ContainSingle("the only pooled slot was given back when the caller gave up");
    }

    [Fact]
    public async Task SearchAsync_ConnectionRefused_FailsUnavailableThenRecovers()
    {
        var sut = fixture.Adapter;
        await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.Patient, Rich), CancellationToken.None);
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(FaultKind.ConnectionRefused), CancellationToken.None);
        try
        {
            var act = () => sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.Patient, Rich), CancellationToken.None);

            (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unavailable);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }

        var after = await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.Patient, Rich), CancellationToken.None);
        after.Matches.Should().ContainSingle("a pooled connection the simulator closed is replaced");
    }

    [Fact]
    public async Task SearchAsync_WrongPatientAnswered_WithholdsTheRecordWithAPatientMismatchWarning()
    {
        var (nhs, ods) = GeneratedAtVision(5);
        var sut = fixture.Adapter;
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(FaultKind.WrongPatient, nhs), CancellationToken.None);
        try
        {
            var result = await sut.SearchAsync(At(ods), VisionAdapterFixture.Query(T.Patient, nhs), CancellationToken.None);

            result.Matches.Should().BeEmpty();
            result.Issues.Should().ContainSingle().Which.Code.Should().Be(PatientMismatch.Code);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task ReadAsync_WrongPatientAnswered_SaysWhoWasAskedAndWhoAnswered()
    {
        var sut = fixture.Adapter;
        var item = (await sut.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(T.Condition, Rich), CancellationToken.None)).Matches[0];
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Of(FaultKind.WrongPatient, Rich), CancellationToken.None);
        try
        {
            var read = await sut.ReadAsync(fixture.Oakfield, T.Condition, item.NativeId, CancellationToken.None);

            read.AskedAbout!.NativePatientId.Should().Be(Rich);
            read.RecordNhsNumber.Should().NotBeNull().And.NotBe(Rich);
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SearchAsync_Latency_AnswersWhenInTime()
    {
        var (nhs, ods) = GeneratedAtVision(6);
        var sut = fixture.Adapter;
        await fixture.Simulator.ApplyFaultAsync(FaultSpec.Latency(50, nhs), CancellationToken.None);
        try
        {
            var result = await sut.SearchAsync(At(ods), VisionAdapterFixture.Query(T.Patient, nhs), CancellationToken.None);

            result.Matches.Should().ContainSingle();
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SearchAsync_ManySequentialQueries_UseOneConnection()
    {
        await using var proxy = new CountingTcpProxy(fixture.Simulator.EndPoint);
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", proxy.Endpoint);

        for (var i = 0; i < 10; i++)
        {
            (await sut.SearchAsync(organisation, VisionAdapterFixture.Query(i % 2 == 0 ? T.Patient : T.Condition, Rich), CancellationToken.None)).Matches.Should().NotBeEmpty();
        }

        proxy.Accepted.Should().Be(1);
        VisionAdapterFixture.Pool(services).ConnectionsOpened.Should().Be(1);
    }

    [Fact]
    public async Task SearchAsync_ManyParallelQueries_OpenAtMostThePoolSize()
    {
        await using var proxy = new CountingTcpProxy(fixture.Simulator.EndPoint);
        await using var services = fixture.CreateServices(("MaxConnectionsPerEndpoint", "2"));
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", proxy.Endpoint);

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.MedicationStatement, Rich), CancellationToken.None)));

        results.Should().OnlyContain(r => r.Matches.Count > 0);
        proxy.Accepted.Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task SearchAsync_TwoEndpoints_KeepSeparatePools()
    {
        await using var first = new CountingTcpProxy(fixture.Simulator.EndPoint);
        await using var second = new CountingTcpProxy(fixture.Simulator.EndPoint);
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        for (var i = 0; i < 3; i++)
        {
            await sut.HoldsPatientAsync(VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", first.Endpoint), Nhs(Rich), CancellationToken.None);
            await sut.HoldsPatientAsync(VisionAdapterFixture.Organisation("C83002", "Brookside Medical Centre", second.Endpoint), Nhs(Rich), CancellationToken.None);
        }

        first.Accepted.Should().Be(1);
        second.Accepted.Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(IdleGaps))]
    public async Task SearchAsync_AfterAnIdleGap_ReusesTheConnectionOnlyWithinTheIdleTimeout(int idleSeconds, int connections)
    {
        var clock = new FakeTimeProvider();
        await using var proxy = new CountingTcpProxy(fixture.Simulator.EndPoint);
        await using var services = fixture.CreateServices(clock, ("IdleTimeout", "00:01:00"));
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", proxy.Endpoint);
        await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Patient, Rich), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(idleSeconds));

        var result = await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Patient, Rich), CancellationToken.None);

        result.Matches.Should().ContainSingle();
        proxy.Accepted.Should().Be(connections);
    }

    [Fact]
    public async Task SearchAsync_IdleConnectionClosedByTheServer_OpensAFreshOne()
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId)), closeAfterAnswer: true);
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint);

        for (var i = 0; i < 3; i++)
        {
            (await sut.SearchAsync(organisation, VisionAdapterFixture.Query(T.Condition, VisionMessages.Nhs), CancellationToken.None)).Matches.Should().NotBeEmpty();
        }

        server.Connections.Should().Be(3);
        server.Queries.Should().BeInRange(3, 5, "a closed idle connection is either noticed before use or retried once");
    }

    public static TheoryData<string, string[]> RestrictedMatches => new()
    {
        { "ZSH|N|N|GMS|19960401", [VisionMessages.Nhs] },
        { "ZSH|Y|N|GMS|19960401", [] },
        { "ZSH|N|Y|GMS|19960401", [] },
    };

    [Theory]
    [MemberData(nameof(RestrictedMatches))]
    public async Task SearchAsync_ByDemographicsMatchingARestrictedPatient_LeavesItOutSilently(string zsh, string[] expected)
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId, zsh: zsh)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();
        var organisation = VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint);
        var request = SearchRequestParser.Parse(T.Patient, [KeyValuePair.Create("family", "Ellwood"), KeyValuePair.Create("birthdate", "1981-01-23")], strict: false, TestResourceIds.Codec);

        var result = await sut.SearchAsync(organisation, new SupplierQuery(request, PatientSelector.Demographic), CancellationToken.None);

        result.Matches.Select(m => m.PatientNhsNumber).Should().Equal(expected);
        result.Issues.Should().BeEmpty();
        server.Queries.Should().Be(2, "the demographic query, then the exists query of its one match");
    }

    private OrganisationEndpoint At(string ods) => ods == "C83001" ? fixture.Oakfield : fixture.Brookside;

    private static NhsNumber Nhs(string text)
    {
        NhsNumber.TryParse(text, out var parsed).Should().BeTrue();
        return parsed!;
    }
}
