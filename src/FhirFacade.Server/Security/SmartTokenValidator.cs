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
public sealed class SmartTokenValidator
{
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly SmartOptions _options;
    private readonly ISigningKeySource _keys;
    private readonly TimeProvider _timeProvider;

    public SmartTokenValidator(IOptions<SmartOptions> options, ISigningKeySource keys, TimeProvider timeProvider)
    {
        _options = options.Value;
        _keys = keys;
        _timeProvider = timeProvider;
    }

    /// <summary>Validates a token for the given expected issuer and audience.</summary>
    public async Task<TokenValidationOutcome> ValidateAsync(string token, string expectedIssuer, string expectedAudience, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || !_handler.CanReadToken(token))
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
        return caller is null ? TokenValidationOutcome.Rejected(TokenRejection.MissingClaims) : TokenValidationOutcome.Accepted(caller);
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
}
