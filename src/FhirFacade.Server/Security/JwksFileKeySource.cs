using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.Security;

/// <summary>Signing keys from a JWKS document on disk, read once.</summary>
internal sealed class JwksFileKeySource(string path) : ISigningKeySource
{
    private readonly Lazy<IReadOnlyList<SecurityKey>> _keys = new(() => JwksKeys.Parse(File.ReadAllText(path)));

    public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken) => ValueTask.FromResult(_keys.Value);
}
