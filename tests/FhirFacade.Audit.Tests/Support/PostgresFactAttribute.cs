using FhirFacade.TestKit.Postgres;

namespace FhirFacade.Audit.Tests.Support;

/// <summary>A fact that needs PostgreSQL: skipped with a reason when the binaries are missing (never in CI).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = PostgresBinaries.SkipReason;
    }
}
