using FhirFacade.Simulators.Faults;

namespace FhirFacade.Simulators.Tests.Faults;

[Trait("Category", "Unit")]
public sealed class FaultControllerTests
{
    [Fact]
    public void Set_SameKindAndScope_ReplacesTheFault()
    {
        var faults = new FaultController();

        faults.Set(FaultSpec.Error(500));
        faults.Set(FaultSpec.Error(503));

        faults.Active.Should().ContainSingle().Which.StatusCode.Should().Be(503);
    }

    [Fact]
    public void For_ScopedFault_AppliesOnlyToThatPatient()
    {
        var faults = new FaultController();

        faults.Set(FaultSpec.Of(FaultKind.WrongPatient, "9990000018"));

        faults.For("9990000018").WrongPatient.Should().BeTrue();
        faults.For("9990000026").WrongPatient.Should().BeFalse();
        faults.For(null).WrongPatient.Should().BeFalse();
    }

    [Fact]
    public void For_WrongPatientNamingWhoAnswers_CarriesThatPatient()
    {
        var faults = new FaultController();

        faults.Set(FaultSpec.WrongPatient("9990000018", "9990000069"));

        faults.For("9990000018").Should().Match<AppliedFaults>(f => f.WrongPatient && f.WrongPatientAnswer == "9990000069");
        faults.For("9990000026").WrongPatientAnswer.Should().BeNull();
    }

    [Fact]
    public void For_StandInNamingADemoPatient_CarriesThatPatientForTheAskedOneOnly()
    {
        var faults = new FaultController();

        faults.Set(FaultSpec.StandIn("9990000018", "9990000107"));

        faults.For("9990000018").Should().Match<AppliedFaults>(f => f.StandInRecordOf == "9990000107" && !f.WrongPatient);
        faults.For("9990000026").StandInRecordOf.Should().BeNull();
    }

    [Fact]
    public async Task SetAndClear_FromManyThreads_StayConsistent()
    {
        var faults = new FaultController();
        var kinds = Enum.GetValues<FaultKind>().Where(k => k != FaultKind.ConnectionRefused).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                faults.Set(FaultSpec.Of(kinds[(t + i) % kinds.Length]));
                _ = faults.For(null);
            }
        })));

        faults.Active.Should().HaveCount(kinds.Length).And.OnlyHaveUniqueItems(f => f.Kind);
    }

    [Theory]
    [InlineData("latency", FaultKind.Latency)]
    [InlineData("error-status", FaultKind.ErrorStatus)]
    [InlineData("hang", FaultKind.Hang)]
    [InlineData("connection-refused", FaultKind.ConnectionRefused)]
    [InlineData("malformed-payload", FaultKind.MalformedPayload)]
    [InlineData("wrong-patient", FaultKind.WrongPatient)]
    [InlineData("hl7-nak", FaultKind.Hl7Nak)]
    [InlineData("token-rejected", FaultKind.TokenRejected)]
    [InlineData("stand-in-record", FaultKind.StandInRecord)]
    public void FaultKindNames_Name_RoundTrips(string name, FaultKind kind)
    {
        FaultKindNames.TryParse(name, out var parsed).Should().BeTrue();

        parsed.Should().Be(kind);
        FaultKindNames.NameOf(kind).Should().Be(name);
    }
}
