using FhirFacade.Core.Errors;
using FhirFacade.Core.Suppliers;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Security;
using FhirFacade.TestKit.Server;
using FhirFacade.TestKit.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Tests.Security;

/// <summary>The one authorization decision, on the endpoint routing chose and the metadata it declares.</summary>
[Trait("Category", "Unit")]
public sealed class EndpointAuthorizationMiddlewareTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TestTokens _tokens;
    private bool _nextRan;

    public EndpointAuthorizationMiddlewareTests() => _tokens = new TestTokens(_clock.GetUtcNow());

    [Fact]
    public async Task InvokeAsync_NoEndpoint_Is404AndNothingRuns()
    {
        var context = Context(endpoint: null, token: _tokens.Mint());

        var act = () => CreateSut().InvokeAsync(context);

        (await act.Should().ThrowAsync<FacadeException>()).Which.StatusCode.Should().Be(404);
        _nextRan.Should().BeFalse();
    }

    [Fact]
    public async Task InvokeAsync_EndpointDeclaringNoAccess_Is404EvenWithAGoodToken()
    {
        var context = Context(Route("/fhir/Condition", access: null), token: _tokens.Mint());

        var act = () => CreateSut().InvokeAsync(context);

        (await act.Should().ThrowAsync<FacadeException>()).Which.StatusCode.Should().Be(404);
        _nextRan.Should().BeFalse("an endpoint that does not say what it needs is never served");
    }

    [Fact]
    public async Task InvokeAsync_AnonymousEndpoint_RunsWithoutAToken()
    {
        var context = Context(Route("/fhir/metadata", EndpointAccess.Anonymous), token: null);

        await CreateSut().InvokeAsync(context);

        _nextRan.Should().BeTrue();
        context.GetCaller().Should().BeNull();
    }

    [Theory]
    [InlineData("token")]
    [InlineData("scope")]
    public async Task InvokeAsync_GuardedEndpointWithoutToken_Is401WithAChallenge(string kind)
    {
        var access = kind == "token" ? EndpointAccess.Token : EndpointAccess.ScopeOnRouteType(ScopeAccess.Search);
        var context = Context(Route("/fhir/{type}", access, ("type", "Condition")), token: null);

        var act = () => CreateSut().InvokeAsync(context);

        var refusal = (await act.Should().ThrowAsync<FacadeException>()).Which;
        refusal.StatusCode.Should().Be(401);
        refusal.Headers["WWW-Authenticate"].Should().StartWith("Bearer realm=\"FhirFacade\"");
        _nextRan.Should().BeFalse();
    }

    [Theory]
    [InlineData("condition")]
    [InlineData("CONDITION")]
    [InlineData("Medication\u017Ftatement")]
    [InlineData("Observation")]
    public async Task InvokeAsync_RouteTypeNotServedUnderThatExactName_Is404ForEveryToken(string boundType)
    {
        var context = Context(Route("/fhir/{type}", EndpointAccess.ScopeOnRouteType(ScopeAccess.Search), ("type", boundType)), token: _tokens.Mint(c => c["scope"] = "user/Condition.rs"));

        var act = () => CreateSut().InvokeAsync(context);

        (await act.Should().ThrowAsync<FacadeException>()).Which.StatusCode.Should().Be(404);
        _nextRan.Should().BeFalse();
    }

    [Theory]
    [InlineData("user/Condition.rs", "Condition", true)]
    [InlineData("user/Condition.r", "Condition", false)]
    [InlineData("user/Condition.rs", "Patient", false)]
    [InlineData("user/*.rs", "MedicationStatement", true)]
    [InlineData("patient/*.rs", "Condition", false)]
    public async Task InvokeAsync_RouteBoundType_IsCheckedAgainstTheScopes(string scopes, string boundType, bool allowed)
    {
        var context = Context(Route("/fhir/{type}", EndpointAccess.ScopeOnRouteType(ScopeAccess.Search), ("type", boundType)), token: _tokens.Mint(c => c["scope"] = scopes));

        var act = () => CreateSut().InvokeAsync(context);

        if (allowed)
        {
            await act.Should().NotThrowAsync();
            context.GetCaller()!.ClientId.Should().Be("test-client");
        }
        else
        {
            var refusal = (await act.Should().ThrowAsync<FacadeException>()).Which;
            refusal.StatusCode.Should().Be(403);
            refusal.Issues[0].Detail!.Code.Should().Be(SpineErrorCodes.AccessDenied);
            refusal.Headers["WWW-Authenticate"].Should().Contain("error=\"insufficient_scope\"").And.Contain(boundType);
        }

        _nextRan.Should().Be(allowed);
    }

    [Theory]
    [InlineData("user/AuditEvent.rs", true)]
    [InlineData("system/AuditEvent.s", true)]
    [InlineData("user/*.rs", false)]
    [InlineData("patient/AuditEvent.rs", false)]
    public async Task InvokeAsync_ExplicitScopeEndpoint_TakesNoWildcardOrPatientScope(string scopes, bool allowed)
    {
        var context = Context(Route("/fhir/AuditEvent", EndpointAccess.Scope("AuditEvent", ScopeAccess.Search, explicitScopeOnly: true)), token: _tokens.Mint(c =>
        {
            c["scope"] = scopes;
            c["patient"] = "some-patient";
        }));

        var act = () => CreateSut().InvokeAsync(context);

        if (allowed)
        {
            await act.Should().NotThrowAsync();
        }
        else
        {
            (await act.Should().ThrowAsync<FacadeException>()).Which.StatusCode.Should().Be(403);
        }

        _nextRan.Should().Be(allowed);
    }

    [Fact]
    public async Task InvokeAsync_TokenForTheHostTheRequestNames_IsRefusedUnlessItIsTheConfiguredAudience()
    {
        var otherHostToken = _tokens.Mint(audience: "https://other.test/fhir");
        var context = Context(Route("/fhir/{type}", EndpointAccess.ScopeOnRouteType(ScopeAccess.Search), ("type", "Condition")), token: otherHostToken);
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("other.test");

        var act = () => CreateSut().InvokeAsync(context);

        var refusal = (await act.Should().ThrowAsync<FacadeException>()).Which;
        refusal.StatusCode.Should().Be(401);
        refusal.Headers["WWW-Authenticate"].Should().Contain("error=\"invalid_token\"");
        _nextRan.Should().BeFalse();
    }

    public void Dispose() => _tokens.Dispose();

    private EndpointAuthorizationMiddleware CreateSut()
    {
        var smartOptions = Options.Create(new SmartOptions { Issuer = TestTokens.Issuer, Audience = TestTokens.Audience });
        var validator = new SmartTokenValidator(smartOptions, new StaticKeys(_tokens.PublicKey), _clock);
        var endpoints = new SmartEndpoints(smartOptions, Options.Create(new FacadeServerOptions()), listenUrls: null, "/fhir", devIssuerEnabled: false);
        return new EndpointAuthorizationMiddleware(
            _ =>
            {
                _nextRan = true;
                return Task.CompletedTask;
            },
            validator,
            endpoints,
            new SupplierAdapterRegistry([new FakeSupplierAdapter()]),
            NullLogger<EndpointAuthorizationMiddleware>.Instance);
    }

    private static DefaultHttpContext Context(Endpoint? endpoint, string? token)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("facade.test");
        if (token is not null)
        {
            context.Request.Headers.Authorization = "Bearer " + token;
        }

        if (endpoint is not null)
        {
            context.SetEndpoint(endpoint);
            if (endpoint.Metadata.GetMetadata<RouteValues>() is { } values)
            {
                foreach (var (name, value) in values.Values)
                {
                    context.Request.RouteValues[name] = value;
                }
            }
        }

        return context;
    }

    private static RouteEndpoint Route(string pattern, EndpointAccess? access, params (string Name, string Value)[] values)
    {
        var metadata = new List<object> { new RouteValues(values) };
        if (access is not null)
        {
            metadata.Add(access);
        }

        return new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection(metadata), pattern);
    }

    /// <summary>What routing would have bound for the test endpoint.</summary>
    private sealed record RouteValues((string Name, string Value)[] Values);

    private sealed class StaticKeys(Microsoft.IdentityModel.Tokens.SecurityKey key) : ISigningKeySource
    {
        public ValueTask<IReadOnlyList<Microsoft.IdentityModel.Tokens.SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<Microsoft.IdentityModel.Tokens.SecurityKey>>([key]);
    }
}
