using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.Security;

/// <summary>Where the issuer's public signing keys come from (a JWKS file, a JWKS URL, the development issuer).</summary>
public interface ISigningKeySource
{
    /// <summary>The current keys; <paramref name="refresh"/> asks a remote source to re-fetch (rate-limited).</summary>
    ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken);
}
