using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>String manipulation (<see href="http://hl7.org/fhirpath/N1/#string-manipulation"/>).</summary>
internal static partial class FunctionTable
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private static readonly ConcurrentDictionary<string, Regex> RegexCache = new(StringComparer.Ordinal);

    private static void RegisterStrings(Dictionary<string, FunctionDefinition> functions)
    {
        AddString(functions, "indexOf", 1, (s, args, scope) =>
        {
            var sub = StringArgument(args, 0, scope, "indexOf");
            return sub is null ? null : (long)s.IndexOf(sub, StringComparison.Ordinal);
        });
        AddString(functions, "substring", 2, (s, args, scope) =>
        {
            var start = IntegerArgument(args, 0, scope, "substring");
            if (start is null || start < 0 || start >= s.Length)
            {
                return null;
            }

            var length = args.Length > 1 ? IntegerArgument(args, 1, scope, "substring") : s.Length - start;
            if (length is null)
            {
                return s[(int)start.Value..];
            }

            return length <= 0 ? string.Empty : s.Substring((int)start.Value, (int)Math.Min(length.Value, s.Length - start.Value));
        }, min: 1);
        AddString(functions, "startsWith", 1, (s, args, scope) => StringArgument(args, 0, scope, "startsWith") is { } p ? s.StartsWith(p, StringComparison.Ordinal) : null);
        AddString(functions, "endsWith", 1, (s, args, scope) => StringArgument(args, 0, scope, "endsWith") is { } p ? s.EndsWith(p, StringComparison.Ordinal) : null);
        AddString(functions, "contains", 1, (s, args, scope) => StringArgument(args, 0, scope, "contains") is { } p ? s.Contains(p, StringComparison.Ordinal) : null);
        AddString(functions, "upper", 0, (s, _, _) => s.ToUpperInvariant());
        AddString(functions, "lower", 0, (s, _, _) => s.ToLowerInvariant());
        AddString(functions, "trim", 0, (s, _, _) => s.Trim());
        AddString(functions, "length", 0, (s, _, _) => (long)s.Length);
        AddString(functions, "replace", 2, (s, args, scope) =>
        {
            var pattern = StringArgument(args, 0, scope, "replace");
            var substitution = StringArgument(args, 1, scope, "replace");
            if (pattern is null || substitution is null)
            {
                return null;
            }

            if (pattern.Length == 0)
            {
                var builder = new StringBuilder(substitution);
                foreach (var c in s)
                {
                    builder.Append(c).Append(substitution);
                }

                return builder.ToString();
            }

            return s.Replace(pattern, substitution, StringComparison.Ordinal);
        });
        AddString(functions, "matches", 1, (s, args, scope) => StringArgument(args, 0, scope, "matches") is { } p ? SafeMatch(s, p, full: false) : null);
        AddString(functions, "matchesFull", 1, (s, args, scope) => StringArgument(args, 0, scope, "matchesFull") is { } p ? SafeMatch(s, p, full: true) : null);
        AddString(functions, "replaceMatches", 2, (s, args, scope) =>
        {
            var pattern = StringArgument(args, 0, scope, "replaceMatches");
            var substitution = StringArgument(args, 1, scope, "replaceMatches");
            if (pattern is null || substitution is null)
            {
                return null;
            }

            try
            {
                return pattern.Length == 0 ? s : GetRegex(pattern).Replace(s, substitution);
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        });
        AddString(functions, "encode", 1, (s, args, scope) => StringArgument(args, 0, scope, "encode") switch
        {
            "base64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)),
            "urlbase64" => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).Replace('+', '-').Replace('/', '_'),
            "hex" => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s)),
            _ => null,
        });
        AddString(functions, "decode", 1, (s, args, scope) => Decode(s, StringArgument(args, 0, scope, "decode")));
        AddString(functions, "escape", 1, (s, args, scope) => StringArgument(args, 0, scope, "escape") switch
        {
            "html" => WebUtility.HtmlEncode(s),
            "json" => JsonEncodedText.Encode(s, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
            _ => null,
        });
        AddString(functions, "unescape", 1, (s, args, scope) => StringArgument(args, 0, scope, "unescape") switch
        {
            "html" => WebUtility.HtmlDecode(s),
            "json" => UnescapeJson(s),
            _ => null,
        });
        Add(functions, "toChars", 0, 0, (input, _, _) =>
        {
            var s = StringInput(input, "toChars");
            if (s is null)
            {
                return Items.Empty;
            }

            var result = new FhirPathItem[s.Length];
            for (var i = 0; i < s.Length; i++)
            {
                result[i] = FhirPathItem.FromValue(s[i].ToString());
            }

            return result;
        });
        Add(functions, "split", 1, 1, (input, args, scope) =>
        {
            var s = StringInput(input, "split");
            var separator = StringArgument(args, 0, scope, "split");
            if (s is null || separator is null)
            {
                return Items.Empty;
            }

            var parts = separator.Length == 0 ? [s] : s.Split(separator);
            var result = new FhirPathItem[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                result[i] = FhirPathItem.FromValue(parts[i]);
            }

            return result;
        });
        Add(functions, "join", 0, 1, (input, args, scope) =>
        {
            var separator = StringArgument(args, 0, scope, "join") ?? string.Empty;
            var builder = new StringBuilder();
            for (var i = 0; i < input.Count; i++)
            {
                if (input[i].Value is not string s)
                {
                    throw new FhirPathEvaluationException("'join' needs string items.");
                }

                if (i > 0)
                {
                    builder.Append(separator);
                }

                builder.Append(s);
            }

            return Items.OfValue(builder.ToString());
        });
    }

    private static void AddString(Dictionary<string, FunctionDefinition> functions, string name, int max, Func<string, Evaluator[], EvaluationScope, object?> body, int? min = null) =>
        Add(functions, name, min ?? max, max, (input, args, scope) =>
        {
            var s = StringInput(input, name);
            return s is null ? Items.Empty : Items.OfValue(body(s, args, scope));
        });

    private static Regex GetRegex(string pattern) =>
        RegexCache.GetOrAdd(pattern, p => new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Singleline, RegexTimeout));

    private static bool? SafeMatch(string s, string pattern, bool full)
    {
        try
        {
            return GetRegex(full ? "^(?:" + pattern + ")$" : pattern).IsMatch(s);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            throw new FhirPathEvaluationException("Invalid regular expression.");
        }
    }

    private static string? Decode(string s, string? encoding)
    {
        try
        {
            return encoding switch
            {
                "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(s)),
                "urlbase64" => Encoding.UTF8.GetString(Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/'))),
                "hex" => Encoding.UTF8.GetString(Convert.FromHexString(s)),
                _ => null,
            };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? UnescapeJson(string s)
    {
        var builder = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c != '\\' || i + 1 >= s.Length)
            {
                builder.Append(c);
                continue;
            }

            var e = s[++i];
            switch (e)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when i + 4 < s.Length && int.TryParse(s.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(e); break;
            }
        }

        return builder.ToString();
    }
}
