using FhirFacade.Core.Audit;

namespace FhirFacade.Core.Tests.Audit;

[Trait("Category", "Unit")]
public sealed class AuditTrailCountTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(2501)]
    public async Task CountAsync_Default_ReadsEveryMatchingPage(int entries)
    {
        IAuditTrail trail = new PagedTrail(entries);

        var count = await trail.CountAsync(new AuditQuery { Count = 3, BeforeSequence = 2, AfterSequence = 1 }, CancellationToken.None);

        count.Should().Be(entries);
    }

    /// <summary>A trail of sequences 1..n that only searches (newest first, <see cref="AuditQuery.BeforeSequence"/> paging), as a store without its own count would.</summary>
    private sealed class PagedTrail(int entries) : IAuditTrail
    {
        public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
        {
            query.AfterSequence.Should().BeNull("the count reads from the newest entry down");
            var top = Math.Min(entries, (query.BeforeSequence ?? long.MaxValue) - 1);
            IReadOnlyList<AuditEntry> page = [.. Enumerable.Range(0, (int)Math.Clamp(top, 0, query.EffectiveCount)).Select(i => Entry(top - i))];
            return Task.FromResult(page);
        }

        private static AuditEntry Entry(long sequence) => new(sequence, null!, string.Empty, string.Empty);
    }
}
