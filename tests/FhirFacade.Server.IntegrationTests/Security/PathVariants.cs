using System.Globalization;
using System.Text;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// Ways of writing a request path that a server, a proxy or routing may treat as the same path:
/// letter case, doubled and trailing slashes, percent-encoding (of letters, of slashes, twice),
/// <c>;</c> parameters, dot segments, Unicode look-alikes and fullwidth letters. Each generator turns a
/// canonical path (<c>/fhir/Condition/abc</c>) into one variant; <see langword="null"/> when the form
/// does not apply to that path. Non-ASCII characters are sent percent-encoded as UTF-8, as a client must.
/// </summary>
internal static class PathVariants
{
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['i'] = '\u0131', // dotless i
        ['s'] = '\u017F', // long s
        ['k'] = '\u212A', // Kelvin sign
        ['K'] = '\u212A',
        ['I'] = '\u0130', // capital I with dot
    };

    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        ['a'] = '\u0430', // Cyrillic a
        ['e'] = '\u0435', // Cyrillic ie
        ['o'] = '\u03BF', // Greek omicron
        ['c'] = '\u0441', // Cyrillic es
        ['p'] = '\u0440', // Cyrillic er
        ['M'] = '\u041C', // Cyrillic em
        ['P'] = '\u0420', // Cyrillic er
    };

    public static IReadOnlyDictionary<string, Func<string, string?>> All { get; } = new Dictionary<string, Func<string, string?>>
    {
        ["upper case"] = path => path.ToUpperInvariant(),
        ["lower case"] = path => path.ToLowerInvariant(),
        ["first segment upper case"] = path => MapSegments(path, (segment, index) => index == 0 ? segment.ToUpperInvariant() : segment),
        ["alternating case"] = path => new string([.. path.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))]),
        ["doubled slashes"] = path => path.Replace("/", "//", StringComparison.Ordinal),
        ["leading double slash"] = path => "/" + path,
        ["trailing slash"] = path => path + "/",
        ["percent-encoded letters"] = path => Encode(path, char.IsAsciiLetter, upperHex: true),
        ["percent-encoded letters, lower-case hex"] = path => Encode(path, char.IsAsciiLetter, upperHex: false),
        ["percent-encoded first letter of each segment"] = path => MapSegments(path, (segment, _) => segment.Length == 0 ? segment : Encode(segment[..1], _ => true, upperHex: true) + segment[1..]),
        ["slashes as %2F"] = path => InnerSlashes(path, "%2F"),
        ["slashes as %2f"] = path => InnerSlashes(path, "%2f"),
        ["slashes as backslash"] = path => InnerSlashes(path, "\\"),
        ["slashes as %5C"] = path => InnerSlashes(path, "%5C"),
        ["slash as overlong UTF-8"] = path => InnerSlashes(path, "%C0%AF"),
        ["matrix parameter on every segment"] = path => MapSegments(path, (segment, _) => segment + ";x=1"),
        ["dot segments"] = path => MapSegments(path, (segment, _) => "." + "/" + segment),
        ["dot-dot segments"] = path => MapSegments(path, (segment, _) => "zz/../" + segment),
        ["percent-encoded dot segments"] = path => MapSegments(path, (segment, _) => "%2e/" + segment),
        ["percent-encoded dot-dot segments"] = path => MapSegments(path, (segment, _) => "zz/%2E%2E/" + segment),
        ["Unicode case look-alikes"] = path => Replace(path, LookAlikes),
        ["Cyrillic and Greek homoglyphs"] = path => Replace(path, Homoglyphs),
        ["fullwidth letters"] = path => Replace(path, path.Where(char.IsAsciiLetter).Distinct().ToDictionary(c => c, c => (char)(c - 'A' + '\uFF21'))),
        ["double percent-encoding"] = path => Encode(path, char.IsAsciiLetter, upperHex: true).Replace("%", "%25", StringComparison.Ordinal),
    };

    private static string MapSegments(string path, Func<string, int, string> map)
    {
        var segments = path.Split('/');
        var result = new StringBuilder();
        for (var i = 1; i < segments.Length; i++)
        {
            result.Append('/').Append(map(segments[i], i - 1));
        }

        return result.ToString();
    }

    private static string? InnerSlashes(string path, string replacement)
    {
        var inner = path.IndexOf('/', 1);
        return inner < 0 ? null : "/" + path[1..].Replace("/", replacement, StringComparison.Ordinal);
    }

    private static string Encode(string text, Func<char, bool> which, bool upperHex)
    {
        var result = new StringBuilder();
        foreach (var c in text)
        {
            if (which(c))
            {
                result.Append('%').Append(((int)c).ToString(upperHex ? "X2" : "x2", CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static string? Replace(string path, Dictionary<char, char> map)
    {
        if (!path.Any(map.ContainsKey))
        {
            return null;
        }

        var result = new StringBuilder();
        foreach (var c in path)
        {
            if (map.TryGetValue(c, out var replacement))
            {
                foreach (var b in Encoding.UTF8.GetBytes(replacement.ToString()))
                {
                    result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
