using System.Diagnostics;

namespace FhirFacade.Server.Telemetry;

/// <summary>
/// The last word on what a span may carry, run before any exporter: only the tags in <see cref="AllowedTags"/>
/// (method, route template, status, scheme, host and port, protocol, error type) and the facade's own
/// <c>fhirfacade.*</c> codes are kept. The request path and query and a client call's full URL are removed
/// (an NHS number is in the query of a search, in the path of a read by NHS number, and in the simulators'
/// and suppliers' URLs), and an HTTP span's name is rebuilt from the method and the route template alone.
/// </summary>
internal sealed class TelemetryRedactionProcessor : OpenTelemetry.BaseProcessor<Activity>
{
    /// <summary>The tag prefix of the facade's own span tags and events (codes only).</summary>
    public const string FacadePrefix = "fhirfacade.";

    /// <summary>The HTTP semantic-convention tags that hold no request data.</summary>
    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "http.request.method",
        "http.request.method_original",
        "http.response.status_code",
        "http.route",
        "url.scheme",
        "server.address",
        "server.port",
        "network.protocol.name",
        "network.protocol.version",
        "error.type",
        "otel.status_code",
    };

    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        List<string>? remove = null;
        foreach (var tag in data.TagObjects)
        {
            if (!AllowedTags.Contains(tag.Key) && !tag.Key.StartsWith(FacadePrefix, StringComparison.Ordinal))
            {
                (remove ??= []).Add(tag.Key);
            }
        }

        foreach (var key in remove ?? [])
        {
            data.SetTag(key, null);
        }

        if (data.Kind is ActivityKind.Server or ActivityKind.Client)
        {
            // "GET /fhir/{type}/{id}", never the path itself; a client call is named by its method only.
            var method = data.GetTagItem("http.request.method") as string ?? "HTTP";
            data.DisplayName = data.Kind == ActivityKind.Server && data.GetTagItem("http.route") is string { Length: > 0 } route
                ? method + " " + route
                : method;
        }

        // A failure's description could quote an exception message; the status code says enough.
        if (data.Status == ActivityStatusCode.Error && data.StatusDescription is { } description && !description.All(c => char.IsAsciiLetterLower(c) || c == '_'))
        {
            data.SetStatus(ActivityStatusCode.Error);
        }
    }
}
