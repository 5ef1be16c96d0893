using FhirFacade.Fhir.Model;

namespace FhirFacade.Core.Search;

/// <summary>
/// Evaluates search criteria against a mapped resource, for the criteria a supplier could not apply
/// natively. Token, date and string semantics follow <see href="https://hl7.org/fhir/R4/search.html"/>;
/// reference criteria (the patient) are enforced by the gateway's patient filter, not here.
/// </summary>
public static class SearchMatcher
{
    /// <summary><see langword="true"/> when the resource satisfies the criterion (any of its values).</summary>
    public static bool Matches(ElementNode resource, SearchCriterion criterion, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(criterion);
        if (criterion.Parameter.Type == SearchParameterType.Reference)
        {
            return true;
        }

        var nodes = criterion.Parameter.Paths.SelectMany(p => Select(resource, p)).ToList();
        foreach (var value in criterion.Values)
        {
            if (nodes.Any(node => MatchesValue(node, criterion.Modifier, value, now)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The nodes at a dotted path (<c>name.family</c>) from the resource root.</summary>
    public static IEnumerable<ElementNode> Select(ElementNode resource, string path)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(path);
        IEnumerable<ElementNode> current = [resource];
        foreach (var segment in path.Split('.'))
        {
            current = current.SelectMany(n => n.ChildrenNamed(segment)).ToList();
        }

        return current;
    }

    private static bool MatchesValue(ElementNode node, SearchModifier modifier, SearchValue value, DateTimeOffset now) => value switch
    {
        TokenSearchValue token => MatchesToken(node, token),
        DateSearchValue date => MatchesDate(node, date, now),
        StringSearchValue text => MatchesString(node, modifier, text.Text),
        _ => false,
    };

    private static bool MatchesToken(ElementNode node, TokenSearchValue token)
    {
        var codings = node.ChildrenNamed("coding").ToList();
        if (codings.Count > 0)
        {
            return codings.Any(c => MatchesSystemAndCode(c.Child("system")?.Text, c.Child("code")?.Text, token));
        }

        if (node.Child("system") is not null || node.Child("value") is not null || node.Child("code") is not null)
        {
            // Coding (system + code) or Identifier (system + value).
            var code = node.Child("code")?.Text ?? node.Child("value")?.Text;
            return MatchesSystemAndCode(node.Child("system")?.Text, code, token);
        }

        // A primitive code (status, gender): its system is implied by the element's value set.
        return node.Text is not null && (token.Code is null || string.Equals(node.Text, token.Code, StringComparison.Ordinal));
    }

    private static bool MatchesSystemAndCode(string? system, string? code, TokenSearchValue token)
    {
        if (token.HasSystem && !string.Equals(system, token.System, StringComparison.Ordinal))
        {
            return false;
        }

        return token.Code is null || string.Equals(code, token.Code, StringComparison.Ordinal);
    }

    private static bool MatchesDate(ElementNode node, DateSearchValue date, DateTimeOffset now)
    {
        if (!TryRange(node, out var target))
        {
            return false;
        }

        return DateMatcher.Matches(date.Prefix, date.Range, target, now);
    }

    private static bool TryRange(ElementNode node, out DateRange range)
    {
        if (node.Text is not null)
        {
            return FhirDateParser.TryParseRange(node.Text, out range);
        }

        var start = node.Child("start")?.Text;
        var end = node.Child("end")?.Text;
        range = DateRange.Unbounded;
        if (start is null && end is null)
        {
            return false;
        }

        var from = DateTimeOffset.MinValue;
        var to = DateTimeOffset.MaxValue;
        if (start is not null)
        {
            if (!FhirDateParser.TryParseRange(start, out var s))
            {
                return false;
            }

            from = s.Start;
        }

        if (end is not null)
        {
            if (!FhirDateParser.TryParseRange(end, out var e))
            {
                return false;
            }

            to = e.End;
        }

        range = new DateRange(from, to);
        return true;
    }

    private static bool MatchesString(ElementNode node, SearchModifier modifier, string text)
    {
        var value = node.Text;
        return value is not null && modifier switch
        {
            SearchModifier.Exact => string.Equals(value, text, StringComparison.Ordinal),
            SearchModifier.Contains => value.Contains(text, StringComparison.OrdinalIgnoreCase),
            _ => value.StartsWith(text, StringComparison.OrdinalIgnoreCase),
        };
    }
}
