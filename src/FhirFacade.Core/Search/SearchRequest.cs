using System.Text;
using FhirFacade.Core.Identity;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Search;

/// <summary>A parsed, validated search: what the gateway executes and what paging links re-create.</summary>
public sealed record SearchRequest
{
    /// <summary>The default page size.</summary>
    public const int DefaultCount = 50;

    /// <summary>The largest page size; larger requests are reduced to it.</summary>
    public const int MaxCount = 500;

    public required string ResourceType { get; init; }

    /// <summary>The search criteria, in request order.</summary>
    public IReadOnlyList<SearchCriterion> Criteria { get; init; } = [];

    /// <summary>The patient the search is confined to, when the search names one.</summary>
    public PatientReferenceValue? Patient { get; init; }

    /// <summary><see langword="true"/> when the search names an id the facade never issued: it is valid and matches nothing.</summary>
    public bool MatchesNothing { get; init; }

    /// <summary>The page size.</summary>
    public int Count { get; init; } = DefaultCount;

    /// <summary>The zero-based position of the first match on this page.</summary>
    public int Offset { get; init; }

    public SummaryMode Summary { get; init; }

    /// <summary>The elements named by <c>_elements</c> (empty: all).</summary>
    public IReadOnlyList<string> Elements { get; init; } = [];

    /// <summary>The <c>_include</c> values (e.g. <c>MedicationStatement:medication</c>).</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    /// <summary>Parameters the facade does not know; never echoed in links.</summary>
    public IReadOnlyList<string> UnknownParameters { get; init; } = [];

    /// <summary>Informational issues raised while parsing (for example a reduced <c>_count</c>).</summary>
    public IReadOnlyList<Issue> Issues { get; init; } = [];

    /// <summary><see langword="true"/> when <c>_include=MedicationStatement:medication</c> was asked for.</summary>
    public bool IncludesMedication => Includes.Contains(FhirResourceTypes.MedicationStatementMedicationInclude, StringComparer.Ordinal);

    /// <summary>The NHS number of the patient, when the search names it directly.</summary>
    public NhsNumber? PatientNhsNumber => Patient?.NhsNumber;

    /// <summary>
    /// The recognised parameters in request order, URL-encoded, without <c>_count</c> and paging: the
    /// stable part of <c>self</c>/<c>next</c> links. Unknown parameters are never part of it.
    /// </summary>
    public string CanonicalQuery()
    {
        var builder = new StringBuilder();
        foreach (var criterion in Criteria)
        {
            Append(builder, criterion.QueryName, criterion.QueryValue);
        }

        if (Summary != SummaryMode.None)
        {
            Append(builder, SearchParameterNames.Summary, Summary.ToString().ToLowerInvariant());
        }

        if (Elements.Count > 0)
        {
            Append(builder, SearchParameterNames.Elements, string.Join(',', Elements));
        }

        foreach (var include in Includes)
        {
            Append(builder, SearchParameterNames.Include, include);
        }

        return builder.ToString();
    }

    /// <summary>The criteria on one parameter.</summary>
    public IEnumerable<SearchCriterion> CriteriaFor(string parameterName) =>
        Criteria.Where(c => string.Equals(c.Parameter.Name, parameterName, StringComparison.Ordinal));

    /// <summary>
    /// The family name a supplier's demographic search can take: the first plain (no modifier,
    /// single value) <c>family</c>, trimmed; <see langword="null"/> when there is none.
    /// </summary>
    public string? PlainFamily() =>
        CriteriaFor(SearchParameterNames.Family)
            .Where(c => c.Modifier == SearchModifier.None && c.Values.Count == 1)
            .Select(c => (c.Values[0] as StringSearchValue)?.Text?.Trim())
            .FirstOrDefault(t => !string.IsNullOrEmpty(t));

    /// <summary>
    /// The birth date a supplier can filter on natively: a single <c>birthdate</c> criterion with one
    /// <c>eq</c> value of day precision; <see langword="null"/> otherwise (the gateway then filters).
    /// </summary>
    public DateOnly? ExactBirthDate()
    {
        var criteria = CriteriaFor(SearchParameterNames.Birthdate).ToList();
        if (criteria is not [{ Values: [DateSearchValue { Prefix: DatePrefix.Eq, Range: var range }] }]
            || range.End - range.Start != TimeSpan.FromDays(1)
            || range.Start.TimeOfDay != TimeSpan.Zero)
        {
            return null;
        }

        return DateOnly.FromDateTime(range.Start.DateTime);
    }

    private static void Append(StringBuilder builder, string name, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        builder.Append(Escape(name)).Append('=').Append(Escape(value));
    }

    // Colons (modifiers, _include values) stay readable; everything else is percent-encoded.
    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%3A", ":", StringComparison.Ordinal);
}
