using System.Net.Sockets;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Tests.Vision;
using FhirFacade.Simulators.Vision;

namespace FhirFacade.Simulators.Tests.Faults;

[Trait("Category", "Integration")]
public sealed class VisionFaultTests : IAsyncLifetime
{
    private const string Patient = "9990000034";
    private VisionSimulator _vision = null!;

    public async Task InitializeAsync() =>
        _vision = await VisionSimulator.StartAsync(new VisionSimulatorOptions { MaxHang = TimeSpan.FromMilliseconds(500) }, TestTimeout.Token());

    public async Task DisposeAsync() => await _vision.DisposeAsync();

    [Fact]
    public async Task Nak_Set_AnswersArWithErr()
    {
        _vision.Faults.Set(FaultSpec.Of(FaultKind.Hl7Nak));
        using var client = await MllpTestClient.ConnectAsync(_vision.EndPoint, TestTimeout.Token());

        var answer = await client.SendAsync(MllpTestClient.Query(Patient), TestTimeout.Token());

        var segments = MllpTestClient.Segments(answer!);
        segments[1][1].Should().Be("AR");
        segments.Single(s => s[0] == "ERR")[3].Should().StartWith("207^");
    }

    [Fact]
    public async Task ErrorStatus_Set_AnswersAe()
    {
        _vision.Faults.Set(FaultSpec.Error(500, Patient));
        using var client = await MllpTestClient.ConnectAsync(_vision.EndPoint, TestTimeout.Token());

        var answer = await client.SendAsync(MllpTestClient.Query(Patient), TestTimeout.Token());

        MllpTestClient.Segments(answer!)[1][1].Should().Be("AE");
    }

    [Theory]
    [InlineData(404, "AE", "NF", "204")]
    [InlineData(401, "AR", "", "207")]
    [InlineData(403, "AR", "", "207")]
    [InlineData(503, "AE", "AE", "207")]
    public async Task ErrorStatus_WithAnHttpStatus_AnswersTheVisionEquivalent(int status, string acknowledgement, string queryStatus, string errorCode)
    {
        _vision.Faults.Set(FaultSpec.Error(status, Patient));
        using var client = await MllpTestClient.ConnectAsync(_vision.EndPoint, TestTimeout.Token());

        var answer = await client.SendAsync(MllpTestClient.Query(Patient), TestTimeout.Token());

        var segments = MllpTestClient.Segments(answer!);
        segments[1][1].Should().Be(acknowledgement);
        segments.Single(s => s[0] == "ERR")[3].Should().StartWith(errorCode + "^");
        if (queryStatus.Length > 0)
        {
            segments.Single(s => s[0] == "QAK")[2].Should().Be(queryStatus);
        }
    }

    [Fact]
    public async Task MalformedPayload_Set_SendsATruncatedButFramedMessage()
    {
        using var client = await MllpTestClient.ConnectAsync(_vision.EndPoint, TestTimeout.Token());
        var whole = await client.SendAsync(MllpTestClient.Query(Patient), TestTimeout.Token());
        _vision.Faults.Set(FaultSpec.Of(FaultKind.MalformedPayload));

        var cut = await client.SendAsync(MllpTestClient.Query(Patient), TestTimeout.Token());

        cut!.Length.Should().BeLessThan(whole!.Length);
        cut.Should().StartWith("MSH|");
        cut.Should().NotContain("RXD|1|39732411000001106");
    }

    [Fact]
    public async Task WrongPatient_Set_AnswersWithAnotherPid()
    {
        _vision.Faults.Set(FaultSpec.Of(FaultKind.WrongPatient, Patient));
        using var client = await MllpTestClient.ConnectAsync(_vision.EndPoint, TestTimeout.Token());

        var answer = await client.SendAsync(MllpTestClient.Query(Patient), TestTimeout.Token());

        MllpTestClient.Segments(answer!).Single(s => s[0] == "PID")[3].Should().NotStartWith(Patient);
    }

    [Fact]
    public async Task Hang_Set_ClosesTheConnectionWithoutAnAnswer()
    {
        _vision.Faults.Set(FaultSpec.Of(FaultKind.Hang));
        using var client = await MllpTestClient.ConnectAsync(_vision.EndPoint, TestTimeout.Token());

        var answer = await client.SendAsync(MllpTestClient.Query(Patient), TestTimeout.Token(10));

        answer.Should().BeNull();
    }

    [Fact]
    public async Task ConnectionRefused_StopsListeningUntilCleared()
    {
        await _vision.ApplyFaultAsync(FaultSpec.Of(FaultKind.ConnectionRefused), TestTimeout.Token());

        var connect = () => MllpTestClient.ConnectAsync(_vision.EndPoint, TestTimeout.Token());
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);

        await _vision.ClearFaultsAsync(TestTimeout.Token());
        using var client = await MllpTestClient.ConnectAsync(_vision.EndPoint, TestTimeout.Token());
        var answer = await client.SendAsync(MllpTestClient.Query(Patient), TestTimeout.Token());
        MllpTestClient.Segments(answer!)[1][1].Should().Be("AA");
    }

    [Fact]
    public async Task Latency_LongerThanTheClientWaits_MakesTheClientGiveUp()
    {
        _vision.Faults.Set(FaultSpec.Latency(10_000));
        using var client = await MllpTestClient.ConnectAsync(_vision.EndPoint, TestTimeout.Token());
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var act = () => client.SendAsync(MllpTestClient.Query(Patient), giveUp.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
