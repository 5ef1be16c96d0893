namespace FhirFacade.Server.Http;

/// <summary>Reads query (and form) parameters in the order the client wrote them.</summary>
internal static class RequestParameters
{
    /// <summary>The query string's parameters, in order, decoded.</summary>
    public static List<KeyValuePair<string, string>> FromQuery(QueryString query) => Parse(query.HasValue ? query.Value![1..] : string.Empty);

    /// <summary>Parses <c>a=b&amp;c=d</c> (form or query encoding).</summary>
    public static List<KeyValuePair<string, string>> Parse(string text)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            result.Add(KeyValuePair.Create(name, value));
        }

        return result;
    }

    /// <summary>
    /// Throws the 400 for parameters beyond <see cref="RequestLimitsOptions"/>: too many, a name or a
    /// value too long (decoded lengths, so that an encoding trick changes nothing).
    /// </summary>
    public static void EnforceLimits(IReadOnlyList<KeyValuePair<string, string>> parameters, RequestLimitsOptions limits)
    {
        if (parameters.Count > limits.MaxParameters)
        {
            throw RequestRejections.TooManyParameters(limits.MaxParameters);
        }

        foreach (var (name, value) in parameters)
        {
            if (name.Length > limits.MaxParameterNameLength)
            {
                throw RequestRejections.NameTooLong(limits.MaxParameterNameLength);
            }

            if (value.Length > limits.MaxParameterValueLength)
            {
                throw RequestRejections.ValueTooLong(name, limits.MaxParameterValueLength);
            }
        }
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
