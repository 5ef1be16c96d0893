using System.Text;
using System.Text.Json.Nodes;

namespace FhirFacade.Conformance.Tests;

/// <summary>
/// A deliberately broken server for the suite to catch: a handler between the runner and the real
/// facade that rewrites answers (status, headers or JSON body), or drops what the request asked for,
/// the way a faulty server would.
/// </summary>
internal sealed class CorruptingHandler(Func<HttpResponseMessage, JsonObject?, Task> corrupt, Action<HttpRequestMessage>? rewrite = null)
    : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    /// <summary>Every refusal (4xx) answered 200 instead.</summary>
    public static CorruptingHandler RefusalsAnsweredOk() => new((response, _) =>
    {
        if ((int)response.StatusCode is >= 400 and < 500)
        {
            response.StatusCode = System.Net.HttpStatusCode.OK;
        }

        return Task.CompletedTask;
    });

    /// <summary>The NHS Spine codes left out of error OperationOutcomes.</summary>
    public static CorruptingHandler SpineCodesDropped() => new((_, body) =>
    {
        if (body?["resourceType"]?.GetValue<string>() == "OperationOutcome")
        {
            foreach (var issue in body["issue"]!.AsArray())
            {
                issue!.AsObject()["details"]?.AsObject().Remove("coding");
            }
        }

        return Task.CompletedTask;
    });

    /// <summary>Bundle.total reporting the page's matches instead of all of them.</summary>
    public static CorruptingHandler TotalIsPageSize() => new((_, body) =>
    {
        if (body?["resourceType"]?.GetValue<string>() == "Bundle" && body["total"] is not null)
        {
            body["total"] = body["entry"]?.AsArray().Count(e => e?["search"]?["mode"]?.GetValue<string>() == "match") ?? 0;
        }

        return Task.CompletedTask;
    });

    /// <summary>Reads answered without their ETag.</summary>
    public static CorruptingHandler ETagDropped() => new((response, _) =>
    {
        response.Headers.ETag = null;
        return Task.CompletedTask;
    });

    /// <summary>XML bodies labelled as JSON.</summary>
    public static CorruptingHandler XmlLabelledJson() => new((response, _) =>
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("xml", StringComparison.Ordinal) ?? false)
        {
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/fhir+json");
        }

        return Task.CompletedTask;
    });

    /// <summary>The UK Core profile claims (meta.profile) left out of search results.</summary>
    public static CorruptingHandler ProfileClaimsDropped() => new((_, body) =>
    {
        if (body?["resourceType"]?.GetValue<string>() == "Bundle")
        {
            foreach (var entry in body["entry"]?.AsArray() ?? [])
            {
                entry?["resource"]?["meta"]?.AsObject().Remove("profile");
            }
        }

        return Task.CompletedTask;
    });

    /// <summary>A server that ignores Accept-Encoding: never compresses.</summary>
    public static CorruptingHandler AcceptEncodingIgnored() => new((_, _) => Task.CompletedTask, request => request.Headers.AcceptEncoding.Clear());

    /// <summary>A server that ignores the fhirVersion MIME parameter (serves R4 whatever version is asked for).</summary>
    public static CorruptingHandler FhirVersionIgnored() => new((_, _) => Task.CompletedTask, request =>
    {
        var accept = request.Headers.Accept.ToList();
        request.Headers.Accept.Clear();
        foreach (var range in accept)
        {
            foreach (var version in range.Parameters.Where(p => p.Name.Equals("fhirVersion", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                range.Parameters.Remove(version);
            }

            request.Headers.Accept.Add(range);
        }
    });

    /// <summary>A server that ignores If-None-Match: every conditional read is answered in full.</summary>
    public static CorruptingHandler ConditionalReadIgnored() => new((_, _) => Task.CompletedTask, request => request.Headers.IfNoneMatch.Clear());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        rewrite?.Invoke(request);
        var response = await base.SendAsync(request, cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        JsonObject? body = null;
        // An encoded (compressed) body is passed on as it is, and HEAD has none: only their headers can be corrupted.
        if (mediaType.Contains("json", StringComparison.Ordinal) && response.Content.Headers.ContentEncoding.Count == 0
            && await response.Content.ReadAsStringAsync(cancellationToken) is { Length: > 0 } text)
        {
            body = JsonNode.Parse(text) as JsonObject;
        }

        await corrupt(response, body);
        if (body is not null)
        {
            var original = response.Content;
            response.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            response.Content.Headers.ContentType = original.Headers.ContentType;

            // Allow, Expires and the like are content headers in .NET: keep them with the new body.
            foreach (var (name, values) in original.Headers.Where(h => h.Key is not ("Content-Type" or "Content-Length")))
            {
                response.Content.Headers.TryAddWithoutValidation(name, values);
            }

            original.Dispose();
        }

        return response;
    }
}
