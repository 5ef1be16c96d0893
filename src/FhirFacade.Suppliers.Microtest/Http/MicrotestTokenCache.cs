using System.Collections.Concurrent;

namespace FhirFacade.Suppliers.Microtest.Http;

/// <summary>
/// Access tokens per token endpoint and client id, each kept until <c>expires_in</c> minus a renewal
/// margin. Thread-safe; a token the API rejected is dropped with <see cref="Invalidate"/>.
/// </summary>
internal sealed class MicrotestTokenCache(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new(StringComparer.Ordinal);

    public string? Get(string key)
    {
        if (_tokens.TryGetValue(key, out var token) && timeProvider.GetUtcNow() < token.RenewAfter)
        {
            return token.AccessToken;
        }

        return null;
    }

    public void Store(string key, string accessToken, TimeSpan lifetime, TimeSpan renewalMargin)
    {
        var usable = lifetime > renewalMargin ? lifetime - renewalMargin : lifetime / 2;
        _tokens[key] = new CachedToken(accessToken, timeProvider.GetUtcNow() + usable);
    }

    /// <summary>Drops the token only if it is still the one that was rejected (another request may already have renewed it).</summary>
    public void Invalidate(string key, string rejectedToken)
    {
        if (_tokens.TryGetValue(key, out var current) && current.AccessToken == rejectedToken)
        {
            _tokens.TryRemove(new KeyValuePair<string, CachedToken>(key, current));
        }
    }

    private sealed record CachedToken(string AccessToken, DateTimeOffset RenewAfter);
}
