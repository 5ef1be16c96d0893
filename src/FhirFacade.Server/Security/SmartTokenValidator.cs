using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.Security;

/// <summary>
/// Checks a SMART bearer JWT: the algorithm against the allow-list (so <c>none</c> and HMAC tricks
/// fail before any key is touched), the <c>kid</c> against the issuer's keys, the signature,
/// <c>iss</c>, <c>aud</c>, and <c>exp</c>/<c>nbf</c> with a small skew against the injected clock.
/// Thread-safe; one per process.
/// </summary>
/// <remarks>
/// A client sends the same token on every request until it expires, and checking its signature is a
/// few percent of a request's CPU. So an accepted token is remembered, by its exact text, with the
/// issuer and audience it was accepted for and the key object that verified it. A remembered token is
/// accepted again without re-verifying only while that same key object is still among the issuer's
/// current keys (a key source that drops or re-fetches keys forces a full check) and its <c>exp</c>
/// plus the skew has not passed on the injected clock; otherwise it goes through the full check
/// again. Rejections are never remembered. At most <see cref="MaxRememberedTokens"/> tokens are kept.
/// </remarks>
public sealed class SmartTokenValidator
{
    /// <summary>The most accepted tokens remembered at once; when full, expired ones go, then all.</summary>
    public const int MaxRememberedTokens = 1024;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, AcceptedToken> _accepted = new(StringComparer.Ordinal);
    private readonly SmartOptions _options;
    private readonly ISigningKeySource _keys;
    private readonly TimeProvider _timeProvider;

    public SmartTokenValidator(IOptions<SmartOptions> options, ISigningKeySource keys, TimeProvider timeProvider)
    {
        _options = options.Value;
        _keys = keys;
        _timeProvider = timeProvider;
    }

    /// <summary>How many accepted tokens are remembered now.</summary>
    internal int RememberedCount => _accepted.Count;

    /// <summary>Validates a token for the given expected issuer and audience.</summary>
    public async Task<TokenValidationOutcome> ValidateAsync(string token, string expectedIssuer, string expectedAudience, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenValidationOutcome.Rejected(TokenRejection.Malformed);
        }

        if (_accepted.TryGetValue(token, out var accepted))
        {
            if (await StillAcceptedAsync(accepted, expectedIssuer, expectedAudience, cancellationToken))
            {
                return TokenValidationOutcome.Accepted(accepted.Caller);
            }

            _accepted.TryRemove(token, out _);
        }

        if (!_handler.CanReadToken(token))
        {
            return TokenValidationOutcome.Rejected(TokenRejection.Malformed);
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            // Includes SecurityTokenMalformedException.
            return TokenValidationOutcome.Rejected(TokenRejection.Malformed);
        }

        if (string.IsNullOrEmpty(jwt.Alg) || !_options.AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return TokenValidationOutcome.Rejected(TokenRejection.AlgorithmNotAllowed);
        }

        var keys = await _keys.GetKeysAsync(refresh: false, cancellationToken);
        if (!HasKey(keys, jwt.Kid))
        {
            keys = await _keys.GetKeysAsync(refresh: true, cancellationToken);
            if (!HasKey(keys, jwt.Kid))
            {
                return TokenValidationOutcome.Rejected(TokenRejection.UnknownKey);
            }
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = expectedIssuer,
            ValidAudience = expectedAudience,
            IssuerSigningKeys = keys,
            ValidAlgorithms = _options.AllowedAlgorithms,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = false,
            // Lifetime is checked below against the injected TimeProvider, so tests can move the clock.
            ValidateLifetime = false,
            RequireExpirationTime = false,
        };

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return TokenValidationOutcome.Rejected(Classify(result.Exception));
        }

        var lifetime = CheckLifetime(jwt);
        if (lifetime is not null)
        {
            return TokenValidationOutcome.Rejected(lifetime.Value);
        }

        var caller = ToCaller(jwt);
        if (caller is null)
        {
            return TokenValidationOutcome.Rejected(TokenRejection.MissingClaims);
        }

        Remember(token, jwt, keys, expectedIssuer, expectedAudience, caller);
        return TokenValidationOutcome.Accepted(caller);
    }

    private async ValueTask<bool> StillAcceptedAsync(AcceptedToken accepted, string expectedIssuer, string expectedAudience, CancellationToken cancellationToken)
    {
        if (!string.Equals(accepted.Issuer, expectedIssuer, StringComparison.Ordinal)
            || !string.Equals(accepted.Audience, expectedAudience, StringComparison.Ordinal)
            || accepted.Expires + TimeSpan.FromSeconds(_options.ClockSkewSeconds) <= _timeProvider.GetUtcNow())
        {
            return false;
        }

        if (accepted.NotBefore is { } notBefore && notBefore - TimeSpan.FromSeconds(_options.ClockSkewSeconds) > _timeProvider.GetUtcNow())
        {
            return false;
        }

        var keys = await _keys.GetKeysAsync(refresh: false, cancellationToken);
        foreach (var key in keys)
        {
            if (ReferenceEquals(key, accepted.Key))
            {
                return true;
            }
        }

        return false;
    }

    private void Remember(string token, JsonWebToken jwt, IReadOnlyList<SecurityKey> keys, string issuer, string audience, FacadeCaller caller)
    {
        // Only an unambiguous key: with two keys under one kid, which one verified is not known here.
        var candidates = keys.Where(k => string.Equals(k.KeyId, jwt.Kid, StringComparison.Ordinal)).Take(2).ToList();
        if (candidates.Count != 1 || !jwt.TryGetPayloadValue<long>("exp", out var exp))
        {
            return;
        }

        DateTimeOffset? notBefore = jwt.TryGetPayloadValue<long>("nbf", out var nbf) ? DateTimeOffset.FromUnixTimeSeconds(nbf) : null;

        if (_accepted.Count >= MaxRememberedTokens)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var entry in _accepted)
            {
                if (entry.Value.Expires <= now)
                {
                    _accepted.TryRemove(entry.Key, out _);
                }
            }

            if (_accepted.Count >= MaxRememberedTokens)
            {
                _accepted.Clear();
            }
        }

        _accepted[token] = new AcceptedToken(issuer, audience, candidates[0], DateTimeOffset.FromUnixTimeSeconds(exp), notBefore, caller);
    }

    private static bool HasKey(IReadOnlyList<SecurityKey> keys, string? kid) =>
        !string.IsNullOrEmpty(kid) && keys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));

    private TokenRejection? CheckLifetime(JsonWebToken jwt)
    {
        var now = _timeProvider.GetUtcNow();
        var skew = TimeSpan.FromSeconds(_options.ClockSkewSeconds);
        if (!jwt.TryGetPayloadValue<long>("exp", out var exp))
        {
            return TokenRejection.MissingClaims;
        }

        if (DateTimeOffset.FromUnixTimeSeconds(exp) + skew <= now)
        {
            return TokenRejection.Expired;
        }

        if (jwt.TryGetPayloadValue<long>("nbf", out var nbf) && DateTimeOffset.FromUnixTimeSeconds(nbf) - skew > now)
        {
            return TokenRejection.NotYetValid;
        }

        return null;
    }

    private static TokenRejection Classify(Exception? exception) => exception switch
    {
        SecurityTokenInvalidIssuerException => TokenRejection.WrongIssuer,
        SecurityTokenInvalidAudienceException => TokenRejection.WrongAudience,
        SecurityTokenInvalidAlgorithmException => TokenRejection.AlgorithmNotAllowed,
        SecurityTokenSignatureKeyNotFoundException => TokenRejection.UnknownKey,
        SecurityTokenInvalidSignatureException => TokenRejection.BadSignature,
        SecurityTokenMalformedException => TokenRejection.Malformed,
        SecurityTokenExpiredException => TokenRejection.Expired,
        SecurityTokenNotYetValidException => TokenRejection.NotYetValid,
        _ => TokenRejection.BadSignature,
    };

    private static FacadeCaller? ToCaller(JsonWebToken jwt)
    {
        var clientId = Claim(jwt, "client_id") ?? Claim(jwt, "azp") ?? Claim(jwt, "cid");
        if (clientId is null)
        {
            return null;
        }

        return new FacadeCaller
        {
            ClientId = clientId,
            Subject = Claim(jwt, "sub"),
            FhirUser = Claim(jwt, "fhirUser"),
            OrganisationOds = Claim(jwt, "organization") ?? Claim(jwt, "ods"),
            PatientContext = Claim(jwt, "patient"),
            TokenId = Claim(jwt, "jti"),
            Scopes = SmartScope.ParseMany(ScopeClaim(jwt)),
        };
    }

    private static string? Claim(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string? ScopeClaim(JsonWebToken jwt)
    {
        if (jwt.TryGetPayloadValue<string>("scope", out var scope))
        {
            return scope;
        }

        // Some issuers send scopes as an array ("scp").
        return jwt.TryGetPayloadValue<JsonElement>("scp", out var scp) && scp.ValueKind == JsonValueKind.Array
            ? string.Join(' ', scp.EnumerateArray().Select(e => e.GetString()))
            : null;
    }

    private sealed record AcceptedToken(string Issuer, string Audience, SecurityKey Key, DateTimeOffset Expires, DateTimeOffset? NotBefore, FacadeCaller Caller);
}
