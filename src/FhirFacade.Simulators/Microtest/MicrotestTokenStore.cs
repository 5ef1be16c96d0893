using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FhirFacade.Simulators.Microtest;

/// <summary>Issued opaque bearer tokens and their expiry.</summary>
internal sealed class MicrotestTokenStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    public MicrotestTokenStore(TimeProvider timeProvider, TimeSpan lifetime)
    {
        _timeProvider = timeProvider;
        Lifetime = lifetime;
    }

    public TimeSpan Lifetime { get; }

    public string Issue()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = _timeProvider.GetUtcNow() + Lifetime;
        return token;
    }

    /// <summary>Every token issued so far expires now, as if the server's clock had run past them.</summary>
    public void ExpireAll()
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var token in _tokens.Keys)
        {
            _tokens[token] = now;
        }
    }

    public TokenState Check(string? token)
    {
        if (token is null || !_tokens.TryGetValue(token, out var expiry))
        {
            return TokenState.Unknown;
        }

        return _timeProvider.GetUtcNow() >= expiry ? TokenState.Expired : TokenState.Valid;
    }
}
