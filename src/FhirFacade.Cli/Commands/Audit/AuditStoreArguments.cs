using System.CommandLine;
using FhirFacade.Audit;

namespace FhirFacade.Cli.Commands.Audit;

/// <summary>The <c>--sqlite PATH | --postgres CONNSTR</c> pair every audit command takes.</summary>
internal sealed class AuditStoreArguments
{
    public Option<string?> Sqlite { get; } = new("--sqlite") { Description = "Path of the SQLite audit database." };

    public Option<string?> Postgres { get; } = new("--postgres") { Description = "Npgsql connection string of the PostgreSQL audit database." };

    public void AddTo(Command command)
    {
        command.Options.Add(Sqlite);
        command.Options.Add(Postgres);
        command.Validators.Add(result =>
        {
            var hasSqlite = !string.IsNullOrWhiteSpace(result.GetValue(Sqlite));
            var hasPostgres = !string.IsNullOrWhiteSpace(result.GetValue(Postgres));
            if (hasSqlite == hasPostgres)
            {
                result.AddError("Give exactly one of --sqlite PATH or --postgres CONNSTR.");
            }
        });
    }

    public AuditOptions ToOptions(ParseResult parseResult)
    {
        var sqlite = parseResult.GetValue(Sqlite);
        return string.IsNullOrWhiteSpace(sqlite)
            ? new AuditOptions { Store = AuditStoreKind.Postgres, PostgresConnectionString = parseResult.GetValue(Postgres) }
            : new AuditOptions { Store = AuditStoreKind.Sqlite, SqlitePath = sqlite };
    }
}
