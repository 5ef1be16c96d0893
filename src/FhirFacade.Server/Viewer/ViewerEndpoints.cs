using System.Text;
using System.Text.Encodings.Web;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Security;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Viewer;

/// <summary>
/// The browser-facing pages: the landing page at <c>/</c> (links to the viewer, the
/// CapabilityStatement, the SMART configuration and the documents), the reference SMART viewer at
/// <c>/viewer/</c> and the embedded documents at <c>/docs/{name}</c>. Everything is served from the
/// assembly's embedded files (<see cref="ViewerAssets"/>); none of it is FHIR and none needs a token.
/// </summary>
public static class ViewerEndpoints
{
    public const string ViewerPath = "/viewer/";
    public const string DocsPath = "/docs/";

    /// <summary>Registers the options and the embedded files.</summary>
    public static IServiceCollection AddViewer(this IServiceCollection services)
    {
        services.AddOptions<ViewerOptions>().BindConfiguration(ViewerOptions.SectionName);
        services.AddSingleton<ViewerAssets>();
        return services;
    }

    /// <summary>Maps <c>/</c>, <c>/docs/{name}</c> and, when <c>Facade:Viewer:Enabled</c>, <c>/viewer/</c>.</summary>
    public static IEndpointRouteBuilder MapViewer(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Static pages with no patient data: open to anyone (EndpointAccess), never shed (they cost next to nothing); HEAD as GET.
        endpoints.MapMethods("/", FhirEndpoints.ReadMethods, LandingPage).ExcludeFromDescription().WithAccess(EndpointAccess.Anonymous).DisableRateLimiting();
        endpoints.MapMethods(DocsPath + "{name}", FhirEndpoints.ReadMethods, Document).ExcludeFromDescription().WithAccess(EndpointAccess.Anonymous).DisableRateLimiting();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<ViewerOptions>>().Value.Enabled)
        {
            endpoints.MapMethods(ViewerPath + "{**file}", FhirEndpoints.ReadMethods, ViewerFile).ExcludeFromDescription().WithAccess(EndpointAccess.Anonymous).DisableRateLimiting();
        }

        return endpoints;
    }

    private static IResult ViewerFile(HttpRequest request, string? file, ViewerAssets assets)
    {
        // "/viewer" → "/viewer/", keeping the query (?iss=…&launch=…), so that the page's relative URLs resolve under /viewer/.
        if (string.IsNullOrEmpty(file) && !(request.Path.Value ?? string.Empty).EndsWith('/'))
        {
            return Results.Redirect(request.PathBase + ViewerPath + request.QueryString);
        }

        if (!assets.HasViewer)
        {
            return Results.Text("The viewer was not built into this server (it was built with -p:BuildViewer=false).", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        var asset = assets.Find(ViewerAssets.ViewerPrefix, string.IsNullOrEmpty(file) ? "index.html" : file);
        return asset is null
            ? Results.Text("No such file in the viewer.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
            : Results.Bytes(asset.Content, asset.ContentType);
    }

    private static IResult Document(string name, ViewerAssets assets) =>
        assets.Find(ViewerAssets.DocsPrefix, name) is { } asset
            ? Results.Bytes(asset.Content, asset.ContentType)
            : Results.Text("No such document.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    private static IResult LandingPage(HttpRequest request, BaseUrl baseUrl, ViewerAssets assets, IOptions<ViewerOptions> options)
    {
        var e = HtmlEncoder.Default;
        var fhirBase = baseUrl.For(request);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>FhirFacade</title><style>body{font-family:Arial,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5}code{background:#eef}li{margin:.3em 0}</style></head><body>")
            .Append("<h1>FhirFacade</h1>")
            .Append("<p>A read-only FHIR R4 facade over UK GP systems (EMIS Web, TPP SystmOne, INPS Vision, Microtest Evolution): every read is live, mapped to UK Core and validated.</p>")
            .Append("<p>FHIR base URL: <code>").Append(e.Encode(fhirBase)).Append("</code></p><ul>");
        if (options.Value.Enabled && assets.HasViewer)
        {
            html.Append("<li><a id=\"viewer\" href=\"").Append(e.Encode(ViewerPath + "?iss=" + Uri.EscapeDataString(fhirBase))).Append("\">Clinical viewer</a> — a SMART app: sign in, choose a patient, read their record</li>");
        }

        html.Append("<li><a id=\"metadata\" href=\"").Append(e.Encode(fhirBase + "/metadata")).Append("\">CapabilityStatement</a> (<code>GET /metadata</code>)</li>")
            .Append("<li><a id=\"smart-configuration\" href=\"").Append(e.Encode(fhirBase + "/.well-known/smart-configuration")).Append("\">SMART configuration</a></li>");
        foreach (var document in assets.Documents)
        {
            html.Append("<li><a class=\"doc\" href=\"").Append(e.Encode(DocsPath + document)).Append("\">").Append(e.Encode(document)).Append("</a></li>");
        }

        html.Append("</ul><p>Every FHIR request needs a bearer token from the configured SMART issuer.</p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
