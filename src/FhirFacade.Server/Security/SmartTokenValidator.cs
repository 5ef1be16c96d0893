using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
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

    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

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
        catch (Exception ex) when (IsMalformedToken(ex))
        {
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

        TokenValidationResult result;
        try
        {
            result = await _handler.ValidateTokenAsync(token, parameters);
        }
        catch (Exception ex) when (IsMalformedToken(ex))
        {
            return TokenValidationOutcome.Rejected(TokenRejection.Malformed);
        }

        if (!result.IsValid)
        {
            return TokenValidationOutcome.Rejected(Classify(result.Exception));
        }

        // The claims are the sender's JSON: a number out of range or of the wrong kind is a malformed token (401), never an error.
        DateTimeOffset expires;
        DateTimeOffset? notBefore;
        FacadeCaller? caller;
        try
        {
            if (!TryReadLifetime(jwt, out expires, out notBefore, out var rejection))
            {
                return TokenValidationOutcome.Rejected(rejection.Value);
            }

            caller = ToCaller(jwt);
        }
        catch (Exception ex) when (IsMalformedToken(ex))
        {
            return TokenValidationOutcome.Rejected(TokenRejection.Malformed);
        }

        if (caller is null)
        {
            return TokenValidationOutcome.Rejected(TokenRejection.MissingClaims);
        }

        Remember(token, jwt, keys, expectedIssuer, expectedAudience, caller, expires, notBefore);
        return TokenValidationOutcome.Accepted(caller);
    }

    private async ValueTask<bool> StillAcceptedAsync(AcceptedToken accepted, string expectedIssuer, string expectedAudience, CancellationToken cancellationToken)
    {
        // Compared against the clock moved by the skew, not the token's times moved by it: those may be at the ends of the calendar.
        var now = _timeProvider.GetUtcNow();
        var skew = TimeSpan.FromSeconds(_options.ClockSkewSeconds);
        if (!string.Equals(accepted.Issuer, expectedIssuer, StringComparison.Ordinal)
            || !string.Equals(accepted.Audience, expectedAudience, StringComparison.Ordinal)
            || accepted.Expires <= now - skew)
        {
            return false;
        }

        if (accepted.NotBefore is { } notBefore && notBefore > now + skew)
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

    private void Remember(string token, JsonWebToken jwt, IReadOnlyList<SecurityKey> keys, string issuer, string audience, FacadeCaller caller, DateTimeOffset expires, DateTimeOffset? notBefore)
    {
        // Only an unambiguous key: with two keys under one kid, which one verified is not known here.
        var candidates = keys.Where(k => string.Equals(k.KeyId, jwt.Kid, StringComparison.Ordinal)).Take(2).ToList();
        if (candidates.Count != 1)
        {
            return;
        }

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

        _accepted[token] = new AcceptedToken(issuer, audience, candidates[0], expires, notBefore, caller);
    }

    private static bool HasKey(IReadOnlyList<SecurityKey> keys, string? kid) =>
        !string.IsNullOrEmpty(kid) && keys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));

    /// <summary>
    /// Reads <c>exp</c> (required) and <c>nbf</c> (optional) as whole seconds since the epoch that a
    /// <see cref="DateTimeOffset"/> can hold, and checks them against the clock with the configured skew.
    /// </summary>
    private bool TryReadLifetime(JsonWebToken jwt, out DateTimeOffset expires, out DateTimeOffset? notBefore, [NotNullWhen(false)] out TokenRejection? rejection)
    {
        expires = default;
        notBefore = null;
        rejection = null;
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.EncodedPayload));
        if (payload.RootElement.ValueKind != JsonValueKind.Object)
        {
            rejection = TokenRejection.Malformed;
            return false;
        }

        var exp = ReadNumericDate(payload.RootElement, "exp");
        var nbf = ReadNumericDate(payload.RootElement, "nbf");
        if (exp.Malformed || nbf.Malformed)
        {
            rejection = TokenRejection.Malformed;
            return false;
        }

        if (exp.Value is not { } expValue)
        {
            rejection = TokenRejection.MissingClaims;
            return false;
        }

        var now = _timeProvider.GetUtcNow();
        var skew = TimeSpan.FromSeconds(_options.ClockSkewSeconds);
        expires = expValue;
        notBefore = nbf.Value;
        if (expValue <= now - skew)
        {
            rejection = TokenRejection.Expired;
            return false;
        }

        if (nbf.Value is { } nbfValue && nbfValue > now + skew)
        {
            rejection = TokenRejection.NotYetValid;
            return false;
        }

        return true;
    }

    /// <summary>
    /// A NumericDate claim (RFC 7519 §2) as the token's own JSON states it: absent, a time, or malformed (not a
    /// whole number, or beyond what a date can hold). Read from the payload itself, because the token library keeps
    /// numeric claims in its own form and would report an unrepresentable one as absent.
    /// </summary>
    private static (DateTimeOffset? Value, bool Malformed) ReadNumericDate(JsonElement payload, string claim)
    {
        if (!payload.TryGetProperty(claim, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return (null, false);
        }

        return element.ValueKind == JsonValueKind.Number
            && element.TryGetInt64(out var seconds)
            && seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds
            ? (DateTimeOffset.FromUnixTimeSeconds(seconds), false)
            : (null, true);
    }

    /// <summary>What reading or checking a token's own text can throw: the token is malformed, whatever the reason.</summary>
    private static bool IsMalformedToken(Exception exception) =>
        exception is ArgumentException or FormatException or OverflowException or InvalidCastException or JsonException or SecurityTokenException;

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
            ScopeClaims = ScopeClaim(jwt)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
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
