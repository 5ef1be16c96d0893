using FhirFacade.Audit.Postgres;
using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;
using FhirFacade.TestKit.Postgres;

namespace FhirFacade.Audit.Tests.Postgres;

[Trait("Category", "Integration")]
[Collection(AuditStoreCollection.Name)]
public sealed class PostgresAuditTrailTests(PostgresFixture postgres)
{
    [PostgresFact]
    public async Task AppendAsync_FromTwoInstancesOnOneDatabase_KeepsOneValidChain()
    {
        await using var harness = await AuditStoreHarness.CreateAsync(AuditStoreKind.Postgres, postgres);
        var instances = new[] { harness.Open(), harness.Open() };
        const int WritersPerInstance = 4;
        const int PerWriter = 25;

        var sequences = await Task.WhenAll(instances.SelectMany((store, s) => Enumerable.Range(0, WritersPerInstance).Select(w => Task.Run(async () =>
        {
            var mine = new List<long>();
            for (var i = 0; i < PerWriter; i++)
            {
                var entry = await store.AppendAsync(AuditTestRecords.Create((((s * WritersPerInstance) + w) * PerWriter) + i), CancellationToken.None);
                mine.Add(entry.Sequence);
            }

            return mine;
        }))));
        var result = await AuditChainVerifier.VerifyAsync(instances[0], CancellationToken.None);

        const int Total = 2 * WritersPerInstance * PerWriter;
        sequences.SelectMany(s => s).Should().BeEquivalentTo(Enumerable.Range(1, Total).Select(i => (long)i));
        result.IsValid.Should().BeTrue();
        result.Count.Should().Be(Total);
    }

    [PostgresFact]
    public async Task InitializeAsync_FromTwoInstancesAtOnce_CreatesTheSchemaOnce()
    {
        await using var harness = await AuditStoreHarness.CreateAsync(AuditStoreKind.Postgres, postgres);
        var first = harness.Open();
        var second = harness.Open();

        await Task.WhenAll(first.InitializeAsync(CancellationToken.None), second.InitializeAsync(CancellationToken.None));
        var entry = await second.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None);

        entry.Sequence.Should().Be(1);
    }

    [PostgresFact]
    public async Task AppendAsync_WhenTheClusterIsStopped_ThrowsAuditUnavailable()
    {
        await using var cluster = await PostgresCluster.StartAsync(CancellationToken.None);
        var connectionString = await cluster.CreateDatabaseAsync(CancellationToken.None);
        await using var sut = new PostgresAuditTrail(new AuditOptions { Store = AuditStoreKind.Postgres, PostgresConnectionString = connectionString }, TimeProvider.System);
        await sut.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None);
        await cluster.StopAsync(CancellationToken.None);

        var append = async () => await sut.AppendAsync(AuditTestRecords.Create(2), CancellationToken.None);
        var search = async () => await sut.SearchAsync(new AuditQuery(), CancellationToken.None);

        await append.Should().ThrowAsync<AuditUnavailableException>();
        await append.Should().ThrowAsync<AuditUnavailableException>();
        await search.Should().ThrowAsync<AuditUnavailableException>();
    }
}
