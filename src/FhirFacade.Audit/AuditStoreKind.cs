namespace FhirFacade.Audit;

/// <summary>Where the audit trail is kept.</summary>
public enum AuditStoreKind
{
    /// <summary>An embedded SQLite file (the default; one facade instance).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that several facade instances can share.</summary>
    Postgres,

    /// <summary>
    /// BENCHMARKS ONLY: nothing is recorded (the "audit off" baseline of docs/benchmarks.md). Refused
    /// at start-up unless <see cref="AuditOptions.AllowNoneForBenchmarks"/> is also set; never in production.
    /// </summary>
    None,
}
