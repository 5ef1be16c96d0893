namespace FhirFacade.Server.IntegrationTests.DevAuthorization;

/// <summary>One development-issuer server shared by the issuer's tests (each test uses its own PKCE verifier, code and launch).</summary>
[CollectionDefinition(Name)]
public sealed class DevIssuerCollection : ICollectionFixture<DevIssuerFactory>
{
    public const string Name = "dev issuer";
}
