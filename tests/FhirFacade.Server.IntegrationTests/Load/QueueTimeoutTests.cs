using System.Diagnostics.Metrics;
using System.Net;
using FhirFacade.Server.Metrics;
using FhirFacade.TestKit.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Load;

/// <summary>A request that waits in the queue longer than <c>QueueTimeout</c> is shed after all, and counted as such.</summary>
[Trait("Category", "Integration")]
public sealed class QueueTimeoutTests(QueueTimeoutTests.ShortQueueFactory factory) : IClassFixture<QueueTimeoutTests.ShortQueueFactory>
{
    [Fact]
    public async Task Search_WhenNoPermitFreesWithinTheQueueTimeout_IsShedWith503()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var inFlight = new MeasurementRecorder(meters, LoadMetrics.MeterName, LoadMetrics.InFlight);
        using var shed = new MeasurementRecorder(meters, LoadMetrics.MeterName, LoadMetrics.Shed);
        var client = factory.CreateClient();
        var holding = LoadSheddingTests.SendAsync(client, SlowSuppliersFacadeServerFactory.Search);
        await LoadSheddingTests.UntilAsync(() => LoadSheddingTests.Latest(inFlight) == factory.PermitLimit, inFlight);

        var waited = await LoadSheddingTests.SendAsync(client, SlowSuppliersFacadeServerFactory.Search);

        LoadSheddingTests.IsShedAnswer(waited.Response, waited.CorrelationId).Should().BeTrue();
        shed.Measurements.Should().ContainSingle().Which.Tags["reason"].Should().Be("queue_timeout");
        (await holding).Response.Status.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>One permit, a queue, and a queue timeout far shorter than the suppliers' latency.</summary>
    public sealed class ShortQueueFactory : SlowSuppliersFacadeServerFactory
    {
        public override int PermitLimit => 1;

        public override TimeSpan QueueTimeout => TimeSpan.FromMilliseconds(200);
    }
}
