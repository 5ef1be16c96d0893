using FhirFacade.Server.Security;
using FhirFacade.TestKit.Time;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace FhirFacade.Server.Tests.Security;

[Trait("Category", "Unit")]
public sealed class SmartTokenValidatorTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TestTokens _tokens;

    public SmartTokenValidatorTests() => _tokens = new TestTokens(_clock.GetUtcNow());

    public static TheoryData<string, TokenRejection> BadTokens() => new()
    {
        { "expired", TokenRejection.Expired },
        { "not yet valid", TokenRejection.NotYetValid },
        { "wrong issuer", TokenRejection.WrongIssuer },
        { "wrong audience", TokenRejection.WrongAudience },
        { "alg none", TokenRejection.AlgorithmNotAllowed },
        { "HS256 signed with the public key", TokenRejection.AlgorithmNotAllowed },
        { "unknown kid", TokenRejection.UnknownKey },
        { "bad signature", TokenRejection.BadSignature },
        { "signed by another key claiming the known kid", TokenRejection.BadSignature },
        { "malformed", TokenRejection.Malformed },
        { "not three parts", TokenRejection.Malformed },
        { "no client id", TokenRejection.MissingClaims },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task ValidateAsync_BadToken_IsRejectedForTheRightReason(string kind, TokenRejection expected)
    {
        var token = Token(kind);

        var outcome = await CreateSut().ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        outcome.IsValid.Should().BeFalse(kind);
        outcome.Caller.Should().BeNull();
        outcome.Rejection.Should().Be(expected, kind);
    }

    public static TheoryData<string, TokenRejection> OutOfRangeLifetimes() => new()
    {
        // raw exp/nbf members of a correctly signed token, and the refusal (every one a 401, never an exception)
        { "\"exp\": 1e30", TokenRejection.Malformed },
        { "\"exp\": 99999999999999999999999", TokenRejection.Malformed },
        { "\"exp\": 9223372036854775807", TokenRejection.Malformed },
        { "\"exp\": 253402300800", TokenRejection.Malformed },
        { "\"exp\": -9223372036854775808", TokenRejection.Malformed },
        { "\"exp\": -62135596801", TokenRejection.Malformed },
        { "\"exp\": -1", TokenRejection.Expired },
        { "\"exp\": 1.5", TokenRejection.Malformed },
        { "\"exp\": \"2030-01-01\"", TokenRejection.Malformed },
        { "\"exp\": true", TokenRejection.Malformed },
        { "\"exp\": [4102444800]", TokenRejection.Malformed },
        { "\"exp\": {\"at\": 4102444800}", TokenRejection.Malformed },
        { "\"exp\": null", TokenRejection.Malformed },
        { "\"exp\": 4102444800, \"nbf\": 1e30", TokenRejection.Malformed },
        { "\"exp\": 4102444800, \"nbf\": 9223372036854775807", TokenRejection.Malformed },
        { "\"exp\": 4102444800, \"nbf\": -9223372036854775808", TokenRejection.Malformed },
        { "\"exp\": 4102444800, \"nbf\": \"now\"", TokenRejection.Malformed },
        { "\"exp\": 4102444800, \"nbf\": 253402300799", TokenRejection.NotYetValid },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeLifetimes))]
    public async Task ValidateAsync_LifetimeClaimOutOfRangeOrNotANumber_IsRejectedNotThrown(string claims, TokenRejection expected)
    {
        var token = _tokens.MintRaw(claims);

        var outcome = await CreateSut().ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        outcome.IsValid.Should().BeFalse(claims);
        outcome.Rejection.Should().Be(expected, claims);
    }

    [Fact]
    public async Task ValidateAsync_RememberedTokenExpiringAtTheEndOfTime_IsStillCheckedWithoutOverflow()
    {
        var token = _tokens.MintRaw("\"exp\": 253402300799");
        var sut = CreateSut();

        var first = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);
        var second = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        first.IsValid.Should().BeTrue("a token may be valid until 9999-12-31; that is the issuer's choice");
        second.Caller.Should().BeSameAs(first.Caller);
    }

    [Fact]
    public async Task ValidateAsync_GoodToken_GivesTheCaller()
    {
        var token = _tokens.Mint(c =>
        {
            c["scope"] = "launch/patient patient/Condition.rs openid";
            c["patient"] = "pat-1";
            c["organization"] = "A81001";
            c["fhirUser"] = "Practitioner/gp1";
        });

        var outcome = await CreateSut().ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        outcome.IsValid.Should().BeTrue();
        outcome.Caller!.ClientId.Should().Be("test-client");
        outcome.Caller.PatientContext.Should().Be("pat-1");
        outcome.Caller.OrganisationOds.Should().Be("A81001");
        outcome.Caller.FhirUser.Should().Be("Practitioner/gp1");
        outcome.Caller.Scopes.Should().ContainSingle().Which.Should().Be(new SmartScope(ScopeContext.Patient, "Condition", ScopeAccess.Read | ScopeAccess.Search));
        outcome.Caller.ScopeClaims.Should().Equal("launch/patient", "patient/Condition.rs", "openid");
    }

    [Fact]
    public async Task ValidateAsync_ExpiredWithinSkew_IsAccepted()
    {
        var token = _tokens.Mint(expires: _clock.GetUtcNow().AddSeconds(-30));

        var outcome = await CreateSut().ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        outcome.IsValid.Should().BeTrue("60 s of clock skew is tolerated");
    }

    [Fact]
    public async Task ValidateAsync_ClockMovesPastExpiry_RejectsTheSameToken()
    {
        var token = _tokens.Mint(expires: _clock.GetUtcNow().AddMinutes(5));
        var sut = CreateSut();

        var before = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var after = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        before.IsValid.Should().BeTrue();
        after.Rejection.Should().Be(TokenRejection.Expired);
    }

    [Fact]
    public async Task ValidateAsync_SameTokenAgain_IsAcceptedFromMemoryWithTheSameCaller()
    {
        var token = _tokens.Mint();
        var sut = CreateSut();

        var first = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);
        var second = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        first.IsValid.Should().BeTrue();
        second.Caller.Should().BeSameAs(first.Caller, "the second check is answered from the remembered acceptance");
        sut.RememberedCount.Should().Be(1);
    }

    [Fact]
    public async Task ValidateAsync_RememberedTokenForAnotherAudienceOrIssuer_IsRejected()
    {
        var token = _tokens.Mint();
        var sut = CreateSut();
        await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        var otherAudience = await sut.ValidateAsync(token, TestTokens.Issuer, "https://other-server.test/fhir", CancellationToken.None);
        var otherIssuer = await sut.ValidateAsync(token, "https://evil.test", TestTokens.Audience, CancellationToken.None);

        otherAudience.Rejection.Should().Be(TokenRejection.WrongAudience);
        otherIssuer.Rejection.Should().Be(TokenRejection.WrongIssuer);
    }

    [Fact]
    public async Task ValidateAsync_RememberedTokenAfterItsKeyIsWithdrawn_IsRejected()
    {
        var token = _tokens.Mint();
        var keys = new MutableKeys(_tokens.PublicKey);
        var sut = new SmartTokenValidator(Options.Create(new SmartOptions()), keys, _clock);
        var before = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        keys.Current = [];
        var after = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        before.IsValid.Should().BeTrue();
        after.Rejection.Should().Be(TokenRejection.UnknownKey);
    }

    [Fact]
    public async Task ValidateAsync_RememberedTokenAfterItsKeyIsReplacedUnderTheSameKid_IsCheckedAgainstTheNewKey()
    {
        var token = _tokens.Mint();
        var keys = new MutableKeys(_tokens.PublicKey);
        var sut = new SmartTokenValidator(Options.Create(new SmartOptions()), keys, _clock);
        var before = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        // A re-fetched JWKS whose "test-key" is now a different key: the remembered acceptance must not stand.
        keys.Current = [_tokens.OtherPublicKeySameKid];
        var after = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        before.IsValid.Should().BeTrue();
        after.Rejection.Should().Be(TokenRejection.BadSignature);
    }

    [Fact]
    public async Task ValidateAsync_ClockMovedBackBeforeNotBefore_RejectsARememberedToken()
    {
        var token = _tokens.Mint(notBefore: _clock.GetUtcNow().AddMinutes(-1), expires: _clock.GetUtcNow().AddMinutes(30));
        var sut = CreateSut();
        var before = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        _clock.Set(_clock.GetUtcNow().AddMinutes(-10));
        var after = await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None);

        before.IsValid.Should().BeTrue();
        after.Rejection.Should().Be(TokenRejection.NotYetValid);
    }

    [Fact]
    public async Task ValidateAsync_ManyDistinctTokens_RemembersAtMostTheLimit()
    {
        var sut = CreateSut();

        for (var i = 0; i < SmartTokenValidator.MaxRememberedTokens + 5; i++)
        {
            var token = _tokens.Mint(c => c["jti"] = "token-" + i);
            (await sut.ValidateAsync(token, TestTokens.Issuer, TestTokens.Audience, CancellationToken.None)).IsValid.Should().BeTrue();
        }

        sut.RememberedCount.Should().BeInRange(1, SmartTokenValidator.MaxRememberedTokens);
    }

    public void Dispose() => _tokens.Dispose();

    private string Token(string kind) => kind switch
    {
        "expired" => _tokens.Mint(notBefore: _clock.GetUtcNow().AddHours(-2), expires: _clock.GetUtcNow().AddMinutes(-5)),
        "not yet valid" => _tokens.Mint(notBefore: _clock.GetUtcNow().AddMinutes(10), expires: _clock.GetUtcNow().AddMinutes(40)),
        "wrong issuer" => _tokens.Mint(issuer: "https://evil.test"),
        "wrong audience" => _tokens.Mint(audience: "https://other-server.test/fhir"),
        "alg none" => _tokens.MintUnsigned(),
        "HS256 signed with the public key" => _tokens.MintHs256WithPublicKey(),
        "unknown kid" => _tokens.MintWithUnknownKey(),
        "bad signature" => TestTokens.Tamper(_tokens.Mint()),
        "signed by another key claiming the known kid" => _tokens.MintWithWrongKeySameKid(),
        "malformed" => "eyJhbGciOiJSUzI1NiJ9.not-base64!.sig",
        "not three parts" => "just-a-string",
        "no client id" => _tokens.Mint(c => c.Remove("client_id")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private SmartTokenValidator CreateSut() =>
        new(Options.Create(new SmartOptions()), new StaticKeys(_tokens.PublicKey), _clock);

    private sealed class StaticKeys(SecurityKey key) : ISigningKeySource
    {
        public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<SecurityKey>>([key]);
    }

    private sealed class MutableKeys(SecurityKey key) : ISigningKeySource
    {
        public IReadOnlyList<SecurityKey> Current { get; set; } = [key];

        public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Current);
    }
}
