using System.Collections.Concurrent;
using System.Net;
using FhirFacade.Core.Audit;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.Throttling;
using FhirFacade.TestKit.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirFacade.Server.IntegrationTests.Load;

/// <summary>
/// A shed 503 releases no data, so it is answered once its audit record is queued, without waiting for the
/// commit (docs/audit.md, ADR 0010); every other answer still waits for its commit. Over the real server, with
/// the only permit held by the test (so that every limited request is shed) and a trail whose commits the test
/// holds back.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ShedAuditTests(ShedAuditTests.HeldCommitFactory factory) : IClassFixture<ShedAuditTests.HeldCommitFactory>
{
    private const string Search = SlowSuppliersFacadeServerFactory.Search;
    private const string UnknownRead = "/fhir/Patient/not-an-id-the-facade-issued";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ShedSearch_WhileItsAuditCommitIsHeld_IsAnsweredAndCommittedAfterwards()
    {
        using var permit = HoldTheOnlyPermit();
        using var held = factory.Trail.Hold();

        var sending = LoadSheddingTests.SendAsync(factory.CreateClient(), Search);
        (await Task.WhenAny(sending, Task.Delay(Patience))).Should().BeSameAs(sending, "a shed 503 does not wait for its audit commit");
        var (response, correlationId) = await sending;

        LoadSheddingTests.IsShedAnswer(response, correlationId).Should().BeTrue();
        factory.Trail.Queued.Should().Contain(correlationId, "the record was queued before the answer went");
        factory.Trail.Committed(correlationId).Should().BeNull("the commit is still held");
        held.Open(commit: true);
        var record = await factory.Trail.UntilCommittedAsync(correlationId, Patience);
        record.Outcome.HttpStatus.Should().Be(503);
        record.Outcome.IssueCode.Should().Be("throttled");
        record.Agent.ClientId.Should().Be("demo-client");
        record.Sources.Should().BeEmpty();
    }

    [Fact]
    public async Task AdmittedRead_WhileItsAuditCommitIsHeld_IsNotAnsweredUntilCommitted()
    {
        using var held = factory.Trail.Hold();
        var correlationId = Guid.NewGuid().ToString("D");

        var sending = factory.CreateClient().FhirGetAsync(UnknownRead, headers: new Dictionary<string, string> { ["X-Request-Id"] = correlationId });
        await factory.Trail.UntilQueuedAsync(correlationId, Patience);
        var early = await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(1)));
        held.Open(commit: true);
        var response = await sending;

        early.Should().NotBeSameAs(sending, "an admitted answer is released only once its record is committed");
        response.Status.Should().Be(HttpStatusCode.NotFound);
        factory.Trail.Committed(correlationId).Should().NotBeNull();
    }

    [Fact]
    public async Task ShedSearch_WhenItsHeldCommitThenFails_KeepsIts503AndTheServerServesOn()
    {
        var correlationId = Guid.NewGuid().ToString("D");
        FhirResponse shed;
        using (HoldTheOnlyPermit())
        using (var held = factory.Trail.Hold())
        {
            var sending = factory.CreateClient().FhirGetAsync(Search, headers: new Dictionary<string, string> { ["X-Request-Id"] = correlationId });
            await factory.Trail.UntilQueuedAsync(correlationId, Patience);
            held.Open(commit: false);
            shed = await sending;
        }

        var (next, nextId) = await LoadSheddingTests.SendAsync(factory.CreateClient(), UnknownRead);

        LoadSheddingTests.IsShedAnswer(shed, correlationId).Should().BeTrue("the answer that went is the shed 503, not the audit's");
        next.Status.Should().Be(HttpStatusCode.NotFound);
        factory.Trail.Committed(nextId).Should().NotBeNull();
        factory.Trail.Committed(correlationId).Should().BeNull("the commit failed after the 503 had gone");
    }

    [Fact]
    public async Task ShedSearch_WhenTheTrailRefusesItsRecordAtOnce_FailsClosedWith503Transient()
    {
        using var permit = HoldTheOnlyPermit();
        using var refusing = factory.Trail.RefuseAtOnce();

        var (response, _) = await LoadSheddingTests.SendAsync(factory.CreateClient(), Search);

        response.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Header("Retry-After").Should().NotBeNull();
        response.Issues().Should().ContainSingle().Which["code"]!.GetValue<string>().Should().Be("transient", "a record that could not even be queued fails closed as before");
    }

    private System.Threading.RateLimiting.RateLimitLease HoldTheOnlyPermit()
    {
        var lease = factory.Services.GetRequiredService<GatewayConcurrencyLimiter>().AttemptAcquire();
        lease.IsAcquired.Should().BeTrue("the test holds the only permit, so every limited request is shed");
        return lease;
    }

    /// <summary>One permit, no queue, and the <see cref="HeldCommitTrail"/> in place of the store.</summary>
    public sealed class HeldCommitFactory : FacadeServerFactory
    {
        public HeldCommitTrail Trail { get; } = new();

        protected override Dictionary<string, string?> Settings => new()
        {
            ["Facade:LoadShedding:PermitLimit"] = "1",
            ["Facade:LoadShedding:QueueLimit"] = "0",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IAuditTrail>();
                services.AddSingleton<IAuditTrail>(Trail);
            });
        }
    }

    /// <summary>
    /// An in-memory trail whose commits the test can hold back (an append then completes only when the hold is
    /// opened: committed, or failed as a store outage would) or refuse at once (as a full queue does).
    /// </summary>
    public sealed class HeldCommitTrail : IAuditTrail
    {
        private readonly InMemoryAuditTrail _committed = new();
        private readonly ConcurrentQueue<string> _queued = new();
        private volatile TaskCompletionSource<bool>? _hold;
        private volatile bool _refuse;

        /// <summary>Correlation ids in the order their records were appended (queued), committed or not.</summary>
        public IReadOnlyCollection<string> Queued => _queued;

        public CommitHold Hold()
        {
            var hold = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _hold = hold;
            return new CommitHold(hold, () => _hold = null);
        }

        public CommitHold RefuseAtOnce()
        {
            _refuse = true;
            return new CommitHold(new TaskCompletionSource<bool>(), () => _refuse = false);
        }

        public AuditRecord? Committed(string correlationId) =>
            _committed.Entries.SingleOrDefault(e => e.Record.CorrelationId == correlationId)?.Record;

        public async Task<AuditRecord> UntilCommittedAsync(string correlationId, TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            while (Committed(correlationId) is null)
            {
                await Task.Delay(20, timeout.Token);
            }

            return Committed(correlationId)!;
        }

        public async Task UntilQueuedAsync(string correlationId, TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            while (!_queued.Contains(correlationId))
            {
                await Task.Delay(20, timeout.Token);
            }
        }

        public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
        {
            if (_refuse)
            {
                // As the group-commit writer refuses when its queue is full: a ValueTask that has already failed.
                return ValueTask.FromException<AuditEntry>(new AuditUnavailableException("refused at once by the test"));
            }

            _queued.Enqueue(record.CorrelationId);
            var hold = _hold;
            return hold is null ? _committed.AppendAsync(record, cancellationToken) : AfterHoldAsync(hold, record, cancellationToken);
        }

        public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken) => _committed.SearchAsync(query, cancellationToken);

        private async ValueTask<AuditEntry> AfterHoldAsync(TaskCompletionSource<bool> hold, AuditRecord record, CancellationToken cancellationToken)
        {
            var commit = await hold.Task;
            return commit ? await _committed.AppendAsync(record, cancellationToken) : throw new AuditUnavailableException("the held commit failed");
        }
    }

    /// <summary>A hold on the trail's commits; disposing it stops holding new appends (and commits the held ones).</summary>
    public sealed class CommitHold(TaskCompletionSource<bool> hold, Action end) : IDisposable
    {
        public void Open(bool commit) => hold.TrySetResult(commit);

        public void Dispose()
        {
            end();
            hold.TrySetResult(true);
        }
    }
}
