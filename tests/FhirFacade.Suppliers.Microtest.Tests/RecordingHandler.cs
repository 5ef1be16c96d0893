using System.Collections.Concurrent;
using System.Net;

namespace FhirFacade.Suppliers.Microtest.Tests;

/// <summary>Records every request the Microtest HttpClient sends (path and answer status), innermost, so retries show.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Path, HttpStatusCode Status)> _calls = new();
    private readonly ConcurrentQueue<string> _pathsAndQueries = new();

    public IReadOnlyList<(string Path, HttpStatusCode Status)> Calls => [.. _calls];

    /// <summary>Every request's path and query, in the order sent.</summary>
    public IReadOnlyList<string> PathsAndQueries => [.. _pathsAndQueries];

    public int TokenRequests => Calls.Count(c => c.Path == "/oauth/token");

    public IReadOnlyList<(string Path, HttpStatusCode Status)> ApiCalls => [.. Calls.Where(c => c.Path != "/oauth/token")];

    public void Clear()
    {
        _calls.Clear();
        _pathsAndQueries.Clear();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _pathsAndQueries.Enqueue(request.RequestUri!.PathAndQuery);
        var response = await base.SendAsync(request, cancellationToken);
        _calls.Enqueue((request.RequestUri!.AbsolutePath, response.StatusCode));
        return response;
    }
}
