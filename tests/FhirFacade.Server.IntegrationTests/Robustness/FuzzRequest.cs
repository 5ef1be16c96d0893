using System.Globalization;
using System.Text;
using FhirFacade.Server.Http;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// One generated request, exactly as it goes on the wire: the request target is already
/// percent-encoded (sent without canonicalisation), headers are ASCII, the body is raw bytes.
/// </summary>
/// <param name="Index">Its position in the run (with the seed, enough to generate it again).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">Path and query, as written on the request line.</param>
/// <param name="Headers">Request headers other than Content-Type (Authorization is named by <see cref="Credential"/>).</param>
/// <param name="Credential">Which Authorization variant to send (<see cref="FuzzCredentials"/>).</param>
/// <param name="ContentType">The Content-Type of the body, or none.</param>
/// <param name="Body">The body, or none.</param>
/// <param name="ExpectedFormat">The format the answer must be in, when the request makes it unambiguous.</param>
/// <param name="IsFhir">Whether the path is under the FHIR base (errors there must be OperationOutcomes).</param>
internal sealed record FuzzRequest(
    int Index,
    string Method,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Credential,
    string? ContentType,
    byte[]? Body,
    FhirFormat? ExpectedFormat,
    bool IsFhir)
{
    private const int ShownBodyBytes = 400;

    /// <summary>The X-Request-Id this request sends, if it sends a well-formed one.</summary>
    public string? CorrelationId => Headers.FirstOrDefault(h => h.Key == CorrelationIdMiddleware.HeaderName).Value;

    /// <summary>The request as a person reads it in a failure message (the body shortened).</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#{Index} {Method} {Shorten(Target, 600)}\n");
        text.Append(CultureInfo.InvariantCulture, $"  Authorization: <{Credential}>\n");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name}: {Shorten(value, 200)}\n");
        }

        if (ContentType is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Content-Type: {ContentType}\n");
        }

        if (Body is not null)
        {
            var shown = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, ShownBodyBytes));
            text.Append(CultureInfo.InvariantCulture, $"  body ({Body.Length} bytes): {Escape(shown)}{(Body.Length > ShownBodyBytes ? "…" : string.Empty)}\n");
        }

        return text.ToString();
    }

    private static string Shorten(string value, int max) => Escape(value.Length <= max ? value : value[..max] + $"…({value.Length} chars)");

    private static string Escape(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return text.ToString();
    }
}
