using System.Globalization;
using System.Text;
using FhirFacade.Server.Http;
using Microsoft.AspNetCore.Routing.Patterns;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// Generates requests from a seed, reproducibly: the same seed and surface give the same requests in
/// the same order. Paths come from the server's own route table (every mapped template, its parameters
/// filled with real and broken values, sometimes in another path form); queries from a FHIR search
/// grammar (the CapabilityStatement's parameters with modifiers, prefixes, chains, result parameters,
/// repeats, and values empty, huge, non-ASCII, control characters, broken percent-encoding); headers
/// (Accept, Prefer, Authorization variants, Accept-Encoding, X-Request-Id); bodies for POST (forms
/// within and beyond the limits, multipart, JSON, bytes that are not UTF-8).
/// </summary>
internal sealed class FuzzRequestGenerator(FuzzSurface surface, IReadOnlyList<string> credentials, int seed, string correlationPrefix)
{
    private const string Nhs = "https://fhir.nhs.uk/Id/nhs-number";

    private static readonly string[] WriteMethods = ["PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND", "FOO"];

    private static readonly string[] NhsNumbers = ["9990000018", "9990000123", "9990000034", "9990000050", "9990000069", "9990000085", "9000000009", "9990000019", "999000001", "99900000180", "0000000000", "abc"];

    private static readonly string[] Modifiers = ["exact", "contains", "missing", "not", "text", "identifier", "above", "below", "in", "not-in", "of-type", "Patient", "Medication", "iterate", "xyz", string.Empty];

    private static readonly string[] Prefixes = ["eq", "ne", "lt", "gt", "le", "ge", "sa", "eb", "ap", "xx", "EQ", string.Empty];

    private static readonly string[] Dates = ["2020", "2020-01", "2020-01-31", "2020-02-30", "2020-13-01", "2020-01-01T10:00:00Z", "2020-01-01T10:00:00+01:00", "2020-01-01T10:00", "2020-01-01T25:61:00Z", "0001-01-01", "9999-12-31", "99999", "now", "-1", "2020-01-01T10:00:00.1234567890Z"];

    private static readonly string[] ResultParameters = ["_count", "_summary", "_elements", "_include", "_revinclude", "_sort", "_total", "_format", "_pretty", "_page", "_id", "_lastUpdated", "_contained", "_has:Condition:patient:code", "_list", "_text", "_content", "_filter", "_query", "_type"];

    private static readonly string[] JunkNames = ["foo", "FAMILY", "patient.", ".identifier", "a.b.c.d.e", "_", "__", "-", "name:", ":exact", "x[0]", "😀", "ünïcødé", "名前", "\u0001", "\u007f", "a\u0000b", "x\u001b[31m", "\ufffe", "\uffff", "a\u000bb"];

    private static readonly string[] Strings = ["Thornton", "thorn", "O'Brien", "Smith-Jones", "Zoë", "ÆØÅ", "漢字", "😀🏥", "\u200b", "\u202etxet", "a b", "a+b", "a,b", "a\\,b", "a|b", "a$b", "%", "%%", "''", "\"", "<script>", "&amp;", "null", "undefined", "true", "-1", "NaN", " ", "\t", "\r\n"];

    private static readonly string[] Controls = ["\u0000", "\u0001", "\u0008", "\u000b", "\u000c", "\u001f", "\u007f", "\ufffe", "\uffff", "\ud800", "\udfff"];

    private static readonly string[] RawEncodings = ["%", "%z", "%zz", "%C3", "%C3%28", "%ED%A0%80", "%EF%BF%BE", "%EF%BF%BF", "%00", "%01", "%1F", "%7F", "%FF", "%C0%AF", "%F4%90%80%80", "%25", "%2525", "%u0041", "%2F", "%3F", "%23", "%26", "%3D"];

    private static readonly (string Value, FhirFormat? Format)[] Accepts =
    [
        ("application/fhir+json", FhirFormat.Json), ("application/fhir+xml", FhirFormat.Xml), ("application/json", FhirFormat.Json), ("application/xml", FhirFormat.Xml),
        ("text/xml", FhirFormat.Xml), ("*/*", FhirFormat.Json), ("application/*", FhirFormat.Json), ("application/fhir+xml;q=0.9, application/fhir+json;q=0.1", FhirFormat.Xml),
        ("application/fhir+json; fhirVersion=4.0", FhirFormat.Json), ("application/fhir+xml; charset=utf-8", FhirFormat.Xml), ("text/html", FhirFormat.Json), ("image/png", FhirFormat.Json),
        ("application/fhir+json;q=0", FhirFormat.Json), ("application/fhir+xml;q=0, text/html", FhirFormat.Json), (";;;", null), ("application/", null), ("*", null), ("a/b/c", null),
        ("application/fhir+xml;q=abc", null), ("application/fhir+json, application/fhir+xml", FhirFormat.Json), (new string('x', 3000), null),
    ];

    private static readonly (string Value, FhirFormat? Format)[] FormatParameters =
    [
        ("json", FhirFormat.Json), ("xml", FhirFormat.Xml), ("application/fhir+json", FhirFormat.Json), ("application/fhir%2Bxml", FhirFormat.Xml), ("application/fhir+xml", FhirFormat.Xml),
        ("text/xml", FhirFormat.Xml), ("html", FhirFormat.Json), ("turtle", FhirFormat.Json), ("XML", FhirFormat.Xml), ("%01", FhirFormat.Json), ("application/fhir+xml;q=0", FhirFormat.Xml),
    ];

    private readonly Random _random = new(seed);
    private bool _formatInQuery;

    /// <summary>The request at position <paramref name="index"/> of the run (call in order).</summary>
    public FuzzRequest Next(int index)
    {
        var route = Pick(surface.Routes);
        var method = ChooseMethod(route);
        var (path, type) = FillRoute(route);
        var isFhir = IsUnderFhirBase(path);
        var isSearch = type is not null && (route.Template.EndsWith("_search", StringComparison.Ordinal) || route.Pattern.PathSegments.Count == 2);
        var query = new List<string>();
        _formatInQuery = false;
        if (isSearch || Chance(0.3))
        {
            AddQuery(query, type ?? Pick(surface.ResourceTypes));
        }

        var headers = new List<KeyValuePair<string, string>>();
        var formats = new List<FhirFormat?>();
        if (Chance(0.25))
        {
            var (value, format) = Pick(FormatParameters);
            query.Add("_format=" + value);
            formats.Add(format);
            if (Chance(0.1))
            {
                query.Add("_format=" + Pick(FormatParameters).Value);
                formats.Add(null);
            }
        }

        FhirFormat? accepted = FhirFormat.Json;
        if (Chance(0.6))
        {
            var (value, format) = Pick(Accepts);
            headers.Add(KeyValuePair.Create("Accept", value));
            accepted = format;
        }

        AddHeaders(headers, index);
        string? contentType = null;
        byte[]? body = null;
        if (method == "POST" || Chance(0.03))
        {
            (contentType, body) = MakeBody(type ?? Pick(surface.ResourceTypes), method == "POST" && route.Template.EndsWith("_search", StringComparison.Ordinal));
        }

        if (Chance(0.02))
        {
            // Past the facade's target limit, and now and then past Kestrel's.
            query.Add("pad=" + new string('q', Chance(0.7) ? 9_000 : 20_000));
        }

        var target = path + (query.Count > 0 || Chance(0.05) ? "?" + string.Join('&', Shuffle(query)) : string.Empty);
        var expected = (formats.Count, _formatInQuery) switch
        {
            (0, false) => accepted,
            (1, false) => formats[0],
            _ => null,
        };
        return new FuzzRequest(index, method, target, headers, Pick(credentials), contentType, body, expected, isFhir);
    }

    // Routing matches paths case-insensitively; the base is a whole segment. The SMART discovery document is JSON, not FHIR.
    private bool IsUnderFhirBase(string path) =>
        (path.Length == surface.FhirBasePath.Length || (path.Length > surface.FhirBasePath.Length && path[surface.FhirBasePath.Length] == '/'))
        && path.StartsWith(surface.FhirBasePath, StringComparison.OrdinalIgnoreCase)
        && !path.Contains("/.well-known/", StringComparison.OrdinalIgnoreCase);

    private string ChooseMethod(FuzzRoute route)
    {
        if (Chance(0.1))
        {
            return Pick(WriteMethods);
        }

        if (route.Methods.Count > 0)
        {
            return Pick(route.Methods);
        }

        return Chance(0.7) ? "GET" : Pick(["POST", .. WriteMethods]);
    }

    private (string Path, string? Type) FillRoute(FuzzRoute route)
    {
        var path = new StringBuilder();
        string? type = null;
        foreach (var segment in route.Pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(VaryLiteral(literal.Content));
                        break;
                    case RoutePatternParameterPart { Name: "type" }:
                        type = ChooseType();
                        path.Append(Encode(type));
                        break;
                    case RoutePatternParameterPart { Name: "id" }:
                        path.Append(Encode(ChooseId(type)));
                        break;
                    case RoutePatternParameterPart { IsCatchAll: true }:
                        path.Append(string.Join('/', Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Encode(Junk()))));
                        break;
                    case RoutePatternParameterPart parameter:
                        path.Append(Encode(parameter.Name + Junk()));
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        break;
                }
            }
        }

        var text = path.Length == 0 ? "/" : path.ToString();
        return (VaryPath(text), type);
    }

    // Other forms of the same path: case, doubled or trailing slashes, dot segments, matrix parameters.
    private string VaryPath(string path)
    {
        if (!Chance(0.12))
        {
            return path;
        }

        return _random.Next(7) switch
        {
            0 => path + "/",
            1 => path.Replace("/", "//", StringComparison.Ordinal),
            2 => path.Insert(path.IndexOf('/', 1) is var i and > 0 ? i : path.Length, "/."),
            3 => path.Insert(path.IndexOf('/', 1) is var j and > 0 ? j : path.Length, "/x/.."),
            4 => path + ";jsessionid=1",
            5 => path.ToUpperInvariant(),
            _ => "/" + path.TrimStart('/').Replace("/", "%2F", StringComparison.Ordinal),
        };
    }

    private string VaryLiteral(string literal)
    {
        if (!Chance(0.05) || literal.Length == 0)
        {
            return literal;
        }

        var at = _random.Next(literal.Length);
        return Chance(0.5)
            ? literal[..at] + "%" + ((int)literal[at]).ToString("X2", CultureInfo.InvariantCulture) + literal[(at + 1)..]
            : literal.ToUpperInvariant();
    }

    private string ChooseType() => _random.Next(10) switch
    {
        < 7 => Pick(surface.ResourceTypes),
        7 => Pick(["Observation", "AuditEvent", "Bundle", "OperationOutcome", "CapabilityStatement", "Encounter"]),
        8 => Pick(["patient", "PATIENT", "Pätient", "P", "Patient1", "Patient.", new string('A', 300)]),
        _ => Junk(),
    };

    private string ChooseId(string? type)
    {
        var any = surface.Ids.Values.SelectMany(v => v).ToList();
        var own = type is not null && surface.Ids.TryGetValue(type, out var ids) && ids.Count > 0 ? ids : any;
        return _random.Next(10) switch
        {
            < 4 when own.Count > 0 => Pick(own),
            4 when any.Count > 0 => Pick(any),
            5 when own.Count > 0 => Mutate(Pick(own)),
            6 => Pick(["1", "0", "-", ".", "..", "a.b", new string('a', 64), new string('a', 65), new string('9', 300), "%2e%2e", "x;y"]),
            _ => Junk(),
        };
    }

    private string Mutate(string id)
    {
        var chars = id.ToCharArray();
        var at = _random.Next(chars.Length);
        return _random.Next(4) switch
        {
            0 => id[..at],
            1 => id + Pick(["x", "A", "-", "0"]),
            2 => new string(chars.Select((c, i) => i == at ? (c == 'A' ? 'B' : 'A') : c).ToArray()),
            _ => id.ToUpperInvariant(),
        };
    }

    private void AddQuery(List<string> query, string type)
    {
        var parameters = surface.SearchParameters.TryGetValue(type, out var declared) ? declared : [];
        var count = _random.Next(0, 7);
        if (Chance(0.5) && type != "Patient" && surface.SearchParameters.ContainsKey(type))
        {
            // Most clinical searches name their patient, so that they reach the suppliers.
            query.Add("patient.identifier=" + EncodeValue(Nhs + "|" + Pick(NhsNumbers)));
        }
        else if (Chance(0.5) && type == "Patient")
        {
            query.Add("identifier=" + EncodeValue(Nhs + "|" + Pick(NhsNumbers)));
        }

        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(10);
            if (roll < 5 && parameters.Count > 0)
            {
                var parameter = Pick(parameters);
                var name = parameter.Name;
                if (Chance(0.2))
                {
                    name += ":" + Pick(Modifiers);
                }
                else if (parameter.Type == "reference" && Chance(0.4))
                {
                    name += "." + Pick(["identifier", "name", "_id", "organization.name", "identifier:exact", string.Empty]);
                }

                query.Add(EncodeName(name) + "=" + EncodeValue(ValueFor(parameter.Type)));
            }
            else if (roll < 7)
            {
                var name = Pick(ResultParameters);
                _formatInQuery |= name == "_format";
                query.Add(EncodeName(name) + "=" + EncodeValue(ResultValue(name, type)));
            }
            else if (roll < 9)
            {
                query.Add(EncodeName(Pick(JunkNames)) + Pick(["=", "==", string.Empty, "=="]) + EncodeValue(Junk()));
            }
            else
            {
                query.Add(Pick(["", "&", "=", "==", "=x", "a=1=2", "%", "%zz=1"]) + Pick(RawEncodings));
            }
        }

        if (Chance(0.1) && query.Count > 0)
        {
            // Repeats: the same parameter again (AND), or the whole query many times.
            query.AddRange(Enumerable.Repeat(query[_random.Next(query.Count)], _random.Next(1, Chance(0.3) ? 300 : 4)));
        }
    }

    private string ValueFor(string type) => type switch
    {
        "token" => _random.Next(6) switch
        {
            0 => Nhs + "|" + Pick(NhsNumbers),
            1 => "|" + Pick(NhsNumbers),
            2 => "http://snomed.info/sct|" + Pick(["38341003", "195967001", "x", string.Empty]),
            3 => Pick(["active", "inactive", "resolved", "confirmed", "problem-list-item", "male", "female", "unknown"]) + (Chance(0.3) ? "," + Pick(["active", "x"]) : string.Empty),
            4 => Pick(["|", "||", "a|b|c", "system|"]),
            _ => Junk(),
        },
        "date" => Pick(Prefixes) + Pick(Dates),
        "reference" => _random.Next(4) switch
        {
            0 when surface.Ids.TryGetValue("Patient", out var patients) && patients.Count > 0 => "Patient/" + Pick(patients),
            1 when surface.Ids.TryGetValue("Patient", out var patients) && patients.Count > 0 => Pick(patients),
            2 => Pick(["Patient/", "Patient/1", "http://example.org/fhir/Patient/1", "Condition/1", "/Patient/x/_history/1"]),
            _ => Junk(),
        },
        _ => _random.Next(5) switch
        {
            < 3 => Pick(Strings),
            3 => Pick(Strings) + Pick(Controls),
            _ => Junk(),
        },
    };

    private string ResultValue(string name, string type) => name switch
    {
        "_count" => Pick(["0", "1", "2", "50", "500", "501", "-1", "1e3", "abc", "99999999999999999999", "1.5", " 1", string.Empty]),
        "_summary" => Pick(["true", "false", "count", "data", "text", "TRUE", "x", string.Empty]),
        "_elements" => Pick(["id", "name", "meta,id", "code,subject", "a.b", ",", ",,", "*", "identifier,birthDate,gender", Junk()]),
        "_include" => Pick([type + ":medication", "MedicationStatement:medication", "MedicationStatement:*", "*", "Patient:organization", type + ":subject:Patient", "MedicationStatement:medication:Medication", ":", Junk()]),
        "_page" => Pick(["abc", "a.b", "eyJ0IjoiUGF0aWVudCJ9.AAAA", string.Empty, new string('A', 2000) + "." + new string('B', 43), Junk()]),
        "_format" => Pick(FormatParameters).Value,
        "_pretty" => Pick(["true", "false", "yes", string.Empty]),
        _ => Chance(0.5) ? Pick(Strings) : Junk(),
    };

    private void AddHeaders(List<KeyValuePair<string, string>> headers, int index)
    {
        headers.Add(KeyValuePair.Create(CorrelationIdMiddleware.HeaderName, _random.Next(20) switch
        {
            0 => "not valid!",
            1 => new string('r', 300),
            _ => $"{correlationPrefix}-{index.ToString(CultureInfo.InvariantCulture)}",
        }));
        if (Chance(0.2))
        {
            headers.Add(KeyValuePair.Create("Prefer", Pick(["handling=strict", "handling=strict", "handling=lenient", "return=minimal", "return=OperationOutcome", "respond-async", "handling=strict, return=representation", ";;", "handling"])));
        }

        if (Chance(0.2))
        {
            headers.Add(KeyValuePair.Create("Accept-Encoding", Pick(["gzip", "br", "deflate", "gzip, deflate, br", "identity", "identity;q=0", "*;q=0", "x-unknown", "gzip;q=abc"])));
        }

        if (Chance(0.02))
        {
            // Past the facade's header limit, and now and then past Kestrel's.
            headers.Add(KeyValuePair.Create("X-Padding", new string('p', Chance(0.7) ? 40_000 : 70_000)));
        }

        if (Chance(0.05))
        {
            headers.Add(KeyValuePair.Create(Pick(["If-None-Match", "If-Modified-Since", "X-Forwarded-For", "Origin", "Range", "X-HTTP-Method-Override", "Accept-Charset"]), Pick(["W/\"1\"", "*", "bytes=0-1", "DELETE", "utf-16", "Thu, 01 Jan 1970 00:00:00 GMT", "x"])));
        }
    }

    private (string? ContentType, byte[]? Body) MakeBody(string type, bool isSearch)
    {
        var contentType = _random.Next(12) switch
        {
            < 6 => "application/x-www-form-urlencoded",
            6 => "application/x-www-form-urlencoded; charset=utf-8",
            7 => Pick(["application/x-www-form-urlencoded; charset=iso-8859-1", "APPLICATION/X-WWW-FORM-URLENCODED", "application/x-www-form-urlencoded; charset=\"utf-8\"; x=y"]),
            8 => Pick(["multipart/form-data; boundary=fz", "multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed; boundary=fz"]),
            9 => Pick(["application/fhir+json", "application/json", "text/plain", "application/octet-stream"]),
            10 => Pick([";;;", "x", "application/", "form"]),
            _ => null,
        };
        var form = new List<string>();
        if (isSearch)
        {
            AddQuery(form, type);
        }

        var text = _random.Next(10) switch
        {
            < 5 => string.Join('&', form),
            5 => string.Join('&', Enumerable.Range(0, _random.Next(50, 2000)).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture) + "=v")),
            6 => Pick(["family=", "=x", "&&&", "a=%", "%zz=%zz", new string('k', _random.Next(100, 3000)) + "=1", "family=" + new string('v', _random.Next(1000, 40_000))]),
            7 => "--fz\r\nContent-Disposition: form-data; name=\"family\"\r\n\r\nThornton\r\n--fz--\r\n",
            8 => Pick(["{\"resourceType\":\"Parameters\"}", "{", "<Parameters xmlns=\"http://hl7.org/fhir\"/>", string.Empty]),
            _ => string.Join('&', form) + "&" + Pick(RawEncodings),
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        if (Chance(0.05))
        {
            bytes = [.. bytes, 0xFF, 0xFE, 0x00, 0xC3];
        }

        return (contentType, bytes);
    }

    private string Junk() => _random.Next(8) switch
    {
        0 => string.Empty,
        1 => new string(Pick(['a', 'Z', '9', '-', '.']), _random.Next(1, Chance(0.2) ? 5000 : 40)),
        2 => Pick(Strings),
        3 => Pick(Controls),
        4 => Pick(Strings) + Pick(Controls) + Pick(Strings),
        5 => string.Concat(Enumerable.Range(0, _random.Next(1, 12)).Select(_ => (char)_random.Next(0x20, 0x7F))),
        6 => string.Concat(Enumerable.Range(0, _random.Next(1, 8)).Select(_ => char.ConvertFromUtf32(_random.Next(0xA0, 0x2FFFF) is var c && c is >= 0xD800 and < 0xE000 ? 0x263A : c))),
        _ => Pick(JunkNames),
    };

    // Names and values go on the wire percent-encoded, in one of a few styles; sometimes a raw broken escape is appended.
    private string EncodeName(string name) => Encode(name);

    private string EncodeValue(string value)
    {
        var encoded = Encode(value);
        return Chance(0.05) ? encoded + Pick(RawEncodings) : encoded;
    }

    private string Encode(string value)
    {
        if (Chance(0.5))
        {
            return Uri.EscapeDataString(Utf16Safe(value));
        }

        // Lenient: the characters FHIR search syntax uses stay as they are; spaces become '+'.
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(Utf16Safe(value)))
        {
            var c = (char)b;
            text.Append(c switch
            {
                ' ' => "+",
                _ when char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '|' or ':' or '/' or ',' or '*' or '\'' or '(' or ')' or '!' or '$' or '@' or ';' => c.ToString(),
                _ => "%" + b.ToString("X2", CultureInfo.InvariantCulture),
            });
        }

        return text.ToString();
    }

    // A lone surrogate cannot be encoded as UTF-8 on the wire; its escape is sent raw instead (RawEncodings).
    private static string Utf16Safe(string value) =>
        string.Concat(value.EnumerateRunes().Select(r => r.ToString()));

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<string> Shuffle(List<string> items)
    {
        var shuffled = items.ToList();
        for (var i = shuffled.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }

        return shuffled;
    }
}
