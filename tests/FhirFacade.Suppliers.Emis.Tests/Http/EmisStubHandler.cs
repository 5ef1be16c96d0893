using System.Net;
using System.Text;

namespace FhirFacade.Suppliers.Emis.Tests.Http;

/// <summary>Answers every EMIS request with the scripted XML document for it (200).</summary>
internal sealed class EmisStubHandler(Func<HttpRequestMessage, string> document) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(document(request), Encoding.UTF8, "application/xml") });
}
