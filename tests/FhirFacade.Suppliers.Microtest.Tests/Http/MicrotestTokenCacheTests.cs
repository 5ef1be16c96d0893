using FhirFacade.Suppliers.Microtest.Http;
using FhirFacade.TestKit.Time;

namespace FhirFacade.Suppliers.Microtest.Tests.Http;

[Trait("Category", "Unit")]
public sealed class MicrotestTokenCacheTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Get_BeforeRenewalMargin_ReturnsCachedToken()
    {
        var sut = CreateSut();
        sut.Store("k", "token-1", TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromMinutes(59));

        var token = sut.Get("k");

        token.Should().Be("token-1");
    }

    [Fact]
    public void Get_WithinRenewalMargin_ReturnsNull()
    {
        var sut = CreateSut();
        sut.Store("k", "token-1", TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(31));

        var token = sut.Get("k");

        token.Should().BeNull();
    }

    [Fact]
    public void Get_LifetimeShorterThanMargin_KeepsTokenForHalfItsLifetime()
    {
        var sut = CreateSut();
        sut.Store("k", "token-1", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(4));
        var early = sut.Get("k");
        _clock.Advance(TimeSpan.FromSeconds(2));

        var late = sut.Get("k");

        early.Should().Be("token-1");
        late.Should().BeNull();
    }

    [Fact]
    public void Invalidate_RejectedTokenAlreadyReplaced_KeepsTheNewToken()
    {
        var sut = CreateSut();
        sut.Store("k", "token-2", TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(30));

        sut.Invalidate("k", "token-1");

        sut.Get("k").Should().Be("token-2");
    }

    [Fact]
    public void Invalidate_CurrentToken_DropsIt()
    {
        var sut = CreateSut();
        sut.Store("k", "token-1", TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(30));

        sut.Invalidate("k", "token-1");

        sut.Get("k").Should().BeNull();
    }

    private MicrotestTokenCache CreateSut() => new(_clock);
}
