using System.Text;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>Turns one restriction flag of every patient Evolution answers with on (<c>"sharing_dissent"</c> or <c>"sensitive"</c>), as a practice would.</summary>
internal sealed class RestrictingHandler(string flag) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var off = $"\"{flag}\":false";
        if (body.Contains(off, StringComparison.Ordinal))
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "application/json";
            response.Content.Dispose();
            response.Content = new StringContent(body.Replace(off, $"\"{flag}\":true", StringComparison.Ordinal), Encoding.UTF8, mediaType);
        }

        return response;
    }
}
