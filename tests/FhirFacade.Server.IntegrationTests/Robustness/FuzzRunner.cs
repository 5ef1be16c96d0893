using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using FhirFacade.Core.Audit;
using FhirFacade.Server.Http;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// Sends generated requests with a few in flight at once, bounded in count and in time, then checks
/// every answer with <see cref="FuzzOracle"/> and the audit trail: each request that reached the
/// application (its answer carries X-Request-Id) has exactly one audit record, with the status the
/// caller saw. Prints the seed, a histogram of statuses and every failing request in full.
/// </summary>
/// <remarks>
/// Over a socket the request target goes out exactly as generated; the in-memory test server reads
/// path and query through <see cref="Uri.GetComponents(UriComponents, UriFormat)"/>, which a raw
/// target does not allow, so there the target is parsed as a normal <see cref="Uri"/> (dot segments
/// removed) and one that does not parse is counted as not sendable.
/// </remarks>
internal sealed class FuzzRunner(HttpClient client, Uri baseAddress, IReadOnlyDictionary<string, string?> credentials, bool rawTargets)
{
    /// <summary>The status recorded for a request the client could not even build.</summary>
    public const int NotSendable = -1;

    private static readonly UriCreationOptions RawTarget = new() { DangerousDisablePathAndQueryCanonicalization = true };

    /// <summary>Runs <paramref name="requests"/> until done or until <paramref name="budget"/> is spent.</summary>
    public async Task<FuzzReport> RunAsync(IReadOnlyList<FuzzRequest> requests, int concurrency, TimeSpan budget, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<(FuzzRequest Request, FuzzResponse Response)>();
        var next = -1;
        var clock = Stopwatch.StartNew();

        async Task WorkerAsync()
        {
            while (clock.Elapsed < budget && Interlocked.Increment(ref next) is var i && i < requests.Count)
            {
                results.Add((requests[i], await SendAsync(requests[i], cancellationToken)));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync, cancellationToken)));
        return new FuzzReport([.. results.OrderBy(r => r.Request.Index)], clock.Elapsed);
    }

    private async Task<FuzzResponse> SendAsync(FuzzRequest request, CancellationToken cancellationToken)
    {
        var text = baseAddress.GetLeftPart(UriPartial.Authority) + request.Target;
        Uri? uri;
        if (rawTargets)
        {
            uri = new Uri(text, RawTarget);
        }
        else if (!Uri.TryCreate(text, UriKind.Absolute, out uri))
        {
            return new FuzzResponse(NotSendable, null, [], null, false, "the target is not a URI");
        }

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (credentials[request.Credential] is { } authorization)
        {
            message.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            using var response = await client.SendAsync(message, timeout.Token);
            var body = await DecodedBodyAsync(response, timeout.Token);
            return new FuzzResponse(
                (int)response.StatusCode,
                response.Content.Headers.ContentType?.ToString(),
                body,
                response.Headers.TryGetValues(CorrelationIdMiddleware.HeaderName, out var ids) ? ids.First() : null,
                response.Headers.RetryAfter is not null);
        }
        catch (InvalidOperationException ex) when (!rawTargets && ex.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // The test server refuses a decoded NUL in the path before sending (Kestrel answers it 400 itself).
            return new FuzzResponse(NotSendable, null, [], null, false, ex.Message);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Over a socket: the connection failed. In memory: also an exception that escaped the
            // application, which the test server hands to the client (Kestrel would answer an empty 500).
            return new FuzzResponse(0, null, [], null, false, Describe(ex));
        }
    }

    // The exception and, when it wraps others, the innermost one (a socket's reset is two levels down).
    private static string Describe(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var text = exception.GetType().Name + ": " + exception.Message;
        return ReferenceEquals(inner, exception) ? text : text + " <- " + inner.GetType().Name + ": " + inner.Message;
    }

    // The fuzz asks for gzip and brotli among other encodings: the oracle reads the answer as the client would, decoded.
    private static async Task<byte[]> DecodedBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        foreach (var encoding in response.Content.Headers.ContentEncoding.Reverse())
        {
            await using var input = new MemoryStream(body);
            await using Stream decoder = encoding switch
            {
                "gzip" => new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress),
                "br" => new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress),
                _ => throw new InvalidDataException($"The answer is encoded '{encoding}', which the request did not offer."),
            };
            using var output = new MemoryStream();
            await decoder.CopyToAsync(output, cancellationToken);
            body = output.ToArray();
        }

        return body;
    }
}

/// <summary>The requests of a run and their answers, and what was wrong with them.</summary>
internal sealed record FuzzReport(IReadOnlyList<(FuzzRequest Request, FuzzResponse Response)> Results, TimeSpan Elapsed)
{
    /// <summary>The oracle's verdicts, plus the audit rule when <paramref name="audit"/> is given.</summary>
    public IReadOnlyList<(FuzzRequest Request, FuzzResponse Response, IReadOnlyList<string> Violations)> Failures(ILookup<string, AuditRecord>? audit)
    {
        var failures = new List<(FuzzRequest, FuzzResponse, IReadOnlyList<string>)>();
        foreach (var (request, response) in Results)
        {
            var violations = FuzzOracle.Check(request, response).ToList();
            if (response.Status == FuzzRunner.NotSendable)
            {
                continue;
            }

            if (audit is not null && response.Status != 0)
            {
                violations.AddRange(AuditViolations(response, audit));
            }

            if (violations.Count > 0)
            {
                failures.Add((request, response, violations));
            }
        }

        return failures;
    }

    /// <summary>A few lines for the test output: how many, how long, which statuses.</summary>
    public string Summary(int seed) =>
        string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {Results.Count} requests in {Elapsed.TotalSeconds:0.0} s; statuses ")
        + string.Join(", ", Results.GroupBy(r => r.Response.Status).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}×{g.Count()}")));

    /// <summary>The failures, each with its request in full, for the assertion message.</summary>
    public static string Describe(int seed, IReadOnlyList<(FuzzRequest Request, FuzzResponse Response, IReadOnlyList<string> Violations)> failures, int shown)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{failures.Count} failing request(s); reproduce with FHIRFACADE_FUZZ_SEED={seed}\n");
        foreach (var (request, response, violations) in failures.Take(shown))
        {
            text.Append(CultureInfo.InvariantCulture, $"--- {string.Join("; ", violations)}\n    answered {response.Status} {response.ContentType}\n");
            text.Append(request.Describe());
        }

        return text.ToString();
    }

    private static IEnumerable<string> AuditViolations(FuzzResponse response, ILookup<string, AuditRecord> audit)
    {
        if (response.CorrelationId is null)
        {
            // Never reached the application: only Kestrel's own rejections may look like this.
            if (!FuzzOracle.IsKestrelRejection(response))
            {
                yield return $"answer {response.Status} without X-Request-Id (not from the application, and not a Kestrel rejection)";
            }

            yield break;
        }

        var rows = audit[response.CorrelationId].ToList();
        if (rows.Count != 1)
        {
            yield return $"{rows.Count} audit records for correlation id {response.CorrelationId} (exactly one expected)";
        }
        else if (rows[0].Outcome.HttpStatus != response.Status)
        {
            yield return $"audit record says {rows[0].Outcome.HttpStatus}, the caller saw {response.Status}";
        }
    }
}
