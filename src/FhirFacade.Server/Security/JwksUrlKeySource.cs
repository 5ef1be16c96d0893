using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.Security;

/// <summary>
/// Signing keys from the issuer's JWKS URL: fetched on first use, and again when a token names an
/// unknown <c>kid</c> (key rotation) — at most once a minute, so bad tokens cannot make us hammer the issuer.
/// </summary>
internal sealed class JwksUrlKeySource(HttpClient httpClient, Uri jwksUrl, TimeProvider timeProvider) : ISigningKeySource, IDisposable
{
    private static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private IReadOnlyList<SecurityKey>? _keys;
    private DateTimeOffset _fetchedAt;

    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is not null && (!refresh || timeProvider.GetUtcNow() - _fetchedAt < MinimumRefreshInterval))
        {
            return keys;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_keys is null || (refresh && timeProvider.GetUtcNow() - _fetchedAt >= MinimumRefreshInterval))
            {
                var json = await httpClient.GetStringAsync(jwksUrl, cancellationToken);
                _keys = JwksKeys.Parse(json);
                _fetchedAt = timeProvider.GetUtcNow();
            }

            return _keys;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
