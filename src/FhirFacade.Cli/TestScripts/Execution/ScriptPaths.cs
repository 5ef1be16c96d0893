using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// <c>path</c> in asserts and variables (R4: "XPath or JSONPath"): the runner honours the forms that
/// mean the same as a FHIRPath path — a dotted path (<c>Bundle.entry[0].resource.id</c>) and a simple
/// XPath (<c>fhir:Bundle/fhir:type/@value</c>, numeric predicates only) — and a JSONPath subset
/// (<c>$.token_endpoint</c>, <c>$.a[0].b</c>, <c>$.a[*]</c>) over a body that is plain JSON rather than a
/// FHIR resource (SMART discovery). Anything else is unsupported and reported by the caller.
/// </summary>
internal static partial class ScriptPaths
{
    /// <summary>The FHIRPath equivalent of a dotted or simple XPath path, or <see langword="null"/> when there is none.</summary>
    public static string? ToFhirPath(string path)
    {
        var trimmed = path.Trim();
        if (DottedPath().IsMatch(trimmed))
        {
            return trimmed;
        }

        if (!trimmed.StartsWith("fhir:", StringComparison.Ordinal) && !trimmed.StartsWith("/fhir:", StringComparison.Ordinal))
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var segment in trimmed.TrimStart('/').Split('/'))
        {
            if (segment == "@value")
            {
                continue;
            }

            var match = XPathStep().Match(segment);
            if (!match.Success)
            {
                return null;
            }

            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(match.Groups["name"].Value);
            if (match.Groups["index"].Success)
            {
                // XPath counts from 1, FHIRPath from 0.
                var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) - 1;
                if (index < 0)
                {
                    return null;
                }

                builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary><see langword="true"/> for the JSONPath form (starts with <c>$</c>).</summary>
    public static bool IsJsonPath(string path) => path.TrimStart().StartsWith('$');

    /// <summary>
    /// Evaluates a JSONPath subset over JSON text: the scalar values found (as text) and the raw JSON
    /// of objects and arrays; <see langword="null"/> when the path or the body cannot be read.
    /// </summary>
    public static IReadOnlyList<string>? EvaluateJsonPath(string body, string path)
    {
        var steps = JsonPathSteps(path.Trim());
        if (steps is null)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var current = new List<JsonElement> { document.RootElement };
            foreach (var (name, index) in steps)
            {
                var next = new List<JsonElement>();
                foreach (var element in current)
                {
                    var value = element;
                    if (name is not null)
                    {
                        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out value))
                        {
                            continue;
                        }
                    }

                    if (index is null)
                    {
                        next.Add(value);
                    }
                    else if (value.ValueKind == JsonValueKind.Array)
                    {
                        if (index == -1)
                        {
                            next.AddRange(value.EnumerateArray());
                        }
                        else if (index < value.GetArrayLength())
                        {
                            next.Add(value[index.Value]);
                        }
                    }
                }

                current = next;
            }

            return current.Select(e => e.ValueKind switch
            {
                JsonValueKind.String => e.GetString() ?? string.Empty,
                JsonValueKind.Object or JsonValueKind.Array => e.GetRawText(),
                _ => e.GetRawText(),
            }).ToList();
        }
    }

    private static List<(string? Name, int? Index)>? JsonPathSteps(string path)
    {
        if (path == "$")
        {
            return [];
        }

        if (!path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var steps = new List<(string?, int?)>();
        foreach (var segment in path[2..].Split('.'))
        {
            var match = JsonPathStep().Match(segment);
            if (!match.Success)
            {
                return null;
            }

            int? index = null;
            if (match.Groups["index"].Success)
            {
                index = match.Groups["index"].Value == "*" ? -1 : int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            }

            steps.Add((match.Groups["name"].Value, index));
        }

        return steps;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\[[0-9]+\])?(\.[A-Za-z][A-Za-z0-9_]*(\[[0-9]+\])?)*$")]
    private static partial Regex DottedPath();

    [GeneratedRegex(@"^fhir:(?<name>[A-Za-z][A-Za-z0-9]*)(\[(?<index>[0-9]+)\])?$")]
    private static partial Regex XPathStep();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_\-]*)(\[(?<index>[0-9]+|\*)\])?$")]
    private static partial Regex JsonPathStep();
}
