using System.Threading.Channels;
using FhirFacade.Core.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace FhirFacade.Audit.Sqlite;

/// <summary>
/// Keeps WAL checkpoints off the commit path. The writer connection runs with automatic checkpoints
/// off (<c>wal_autocheckpoint=0</c>), so the commit that crosses the threshold no longer also copies
/// the WAL into the database file and fsyncs it while every waiting request waits with it. Instead,
/// every <see cref="CommitsPerCheckpoint"/> commits this runs a <c>PASSIVE</c> checkpoint on its own
/// connection in the background; a passive checkpoint never blocks the writer
/// (<see href="https://www.sqlite.org/wal.html#checkpointing"/>). Commits are exactly as durable as
/// before: each still fsyncs the WAL (<c>synchronous=FULL</c>). Should background checkpoints fail
/// or fall behind, the writer checkpoints itself after <see cref="ForegroundAfterCommits"/> commits,
/// so the WAL stays bounded.
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

    public SqliteWalCheckpointer(SqliteAuditDatabase database, ILogger logger)
    {
        _database = database;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many checkpoints have copied the whole WAL into the database.</summary>
    public long CheckpointCount => Interlocked.Read(ref _checkpoints);

    /// <summary>
    /// Called by the writer after each commit (one writer: not thread-safe against itself). Asks for a
    /// background checkpoint every <see cref="CommitsPerCheckpoint"/> commits; checkpoints on the
    /// writer's connection when background checkpoints have not kept up.
    /// </summary>
    public async Task CommittedAsync(SqliteConnection writer, CancellationToken cancellationToken)
    {
        var pending = Interlocked.Increment(ref _sinceCheckpoint);
        if (++_sinceRequest >= CommitsPerCheckpoint)
        {
            _sinceRequest = 0;
            _requests.Writer.TryWrite(true);
        }

        if (pending < ForegroundAfterCommits)
        {
            return;
        }

        try
        {
            await CheckpointAsync(writer, cancellationToken);
        }
        catch (SqliteException exception)
        {
            // The batch is already committed: a failed checkpoint must not fail it.
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
                    await CheckpointAsync(connection, CancellationToken.None);
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

    private async Task CheckpointAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = PassiveCheckpoint;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        // One row: busy (0/1), frames in the WAL, frames checkpointed.
        if (await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0 && reader.GetInt64(1) == reader.GetInt64(2))
        {
            Interlocked.Exchange(ref _sinceCheckpoint, 0);
            Interlocked.Increment(ref _checkpoints);
        }
    }
}
