using System.Net;
using System.Text;

namespace FhirFacade.Suppliers.Tpp.Tests.Http;

/// <summary>Answers every request with the next scripted response (the last one repeats) and counts attempts.</summary>
internal sealed class StubHandler(params Func<CancellationToken, Task<HttpResponseMessage>>[] script) : HttpMessageHandler
{
    private int _attempts;

    public int Attempts => _attempts;

    public static Func<CancellationToken, Task<HttpResponseMessage>> Json(HttpStatusCode status, string json) =>
        _ => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static Func<CancellationToken, Task<HttpResponseMessage>> Never() =>
        async cancellationToken =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("Unreachable.");
        };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        return script[Math.Min(attempt, script.Length) - 1](cancellationToken);
    }
}
