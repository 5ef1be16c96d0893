namespace FhirFacade.Audit;

/// <summary>Where the audit trail is kept.</summary>
public enum AuditStoreKind
{
    /// <summary>An embedded SQLite file (the default; one facade instance).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that several facade instances can share.</summary>
    Postgres,
}
