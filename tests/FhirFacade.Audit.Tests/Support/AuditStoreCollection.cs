namespace FhirFacade.Audit.Tests.Support;

/// <summary>The store tests share one PostgreSQL cluster.</summary>
[CollectionDefinition(Name)]
public sealed class AuditStoreCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "Audit stores";
}
