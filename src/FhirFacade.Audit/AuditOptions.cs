namespace FhirFacade.Audit;

/// <summary>
/// Audit trail settings, bound from the <c>Audit</c> configuration section. There is deliberately
/// no production setting that switches auditing off: <see cref="AuditStoreKind.None"/> exists for
/// benchmarks only and is refused unless <see cref="AllowNoneForBenchmarks"/> is set as well.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Audit";

    /// <summary>The store: <see cref="AuditStoreKind.Sqlite"/> (default) or <see cref="AuditStoreKind.Postgres"/> (<see cref="AuditStoreKind.None"/> for benchmarks only).</summary>
    public AuditStoreKind Store { get; set; } = AuditStoreKind.Sqlite;

    /// <summary>
    /// Must be true for <see cref="AuditStoreKind.None"/> to be accepted (benchmarks measuring the
    /// "audit off" baseline); default false. Has no effect with any other store.
    /// </summary>
    public bool AllowNoneForBenchmarks { get; set; }

    /// <summary>The SQLite file; default <see cref="DefaultSqlitePath"/> (<c>FhirFacade/audit.db</c> in the local application data folder).</summary>
    public string? SqlitePath { get; set; }

    /// <summary>The Npgsql connection string; required when <see cref="Store"/> is Postgres.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The most records committed in one transaction (default 256).</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// How long the writer waits for more records before committing a batch that is not full
    /// (default zero: records that arrive while a commit is running form the next batch anyway).
    /// </summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How many appends may wait for the writer; beyond that appends fail at once with AuditUnavailableException (default 10000).</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long one commit may wait for a lock or run before it fails (SQLite busy timeout, PostgreSQL command timeout; default 5 s).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The default SQLite file: <c>FhirFacade/audit.db</c> under the local application data folder.</summary>
    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "FhirFacade", "audit.db");

    /// <summary>The SQLite file to use: <see cref="SqlitePath"/> or the default.</summary>
    public string ResolvedSqlitePath => string.IsNullOrWhiteSpace(SqlitePath) ? DefaultSqlitePath : SqlitePath;
}
