using System.Threading.Channels;
using FhirFacade.Core.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Audit.Sqlite;

/// <summary>
/// Keeps WAL checkpoints off the commit path and keeps the WAL bounded. The writer connection runs
/// with automatic checkpoints off (<c>wal_autocheckpoint=0</c>), so no commit also copies the WAL
/// into the database file and fsyncs it while every waiting request waits with it.
/// <list type="number">
/// <item>Every <see cref="CommitsPerCheckpoint"/> commits, a <c>PASSIVE</c> checkpoint runs on this
/// class's own connection in the background and copies the bulk of the WAL; a passive checkpoint
/// never blocks the writer (<see href="https://www.sqlite.org/wal.html#checkpointing"/>).</item>
/// <item>A background pass can only copy the frames that existed when it started, and under steady
/// load the writer has always committed more by the time it ends. SQLite starts the WAL again from
/// its beginning only when a write transaction begins with every frame copied, so background passes
/// alone let the WAL grow with every commit (about 25 KiB each) until the disk fills. So after each
/// background pass the writer finishes the job on its own connection, between batches and after the
/// batch's callers have been released (<see cref="FinishOnWriterIfDueAsync"/>): only the few frames
/// committed during the pass are left to copy, nothing else is writing, and the next commit restarts
/// the WAL (overwriting it, which also makes its fsync cheaper than an append's).</item>
/// <item>A passive pass fsyncs the database file only when no commit arrived while it copied, so under
/// load it leaves every page it wrote for the writer's finishing checkpoint to fsync (1.6–1.8 ms of
/// the writer's time on this project's benchmark machine, while requests wait). So the background
/// side fsyncs the database file itself after each pass (<see cref="SqliteDatabaseFileSync"/>), and the
/// writer's finishing checkpoint is left with the few pages committed during the pass (0.35–0.47 ms).</item>
/// <item>Should background checkpoints fail or fall behind, the writer checkpoints on its own after
/// <see cref="ForegroundAfterCommits"/> commits.</item>
/// </list>
/// Commits are exactly as durable as before: each still fsyncs the WAL (<c>synchronous=FULL</c>).
/// </summary>
internal sealed class SqliteWalCheckpointer : IAsyncDisposable
{
    /// <summary>Commits between background checkpoints (a commit writes about six pages: near SQLite's 1000-page default).</summary>
    public const int CommitsPerCheckpoint = 200;

    /// <summary>Commits without a completed checkpoint after which the writer checkpoints itself.</summary>
    public const int ForegroundAfterCommits = 10 * CommitsPerCheckpoint;

    private const string PassiveCheckpoint = "PRAGMA wal_checkpoint(PASSIVE)";

    private readonly SqliteAuditDatabase _database;
    private readonly ILogger _logger;
    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly Task _loop;
    private int _sinceRequest;
    private long _sinceCheckpoint;
    private long _checkpoints;
    private long _writerCheckpoints;
    private long _backgroundSyncs;
    private int _backgroundPassEnded;

    public SqliteWalCheckpointer(SqliteAuditDatabase database, ILogger logger)
    {
        _database = database;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many checkpoints have copied the whole WAL into the database.</summary>
    public long CheckpointCount => Interlocked.Read(ref _checkpoints);

    /// <summary>How many background passes were followed by an fsync of the database file (<see cref="SqliteDatabaseFileSync"/>).</summary>
    public long BackgroundSyncCount => Interlocked.Read(ref _backgroundSyncs);

    /// <summary>How many checkpoints the writer has run on its own connection (to finish a background pass, or as the fallback).</summary>
    public long WriterCheckpointCount => Interlocked.Read(ref _writerCheckpoints);

    /// <summary>
    /// Called by the writer after each commit (one writer: not thread-safe against itself). Asks for a
    /// background checkpoint every <see cref="CommitsPerCheckpoint"/> commits.
    /// </summary>
    public void Committed()
    {
        Interlocked.Increment(ref _sinceCheckpoint);
        if (++_sinceRequest >= CommitsPerCheckpoint)
        {
            _sinceRequest = 0;
            _requests.Writer.TryWrite(true);
        }
    }

    /// <summary>
    /// Called by the writer between batches, once the last batch's callers have been released. Checkpoints
    /// on the writer's connection when a background pass has ended since the last time (so the WAL can
    /// restart) or when background checkpoints have not kept up. Never throws for a failed checkpoint:
    /// every batch before it is already committed.
    /// </summary>
    public async Task FinishOnWriterIfDueAsync(SqliteConnection writer)
    {
        var passEnded = Interlocked.Exchange(ref _backgroundPassEnded, 0) == 1;
        if (!passEnded && Interlocked.Read(ref _sinceCheckpoint) < ForegroundAfterCommits)
        {
            return;
        }

        try
        {
            Interlocked.Increment(ref _writerCheckpoints);
            await CheckpointAsync(writer);
        }
        catch (SqliteException exception)
        {
            AuditLog.CheckpointFailed(_logger, exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        SqliteConnection? connection = null;
        try
        {
            await foreach (var _ in _requests.Reader.ReadAllAsync())
            {
                try
                {
                    connection ??= await OpenAsync();
                    await CheckpointAsync(connection);

                    // A passive pass under load leaves the pages it wrote unsynced (see the class comment).
                    if (SqliteDatabaseFileSync.TrySync(connection))
                    {
                        Interlocked.Increment(ref _backgroundSyncs);
                    }

                    Volatile.Write(ref _backgroundPassEnded, 1);
                }
                catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or AuditUnavailableException)
                {
                    // Not fatal: commits do not depend on checkpoints; the next request (or the writer) retries.
                    AuditLog.CheckpointFailed(_logger, exception);
                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        _database.EnsureFilePresent();
        var connection = await _database.OpenReaderAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=FULL";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private async Task CheckpointAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PassiveCheckpoint;
        await using var reader = await command.ExecuteReaderAsync();

        // One row: busy (0/1), frames in the WAL, frames checkpointed.
        if (await reader.ReadAsync() && reader.GetInt64(0) == 0 && reader.GetInt64(1) == reader.GetInt64(2))
        {
            Interlocked.Exchange(ref _sinceCheckpoint, 0);
            Interlocked.Increment(ref _checkpoints);
        }
    }
}
