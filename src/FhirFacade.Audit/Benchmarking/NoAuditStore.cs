using System.Runtime.CompilerServices;
using FhirFacade.Core.Audit;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Audit.Benchmarking;

/// <summary>
/// BENCHMARKS ONLY (<c>Audit:Store=None</c> with <c>Audit:AllowNoneForBenchmarks=true</c>): records
/// nothing and acknowledges every append at once, so a benchmark can measure the same server with
/// auditing off as its baseline (docs/benchmarks.md, "Audit throughput"). It computes no hash and
/// keeps no chain; searches find nothing.
/// </summary>
internal sealed partial class NoAuditStore(ILogger<NoAuditStore> logger) : IAuditStore
{
    /// <summary>Why <see cref="AuditStoreKind.None"/> is refused without the explicit benchmark switch.</summary>
    public const string RefusedMessage =
        "Audit:Store=None records nothing and is for benchmarks only; it needs Audit:AllowNoneForBenchmarks=true as well.";

    private long _sequence;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        LogAuditOff(logger);
        return Task.CompletedTask;
    }

    public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new AuditEntry(Interlocked.Increment(ref _sequence), record, AuditChain.GenesisHash, AuditChain.GenesisHash));

    public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([]);

    public Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken) => Task.FromResult(0L);

    public async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<AuditChainHead?> ReadHeadAsync(CancellationToken cancellationToken) => Task.FromResult<AuditChainHead?>(null);

    public Task ProbeWritableAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [LoggerMessage(EventId = 7010, Level = LogLevel.Warning, Message = "AUDIT IS OFF (Audit:Store=None, benchmarks only): no request is recorded")]
    private static partial void LogAuditOff(ILogger logger);
}
