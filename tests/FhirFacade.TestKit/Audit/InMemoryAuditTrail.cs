using System.Runtime.CompilerServices;
using FhirFacade.Core.Audit;

namespace FhirFacade.TestKit.Audit;

/// <summary>
/// An in-memory, hash-chained audit trail for tests: the same content rules and chain as the real
/// stores, no durability. Set <see cref="IsAvailable"/> to false to make every call throw
/// <see cref="AuditUnavailableException"/> (to test that the server fails closed).
/// </summary>
public sealed class InMemoryAuditTrail : IAuditTrail, IAuditChainReader
{
    private readonly Lock _gate = new();
    private readonly List<AuditEntry> _entries = [];

    /// <summary>False makes appends, searches and reads fail with <see cref="AuditUnavailableException"/>.</summary>
    public bool IsAvailable { get; set; } = true;

    /// <summary>A snapshot of every committed entry, oldest first.</summary>
    public IReadOnlyList<AuditEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfUnavailable();
        var normalized = AuditRecordRules.Normalize(record);
        lock (_gate)
        {
            var head = _entries.Count == 0 ? AuditChain.EmptyHead : new AuditChainHead(_entries[^1].Sequence, _entries[^1].Hash);
            var entry = AuditChain.Append(head, [normalized])[0];
            _entries.Add(entry);
            return ValueTask.FromResult(entry);
        }
    }

    public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfUnavailable();
        var matches = Entries.Where(e => Matches(e, query));
        IReadOnlyList<AuditEntry> page = query.AfterSequence is null
            ? [.. matches.OrderByDescending(e => e.Sequence).Take(query.EffectiveCount)]
            : [.. matches.OrderBy(e => e.Sequence).Take(query.EffectiveCount).OrderByDescending(e => e.Sequence)];
        return Task.FromResult(page);
    }

    public Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ThrowIfUnavailable();
        var filters = query with { BeforeSequence = null, AfterSequence = null };
        return Task.FromResult((long)Entries.Count(e => Matches(e, filters)));
    }

    public async IAsyncEnumerable<AuditChainRow> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        foreach (var entry in Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AuditChainRow(entry.Sequence, entry.Record, entry.PreviousHash, entry.Hash);
        }

        await Task.CompletedTask;
    }

    public Task<AuditChainHead?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        var entries = Entries;
        return Task.FromResult<AuditChainHead?>(
            entries.Count == 0 ? AuditChain.EmptyHead : new AuditChainHead(entries[^1].Sequence, entries[^1].Hash));
    }

    private static bool Matches(AuditEntry entry, AuditQuery query)
    {
        var record = entry.Record;
        return (query.PatientNhsNumber is null || record.PatientNhsNumber == query.PatientNhsNumber)
            && (query.From is null || record.Recorded >= query.From)
            && (query.To is null || record.Recorded < query.To)
            && (query.Agent is null || record.Agent.ClientId == query.Agent || record.Agent.UserId == query.Agent)
            && (query.AgentOrganisationOdsCode is null || record.Agent.OrganisationOdsCode == query.AgentOrganisationOdsCode)
            && (query.CorrelationId is null || record.CorrelationId == query.CorrelationId)
            && (query.BeforeSequence is null || entry.Sequence < query.BeforeSequence)
            && (query.AfterSequence is null || entry.Sequence > query.AfterSequence);
    }

    private void ThrowIfUnavailable()
    {
        if (!IsAvailable)
        {
            throw new AuditUnavailableException("The in-memory audit trail is set unavailable.");
        }
    }
}
