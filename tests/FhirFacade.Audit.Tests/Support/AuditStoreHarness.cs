using FhirFacade.Audit.Postgres;
using FhirFacade.Audit.Sqlite;
using FhirFacade.TestKit.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FhirFacade.Audit.Tests.Support;

/// <summary>Creates a fresh store of either kind and gives raw SQL access to tamper with it.</summary>
internal sealed class AuditStoreHarness : IAsyncDisposable
{
    private readonly List<IAuditStore> _stores = [];
    private readonly string? _directory;

    private AuditStoreHarness(AuditStoreKind kind, AuditOptions options, string? directory)
    {
        Kind = kind;
        Options = options;
        _directory = directory;
    }

    public AuditStoreKind Kind { get; }

    public AuditOptions Options { get; }

    /// <summary>The store kinds to run the shared suite against: SQLite always, PostgreSQL unless skipped.</summary>
    public static TheoryData<AuditStoreKind> Kinds()
    {
        var kinds = new TheoryData<AuditStoreKind> { AuditStoreKind.Sqlite };
        if (PostgresBinaries.SkipReason is null)
        {
            kinds.Add(AuditStoreKind.Postgres);
        }

        return kinds;
    }

    public static async Task<AuditStoreHarness> CreateAsync(AuditStoreKind kind, PostgresFixture postgres, Action<AuditOptions>? configure = null)
    {
        var options = new AuditOptions { Store = kind };
        string? directory = null;
        if (kind == AuditStoreKind.Sqlite)
        {
            directory = Path.Combine(Path.GetTempPath(), "ffaudit-" + Guid.NewGuid().ToString("N")[..12]);
            options.SqlitePath = Path.Combine(directory, "audit.db");
        }
        else
        {
            options.PostgresConnectionString = await postgres.CreateDatabaseAsync();
        }

        configure?.Invoke(options);
        return new AuditStoreHarness(kind, options, directory);
    }

    /// <summary>Opens a store instance (several may share the same database).</summary>
    public IAuditStore Open(Task? writerStartGate = null)
    {
        IAuditStore store = Kind == AuditStoreKind.Sqlite
            ? new SqliteAuditTrail(Options, TimeProvider.System, null, writerStartGate)
            : new PostgresAuditTrail(Options, TimeProvider.System, null, writerStartGate);
        _stores.Add(store);
        return store;
    }

    public static long BatchCount(IAuditStore store) => store switch
    {
        SqliteAuditTrail sqlite => sqlite.BatchCount,
        PostgresAuditTrail postgres => postgres.BatchCount,
        _ => throw new ArgumentOutOfRangeException(nameof(store)),
    };

    /// <summary>Runs raw SQL against the store's database, as an attacker with database access would.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        if (Kind == AuditStoreKind.Sqlite)
        {
            await using var connection = new SqliteConnection($"Data Source={Options.SqlitePath};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = new NpgsqlConnection(Options.PostgresConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (Kind == AuditStoreKind.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
        }

        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
