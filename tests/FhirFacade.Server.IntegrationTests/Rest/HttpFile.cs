using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// A <c>.http</c> file in the VS Code REST Client format, as far as <c>examples/requests.http</c> uses it: file
/// variables (<c>@name = value</c>, resolved when used), requests separated by <c>###</c> with <c># @name</c> and
/// the project's <c># expect {status}</c> comment, a request line, headers, a body after a blank line, and
/// <c>{{variable}}</c> references — file variables and request variables
/// (<c>{{name.response.body.$.a.b[0].c}}</c>, <c>{{name.response.headers.Name}}</c>).
/// </summary>
internal sealed partial class HttpFile
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (JsonElement? Body, Dictionary<string, string> Headers)> _responses = new(StringComparer.Ordinal);

    private HttpFile(IReadOnlyList<HttpFileRequest> requests) => Requests = requests;

    public IReadOnlyList<HttpFileRequest> Requests { get; }

    public static HttpFile Parse(string text)
    {
        var requests = new List<HttpFileRequest>();
        var variables = new List<KeyValuePair<string, string>>();
        var blocks = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n###");
        foreach (var (block, index) in blocks.Select((b, i) => (b, i)))
        {
            var lines = block.Split('\n').ToList();
            var title = index == 0 ? string.Empty : lines[0].Trim();
            string? name = null;
            int? expect = null;
            var position = index == 0 ? 0 : 1;
            string? method = null;
            string? url = null;
            for (; position < lines.Count; position++)
            {
                var line = lines[position].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (VariableLine().Match(line) is { Success: true } variable)
                {
                    variables.Add(KeyValuePair.Create(variable.Groups[1].Value, variable.Groups[2].Value.Trim()));
                }
                else if (line.StartsWith("# @name ", StringComparison.Ordinal))
                {
                    name = line["# @name ".Length..].Trim();
                }
                else if (line.StartsWith("# expect ", StringComparison.Ordinal))
                {
                    expect = int.Parse(line["# expect ".Length..].Trim(), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }
                else
                {
                    var parts = line.Split(' ', 3);
                    (method, url) = (parts[0], parts[1]);
                    position++;
                    break;
                }
            }

            if (method is null)
            {
                continue;
            }

            var headers = new List<KeyValuePair<string, string>>();
            for (; position < lines.Count && lines[position].Trim().Length > 0; position++)
            {
                var colon = lines[position].IndexOf(':', StringComparison.Ordinal);
                headers.Add(KeyValuePair.Create(lines[position][..colon].Trim(), lines[position][(colon + 1)..].Trim()));
            }

            var body = string.Join('\n', lines.Skip(position)).Trim();
            requests.Add(new HttpFileRequest(title, name, expect, method, url!, headers, body.Length > 0 ? body : null));
        }

        var file = new HttpFile(requests);
        foreach (var (key, value) in variables)
        {
            file._variables[key] = value;
        }

        return file;
    }

    /// <summary>Overrides a file variable (the server's address in place of the one written).</summary>
    public void Set(string variable, string value) => _variables[variable] = value;

    /// <summary>Builds the request with every <c>{{…}}</c> resolved.</summary>
    public HttpRequestMessage Build(HttpFileRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), Resolve(request.Url));
        string? contentType = null;
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = Resolve(value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, Resolve(value)).Should().BeTrue($"{request.Title}: header {name}");
            }
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(Resolve(request.Body));
            message.Content.Headers.Remove("Content-Type");
            if (contentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        return message;
    }

    /// <summary>Keeps a named request's response for the variables that read it.</summary>
    public async Task RememberAsync(HttpFileRequest request, HttpResponseMessage response)
    {
        if (request.Name is null)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync();
        JsonElement? body = null;
        if (text.TrimStart().StartsWith('{'))
        {
            using var document = JsonDocument.Parse(text);
            body = document.RootElement.Clone();
        }

        var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        _responses[request.Name] = (body, headers);
    }

    private string Resolve(string text)
    {
        for (var depth = 0; depth < 10 && text.Contains("{{", StringComparison.Ordinal); depth++)
        {
            text = Reference().Replace(text, match => Lookup(match.Groups[1].Value.Trim()));
        }

        return text;
    }

    private string Lookup(string reference)
    {
        if (_variables.TryGetValue(reference, out var value))
        {
            return value;
        }

        var parts = reference.Split('.', 4);
        if (parts.Length < 4 || parts[1] != "response" || !_responses.TryGetValue(parts[0], out var answer))
        {
            throw new InvalidOperationException($"{{{{{reference}}}}} names no file variable and no earlier named request.");
        }

        return parts[2] switch
        {
            "headers" => answer.Headers.TryGetValue(parts[3], out var header)
                ? header
                : throw new InvalidOperationException($"{reference}: the response has no such header."),
            "body" => JsonPath(answer.Body ?? throw new InvalidOperationException($"{reference}: the response body is not JSON."), parts[3]),
            _ => throw new InvalidOperationException($"{reference}: only response.headers and response.body are supported."),
        };
    }

    // The JSONPath subset REST Client examples use: $.name.name[0].name
    private static string JsonPath(JsonElement root, string path)
    {
        var element = root;
        foreach (Match step in PathStep().Matches(path.TrimStart('$')))
        {
            element = step.Groups[1].Success ? element.GetProperty(step.Groups[1].Value) : element[int.Parse(step.Groups[2].Value, CultureInfo.InvariantCulture)];
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
    }

    [GeneratedRegex(@"^@([A-Za-z0-9_]+)\s*=\s*(.*)$")]
    private static partial Regex VariableLine();

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\.([A-Za-z0-9_]+)|\[(\d+)\]")]
    private static partial Regex PathStep();
}
