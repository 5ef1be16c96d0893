using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FhirFacade.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// The authorization matrix over real Kestrel: every endpoint the application maps (read from its
/// <see cref="EndpointDataSource"/>, so a new endpoint joins the matrix by being mapped) × every HTTP
/// method it accepts × every path form of <see cref="PathVariants"/>, for an anonymous caller and for
/// a valid token whose scope covers nothing the facade serves. The canonical path must get its
/// declared answer (401 for anonymous callers, 403 <c>insufficient_scope</c> for the wrong scope,
/// except on the documented open endpoints); every other form of the path must get exactly the same
/// answer or a 404 OperationOutcome — never data, never a different decision.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EndpointAuthorizationMatrixTests(KestrelFacadeServerFactory factory) : IClassFixture<KestrelFacadeServerFactory>
{
    /// <summary>The endpoints docs/security.md lists as open: they answer anyone, with or without a token.</summary>
    public static readonly IReadOnlySet<string> AnonymousRoutes = new HashSet<string>(StringComparer.Ordinal)
    {
        "/fhir/metadata",
        "/.well-known/smart-configuration",
        "/fhir/.well-known/smart-configuration",
        "/dev-auth/jwks.json",
        "/dev-auth/token",
        "/dev-auth/authorize",
        "/dev-auth/launch",
        "/dev-auth/.well-known/openid-configuration",
        "/.well-known/openid-configuration",
        "/fhir/{**path}",
        "/",
        "/docs/{name}",
        "/viewer/{**file}",
        "/health/live",
        "/health/ready",
    };

    private const string Anonymous = "anonymous";
    private const string WrongScope = "wrong scope";
    private const int Parallelism = 8;
    private const string AllowedOrigin = "http://127.0.0.1:5173";
    private const string OtherOrigin = "https://elsewhere.example";

    private static readonly string[] AnyMethod = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
    private static readonly string[] WriteMethods = ["POST", "PUT", "DELETE", "PATCH"];

    public static TheoryData<string> Principals() => new() { Anonymous, WrongScope };

    public static TheoryData<string, string> VariantRows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var variant in PathVariants.All.Keys)
        {
            rows.Add(variant, Anonymous);
            rows.Add(variant, WrongScope);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Principals))]
    public async Task CanonicalPath_EveryEndpointAndMethod_GetsItsDeclaredAnswer(string principal)
    {
        var cases = Cases();

        var answers = await SendAllAsync(cases.Select(c => (c, c.Path)), principal);

        var failures = new List<string>();
        foreach (var (@case, answer) in answers)
        {
            var expected = Expected(@case, principal);
            if (expected is { } status ? answer.Status != status : answer.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                failures.Add($"{@case.Method} {@case.Path} ({@case.Pattern}): {(int)answer.Status}, expected {(expected is null ? "an open answer" : ((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
            }
            else if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && !answer.IsRefusal(expected.Value, @case.Method))
            {
                failures.Add($"{@case.Method} {@case.Path}: {(int)answer.Status} without its challenge and OperationOutcome");
            }
        }

        cases.Count.Should().BeGreaterThan(20, "the matrix covers every mapped endpoint and method");
        failures.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(VariantRows))]
    public async Task PathVariant_EveryEndpointAndMethod_GetsTheCanonicalAnswerOr404(string variant, string principal)
    {
        var generate = PathVariants.All[variant];
        var cases = Cases();
        var canonical = await SendAllAsync(cases.Select(c => (c, c.Path)), principal);
        var variants = cases.Select(c => (c, generate(c.Path))).Where(v => v.Item2 is not null && v.Item2 != v.c.Path).Select(v => (v.c, v.Item2!)).ToList();

        var answers = await SendAllAsync(variants, principal);

        var failures = new List<string>();
        foreach (var (@case, answer) in answers)
        {
            var expected = canonical.Single(c => c.Case == @case).Answer;
            if (answer.Status == expected.Status || (answer.Status == HttpStatusCode.NotFound && (answer.IsOperationOutcome || @case.Method == "HEAD")))
            {
                continue;
            }

            failures.Add($"{@case.Method} {answer.Path} (canonical {@case.Path}): {(int)answer.Status}, canonical {(int)expected.Status}");
        }

        variants.Should().NotBeEmpty();
        failures.Should().BeEmpty();
    }

    [Fact]
    public void EveryGetEndpoint_AcceptsHead()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText!, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Methods.Contains("GET"))
            .ToList();

        endpoints.Where(e => !e.Methods.Contains("HEAD")).Select(e => e.Pattern).Should().BeEmpty("HEAD is served wherever GET is");
        endpoints.Select(e => e.Pattern).Should().Contain(["/fhir/metadata", "/.well-known/smart-configuration", "/", "/health/live"], "FHIR and non-FHIR GET endpoints are both in the table");
    }

    /// <summary>
    /// Every endpoint that answers GET (from the endpoint table, whether or not it declares HEAD) is sent a HEAD: it must
    /// get the GET's status and challenge and no body. A GET route mapped without HEAD gets 405 or the 404 fallback to
    /// its HEAD, so it fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(Principals))]
    public async Task Head_EveryGetEndpoint_GetsTheGetDecisionWithoutBody(string principal)
    {
        var gets = Cases().Where(c => c.Method == "GET").ToList();
        var answers = await SendAllAsync(gets, principal);

        var heads = await SendAllAsync(gets.Select(c => (c with { Method = "HEAD" }, c.Path)), principal);

        var failures = new List<string>();
        foreach (var (@case, head) in heads)
        {
            var get = answers.Single(a => a.Case == @case with { Method = "GET" }).Answer;
            if (head.Status != get.Status || head.Challenge != get.Challenge || head.Body.Length != 0)
            {
                failures.Add($"HEAD {@case.Path} ({@case.Pattern}): {(int)head.Status} ({head.Body.Length} bytes, challenge '{head.Challenge}'); GET {(int)get.Status} (challenge '{get.Challenge}')");
            }
        }

        gets.Select(c => c.Pattern).Should().Contain(["/", "/.well-known/smart-configuration", "/fhir/metadata"]);
        failures.Should().BeEmpty();
    }

    [Fact]
    public void EveryMappedEndpoint_DeclaresItsAccess_AndOnlyTheDocumentedOnesAreOpen()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<EndpointAccess>() is null).Select(e => e.DisplayName).ToList();
        var open = endpoints.Where(e => e.Metadata.GetMetadata<EndpointAccess>()?.Kind == EndpointAccessKind.Anonymous).Select(e => e.RoutePattern.RawText).ToHashSet();

        undeclared.Should().BeEmpty("an endpoint without EndpointAccess metadata is refused with 404, so it is a bug");
        open.Should().BeEquivalentTo(AnonymousRoutes, "an endpoint is only open when docs/security.md says so");
    }

    /// <summary>
    /// A CORS preflight (<c>OPTIONS</c> with <c>Origin</c> and <c>Access-Control-Request-Method</c>) for every
    /// endpoint and method, from an allowed origin (loopback, in the embedded default) and from another: 204
    /// with an empty body before the gate, never 401 and never the endpoint's answer; only the allowed origin
    /// gets <c>Access-Control-Allow-Origin</c>.
    /// </summary>
    [Fact]
    public async Task Preflight_EveryEndpointAndMethod_Is204BeforeTheGateAndServesNothing()
    {
        var cases = Cases();
        var answers = new ConcurrentBag<(EndpointCase Case, string Origin, Answer Answer)>();

        var preflights = cases.SelectMany(c => new[] { (Case: c, Origin: AllowedOrigin), (Case: c, Origin: OtherOrigin) });
        await Parallel.ForEachAsync(preflights, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (request, cancellationToken) =>
        {
            var headers = new Dictionary<string, string> { ["Origin"] = request.Origin, ["Access-Control-Request-Method"] = request.Case.Method, ["Access-Control-Request-Headers"] = "authorization" };
            answers.Add((request.Case, request.Origin, await SendAsync("OPTIONS", request.Case.Path, token: null, cancellationToken, headers)));
        });

        var failures = answers
            .Where(a => a.Answer.Status != HttpStatusCode.NoContent || a.Answer.Body.Length > 0 || a.Answer.AllowOrigin != (a.Origin == AllowedOrigin ? AllowedOrigin : null))
            .Select(a => $"preflight {a.Case.Method} {a.Case.Path} from {a.Origin}: {(int)a.Answer.Status}, allow-origin '{a.Answer.AllowOrigin}', {a.Answer.Body.Length} bytes")
            .ToList();
        answers.Should().HaveCount(cases.Count * 2);
        failures.Should().BeEmpty();
    }

    /// <summary>
    /// What is not a preflight is not answered as one, whatever CORS headers it carries: an <c>OPTIONS</c> without
    /// <c>Access-Control-Request-Method</c>, and every endpoint's own method with the preflight headers, get
    /// exactly the answer the same request gets without them — the gate's.
    /// </summary>
    [Theory]
    [MemberData(nameof(Principals))]
    public async Task NotAPreflight_WithCorsHeaders_GetsTheSameAnswerAsWithout(string principal)
    {
        var cases = Cases();
        var requests = cases.Select(c => (Method: c.Method, c.Path)).Concat(cases.Select(c => (Method: "OPTIONS", c.Path))).Distinct().ToList();
        var token = principal == WrongScope ? new SecurityTokens(factory.Services).User("user/Basic.rs") : null;
        var failures = new ConcurrentBag<string>();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (request, cancellationToken) =>
        {
            var plain = await SendAsync(request.Method, request.Path, token, cancellationToken);
            var headers = new Dictionary<string, string> { ["Origin"] = AllowedOrigin };
            if (request.Method != "OPTIONS")
            {
                headers["Access-Control-Request-Method"] = request.Method;
            }

            var withCors = await SendAsync(request.Method, request.Path, token, cancellationToken, headers);
            if (withCors.Status != plain.Status || withCors.Status == HttpStatusCode.NoContent)
            {
                failures.Add($"{request.Method} {request.Path}: {(int)withCors.Status} with CORS headers, {(int)plain.Status} without");
            }
        });

        failures.Should().BeEmpty();
    }

    private static HttpStatusCode? Expected(EndpointCase @case, string principal)
    {
        if (AnonymousRoutes.Contains(@case.Pattern))
        {
            return null;
        }

        if (principal == Anonymous)
        {
            return HttpStatusCode.Unauthorized;
        }

        // $validate needs only a token at the gate: the scope is on the type validated, which the endpoint checks itself,
        // from the route's {type} when there is one (so 403 here) and otherwise from the body (this token's Basic scope
        // may validate a Basic, so the empty body is simply not a resource).
        if (@case.Kind == EndpointAccessKind.Token && @case.Pattern.EndsWith("/$validate", StringComparison.Ordinal))
        {
            return @case.Pattern.Contains("{type", StringComparison.Ordinal) ? HttpStatusCode.Forbidden : null;
        }

        // Every other operation ($everything) declares its scope at the gate, so the wrong scope is 403 like a read's.
        // The write fallbacks only say "read-only facade" (405) to an authenticated caller; no scope is involved.
        var isWriteFallback = @case.Pattern.StartsWith("/fhir", StringComparison.Ordinal)
            && !@case.Pattern.EndsWith("/_search", StringComparison.Ordinal)
            && @case.Methods.All(m => WriteMethods.Contains(m));
        return isWriteFallback ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.Forbidden;
    }

    private List<EndpointCase> Cases()
    {
        var cases = new List<EndpointCase>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : AnyMethod;
            var path = CanonicalPath(endpoint.RoutePattern);
            foreach (var method in methods)
            {
                cases.Add(new EndpointCase(endpoint.RoutePattern.RawText ?? path, method, path, methods, endpoint.Metadata.GetMetadata<EndpointAccess>()?.Kind));
            }
        }

        return cases;
    }

    /// <summary>A concrete path the pattern matches: a served resource type for <c>{type}</c>, a plain id, a multi-segment rest for a catch-all.</summary>
    private static string CanonicalPath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart { IsCatchAll: true } => "Condition/x/y",
            RoutePatternParameterPart { Name: "type" } => "Condition",
            RoutePatternParameterPart => "example",
            _ => throw new NotSupportedException(part.GetType().Name),
        })));
        return "/" + string.Join('/', segments);
    }

    private Task<List<(EndpointCase Case, Answer Answer)>> SendAllAsync(IEnumerable<EndpointCase> cases, string principal) =>
        SendAllAsync(cases.Select(c => (c, c.Path)), principal);

    private async Task<List<(EndpointCase Case, Answer Answer)>> SendAllAsync(IEnumerable<(EndpointCase Case, string Path)> requests, string principal)
    {
        var token = principal == WrongScope ? new SecurityTokens(factory.Services).User("user/Basic.rs") : null;
        var results = new ConcurrentBag<(EndpointCase, Answer)>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (request, cancellationToken) =>
            results.Add((request.Case, await SendAsync(request.Case.Method, request.Path, token, cancellationToken))));
        return [.. results];
    }

    private async Task<Answer> SendAsync(string method, string path, string? token, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), factory.Raw(path));
        request.Headers.Host = "localhost";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        using var response = await factory.RawClient.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var allowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) ? string.Join(",", origins) : null;
        return new Answer(path, response.StatusCode, response.Headers.WwwAuthenticate.ToString(), body) { AllowOrigin = allowOrigin };
    }

    private sealed record EndpointCase(string Pattern, string Method, string Path, IReadOnlyList<string> Methods, EndpointAccessKind? Kind);

    private sealed record Answer(string Path, HttpStatusCode Status, string Challenge, string Body)
    {
        public string? AllowOrigin { get; init; }

        public bool IsOperationOutcome => Body.Length > 0 && Body.TrimStart().StartsWith('{')
            && JsonDocument.Parse(Body).RootElement.TryGetProperty("resourceType", out var type) && type.GetString() == "OperationOutcome";

        // A HEAD refusal is the GET's without its body: the challenge, and nothing else.
        public bool IsRefusal(HttpStatusCode status, string method) => (method == "HEAD" ? Body.Length == 0 : IsOperationOutcome) && (status == HttpStatusCode.Unauthorized
            ? Challenge.StartsWith("Bearer", StringComparison.Ordinal)
            : Challenge.Contains("insufficient_scope", StringComparison.Ordinal));
    }
}
