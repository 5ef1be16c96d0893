using FhirFacade.Core.Gateway;
using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Metrics;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Gateway;

/// <summary>
/// How the runner tells a supplier's timeout from the facade's own overload (docs/adr/0008), and what
/// it records per call on the <c>FhirFacade.Gateway</c> meter.
/// </summary>
[Trait("Category", "Unit")]
public sealed class SupplierCallRunnerTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(60);
    private static readonly OrganisationEndpoint Practice = new() { OdsCode = "A81001", Name = "Riverside", Supplier = "fake", Endpoint = new Uri("http://127.0.0.1:1/") };
    private static readonly FakeSupplierAdapter Adapter = new();

    public static TheoryData<double> StarvedShares() => [0.5, 0.75, 1.0];

    public static TheoryData<double> HealthyShares() => [0.0, 0.01, 0.1];

    [Theory]
    [MemberData(nameof(StarvedShares))]
    public async Task RunAsync_WhenCallTimesOutWhileProcessIsStarved_ReportsFacadeOverloadNotSupplierTimeout(double starvedShare)
    {
        var sut = TestGateway.Runner(new GatewayOptions { SupplierTimeout = ShortTimeout }, new FakeProcessLoad(starvedShare));

        var result = await sut.RunAsync<int>(Adapter, Practice, "search Condition", Hang, CancellationToken.None);

        result.Failure!.Kind.Should().Be(SupplierFailureKind.FacadeOverloaded);
        result.Issue!.Code.Should().Be(SupplierCallRunner.FacadeOverloadedCode);
        result.Issue.Type.Should().Be(IssueType.Throttled);
        result.Issue.Severity.Should().Be(IssueSeverity.Warning);
        result.Issue.Message.Should().Contain("Fake fake (fake)").And.Contain("A81001").And.Contain("not a failure of that system");
    }

    [Theory]
    [MemberData(nameof(HealthyShares))]
    public async Task RunAsync_WhenCallTimesOutWhileProcessKeepsUp_ReportsSupplierTimeout(double starvedShare)
    {
        var sut = TestGateway.Runner(new GatewayOptions { SupplierTimeout = ShortTimeout }, new FakeProcessLoad(starvedShare));

        var result = await sut.RunAsync<int>(Adapter, Practice, "search Condition", Hang, CancellationToken.None);

        result.Failure!.Kind.Should().Be(SupplierFailureKind.Timeout);
        result.Issue!.Code.Should().Be("SUPPLIER-TIMEOUT");
        result.Issue.Type.Should().Be(IssueType.Timeout);
    }

    [Fact]
    public async Task RunAsync_WhenRequestBudgetRunsOutWhileProcessIsStarved_ReportsFacadeOverload()
    {
        var sut = TestGateway.Runner(new GatewayOptions { SupplierTimeout = TimeSpan.FromSeconds(30), OverallBudget = ShortTimeout }, new FakeProcessLoad(1.0));
        using var budget = RequestContext.WithoutCaller("test-request", ShortTimeout).StartBudget(CancellationToken.None);

        var result = await sut.RunAsync<int>(Adapter, Practice, "read Condition", Hang, budget.Token);

        result.Failure!.Kind.Should().Be(SupplierFailureKind.FacadeOverloaded);
    }

    [Fact]
    public async Task RunAsync_WhenAdapterAttemptTimesOutWhileProcessIsStarved_ReportsFacadeOverload()
    {
        var sut = TestGateway.Runner(new GatewayOptions(), new FakeProcessLoad(1.0));

        var result = await sut.RunAsync<int>(Adapter, Practice, "search Condition", ThrowsAfterAWhile(SupplierFailureKind.Timeout), CancellationToken.None);

        result.Failure!.Kind.Should().Be(SupplierFailureKind.FacadeOverloaded);
    }

    [Theory]
    [InlineData(SupplierFailureKind.Unavailable)]
    [InlineData(SupplierFailureKind.Malformed)]
    [InlineData(SupplierFailureKind.Unauthorized)]
    [InlineData(SupplierFailureKind.Refused)]
    public async Task RunAsync_WhenSupplierFailsOtherwiseWhileProcessIsStarved_KeepsTheSupplierFailure(SupplierFailureKind kind)
    {
        var sut = TestGateway.Runner(new GatewayOptions(), new FakeProcessLoad(1.0));

        var result = await sut.RunAsync<int>(Adapter, Practice, "search Condition", ThrowsAfterAWhile(kind), CancellationToken.None);

        result.Failure!.Kind.Should().Be(kind);
        result.Issue!.Code.Should().Be("SUPPLIER-" + kind.ToString().ToUpperInvariant());
    }

    [Fact]
    public async Task RunAsync_WhenCallSucceeds_RecordsItsDurationAsSuccessAndNoFailure()
    {
        var meters = TestMeters.NewFactory();
        using var durations = new MeasurementRecorder(meters, GatewayMetrics.MeterName, GatewayMetrics.CallDuration);
        using var failures = new MeasurementRecorder(meters, GatewayMetrics.MeterName, GatewayMetrics.CallFailures);
        var sut = TestGateway.Runner(new GatewayOptions(), meters: meters);

        await sut.RunAsync(Adapter, Practice, "search Condition", async ct => { await Task.Delay(20, ct); return 1; }, CancellationToken.None);

        durations.Values.Should().ContainSingle().Which.Should().Match<(double Value, IReadOnlyDictionary<string, string?> Tags)>(m =>
            m.Value >= 0.015 && m.Value < 10
            && m.Tags["supplier"] == "fake" && m.Tags["organisation"] == "A81001" && m.Tags["outcome"] == "success");
        failures.Measurements.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenSupplierTimesOut_CountsASupplierFailure()
    {
        var meters = TestMeters.NewFactory();
        using var failures = new MeasurementRecorder(meters, GatewayMetrics.MeterName, GatewayMetrics.CallFailures);
        using var overloaded = new MeasurementRecorder(meters, GatewayMetrics.MeterName, GatewayMetrics.OverloadedCalls);
        var sut = TestGateway.Runner(new GatewayOptions { SupplierTimeout = ShortTimeout }, meters: meters);

        await sut.RunAsync<int>(Adapter, Practice, "search Condition", Hang, CancellationToken.None);

        failures.Measurements.Should().ContainSingle().Which.Tags.Should().Contain(new Dictionary<string, string?>
        {
            ["supplier"] = "fake",
            ["organisation"] = "A81001",
            ["outcome"] = "timeout",
        });
        overloaded.Measurements.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_WhenFacadeIsOverloaded_CountsAnOverloadedCallAndNoSupplierFailure()
    {
        var meters = TestMeters.NewFactory();
        using var failures = new MeasurementRecorder(meters, GatewayMetrics.MeterName, GatewayMetrics.CallFailures);
        using var overloaded = new MeasurementRecorder(meters, GatewayMetrics.MeterName, GatewayMetrics.OverloadedCalls);
        using var durations = new MeasurementRecorder(meters, GatewayMetrics.MeterName, GatewayMetrics.CallDuration);
        var sut = TestGateway.Runner(new GatewayOptions { SupplierTimeout = ShortTimeout }, new FakeProcessLoad(1.0), meters);

        await sut.RunAsync<int>(Adapter, Practice, "search Condition", Hang, CancellationToken.None);

        failures.Measurements.Should().BeEmpty("the facade's overload is not the supplier's failure");
        overloaded.Measurements.Should().ContainSingle().Which.Tags["organisation"].Should().Be("A81001");
        durations.Values.Should().ContainSingle().Which.Tags["outcome"].Should().Be("facade_overloaded");
    }

    [Fact]
    public void ThreadPoolWait_IsPublishedOnTheGatewayMeter()
    {
        var meters = TestMeters.NewFactory();
        using var starved = new MeasurementRecorder(meters, GatewayMetrics.MeterName, GatewayMetrics.ThreadPoolWait);
        var load = new FakeProcessLoad(1.0);
        _ = new GatewayMetrics(meters, load);
        Thread.Sleep(20);

        starved.Observe();

        starved.Values.Should().ContainSingle().Which.Value.Should().BeGreaterThan(0.015);
    }

    [Fact]
    public void AllFailed_WhenEveryCallWasCutShortByOverload_Is503WithRetryAfter()
    {
        var issue = SupplierCallRunner.OverloadIssue(Adapter, Practice);

        var thrown = SupplierCallRunner.AllFailed([Failure(SupplierFailureKind.FacadeOverloaded), Failure(SupplierFailureKind.FacadeOverloaded)], [issue, issue]);

        thrown.StatusCode.Should().Be(503);
        thrown.Headers["Retry-After"].Should().Be("1");
        thrown.Issues.Should().OnlyContain(i => i.Code == SupplierCallRunner.FacadeOverloadedCode && i.Severity == IssueSeverity.Error && i.Type == IssueType.Throttled);
    }

    [Theory]
    [InlineData(SupplierFailureKind.Timeout, 504)]
    [InlineData(SupplierFailureKind.Unavailable, 502)]
    [InlineData(SupplierFailureKind.Malformed, 502)]
    public void AllFailed_WhenOverloadMeetsASupplierFault_AnswersForTheSupplierFault(SupplierFailureKind other, int expected)
    {
        var thrown = SupplierCallRunner.AllFailed([Failure(SupplierFailureKind.FacadeOverloaded), Failure(other)], [SupplierCallRunner.OverloadIssue(Adapter, Practice)]);

        thrown.StatusCode.Should().Be(expected);
        thrown.Headers.Should().NotContainKey("Retry-After");
    }

    private static SupplierFailure Failure(SupplierFailureKind kind) => new("fake", "A81001", kind);

    private static async Task<int> Hang(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    private static Func<CancellationToken, Task<int>> ThrowsAfterAWhile(SupplierFailureKind kind) => async cancellationToken =>
    {
        await Task.Delay(ShortTimeout, cancellationToken);
        throw new SupplierException(kind, "test failure");
    };
}
