using Microsoft.Extensions.Primitives;

namespace FhirFacade.Server.Http;

/// <summary>
/// The request's query string, parsed once (<see cref="RequestParameters.FromQuery"/>) and kept on the request as a
/// feature: the request limits check it (<see cref="RequestLimitsMiddleware"/>), and the endpoints, the format
/// negotiation and the result parameters read it from here instead of parsing the query again (issue #16). Kept apart
/// from <see cref="FacadeRequestFeature"/>, which is what the audit record is written from and holds no clinical content,
/// whereas a query names patients (NHS numbers).
/// </summary>
internal sealed class RequestQuery
{
    /// <summary>Holds parameters already parsed.</summary>
    public RequestQuery(IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters;
    }

    /// <summary>The query's parameters in the order the client wrote them, decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>
    /// The values given for <paramref name="name"/> in the order written (names compared ignoring case, as ASP.NET's own
    /// query collection compares them).
    /// </summary>
    public IEnumerable<string> Values(string name)
    {
        foreach (var (key, value) in Parameters)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                yield return value;
            }
        }
    }

    /// <summary>The first value given for <paramref name="name"/> (see <see cref="Values"/>); <see langword="null"/> when there is none.</summary>
    public string? First(string name) => Values(name).FirstOrDefault();

    /// <summary>
    /// The values given for <paramref name="name"/> (see <see cref="Values"/>), joined with commas like
    /// <see cref="StringValues.ToString()"/>; empty when there is none.
    /// </summary>
    public string Value(string name) => string.Join(',', Values(name));

    /// <summary>
    /// The parsed query of <paramref name="context"/>'s request: the one stored on it, or — the first time anything asks,
    /// normally the request limits at the edge — the query string parsed and stored.
    /// </summary>
    public static RequestQuery Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Features.Get<RequestQuery>();
        if (query is null)
        {
            query = new RequestQuery(RequestParameters.FromQuery(context.Request.QueryString));
            context.Features.Set(query);
        }

        return query;
    }
}
