using System.Globalization;
using System.Text.RegularExpressions;
using FhirFacade.Core.Errors;
using FhirFacade.Core.Identity;
using FhirFacade.Fhir.Issues;
using N = FhirFacade.Core.Search.SearchParameterNames;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Core.Search;

/// <summary>
/// Turns the query parameters of a search into a <see cref="SearchRequest"/>, enforcing the facade's
/// rules: NHS numbers pass Modulus 11 and carry the NHS number system, clinical searches name a
/// patient, and Patient searches name one too ("no fishing": <c>identifier</c>, <c>_id</c>, or
/// <c>family</c> + <c>birthdate</c>). Bad requests throw <see cref="FacadeException"/> carrying every issue found.
/// </summary>
public static partial class SearchRequestParser
{
    /// <summary>The NHS number identifier system.</summary>
    public const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

    private static readonly HashSet<string> _httpLayerParameters = new(StringComparer.Ordinal) { N.Format, N.Pretty };

    /// <summary>Parses a search on <paramref name="resourceType"/>.</summary>
    /// <param name="resourceType">The searched type; must be in <see cref="SearchParameterCatalog.SearchableTypes"/>.</param>
    /// <param name="parameters">The query (and form) parameters in request order.</param>
    /// <param name="strict"><see langword="true"/> under <c>Prefer: handling=strict</c>: unknown parameters are an error.</param>
    /// <param name="ids">Decodes the facade Patient ids a search names; one it did not issue matches nothing.</param>
    /// <exception cref="FacadeException">400 or 422 with an OperationOutcome issue per problem.</exception>
    public static SearchRequest Parse(string resourceType, IEnumerable<KeyValuePair<string, string>> parameters, bool strict, ResourceIdCodec ids)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(ids);
        var context = new ParseContext(resourceType, ids);
        foreach (var (rawName, value) in parameters)
        {
            ParseOne(context, rawName, value);
        }

        if (strict && context.Unknown.Count > 0)
        {
            context.BadRequest(SpineErrorCodes.InvalidParameter, IssueType.NotSupported, $"Unknown search parameter(s) under Prefer: handling=strict: {string.Join(", ", context.Unknown)}.");
        }

        if (context.BadRequestIssues.Count == 0)
        {
            CheckRequiredParameters(context);
        }

        if (context.BadRequestIssues.Count > 0)
        {
            throw new FacadeException(400, context.BadRequestIssues);
        }

        if (context.UnprocessableIssues.Count > 0)
        {
            throw new FacadeException(422, context.UnprocessableIssues);
        }

        return new SearchRequest
        {
            ResourceType = resourceType,
            Criteria = context.Criteria,
            Patient = context.Patient,
            MatchesNothing = context.NotFoundId || context.IdMatchesNothing,
            Count = context.Count,
            Summary = context.Summary,
            Elements = context.Elements,
            Includes = context.Includes,
            UnknownParameters = context.Unknown,
            Issues = context.Information,
        };
    }

    /// <summary>Parses only the result parameters <c>_summary</c> and <c>_elements</c> (for reads); other parameters are ignored.</summary>
    /// <exception cref="FacadeException">400 or 422 for invalid values.</exception>
    public static (SummaryMode Summary, IReadOnlyList<string> Elements) ParseResultParameters(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var context = new ParseContext(string.Empty);
        foreach (var (name, value) in parameters)
        {
            if (name == N.Summary)
            {
                ParseSummary(context, value);
            }
            else if (name == N.Elements)
            {
                ParseElements(context, value);
            }
        }

        if (context.BadRequestIssues.Count > 0)
        {
            throw new FacadeException(400, context.BadRequestIssues);
        }

        if (context.UnprocessableIssues.Count > 0)
        {
            throw new FacadeException(422, context.UnprocessableIssues);
        }

        return (context.Summary, context.Elements);
    }

    /// <summary>Checks an NHS number identifier token (<c>system|value</c>), returning the number or adding the Spine-coded issue.</summary>
    internal static NhsNumber? ParseNhsIdentifier(ParseContext context, string parameter, string value)
    {
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || !string.Equals(value[..bar], NhsNumberSystem, StringComparison.Ordinal))
        {
            context.BadRequest(SpineErrorCodes.InvalidIdentifierSystem, IssueType.Value, $"Parameter '{parameter}' needs the NHS number system: {NhsNumberSystem}|{{nhs-number}}.");
            return null;
        }

        var number = value[(bar + 1)..];
        if (number.Length == 0)
        {
            context.BadRequest(SpineErrorCodes.InvalidIdentifierValue, IssueType.Value, $"Parameter '{parameter}' has no NHS number after the system.");
            return null;
        }

        if (!NhsNumber.TryParse(number, out var nhsNumber))
        {
            context.BadRequest(SpineErrorCodes.InvalidNhsNumber, IssueType.Value, $"Parameter '{parameter}' is not a valid NHS number (10 digits with a Modulus 11 check digit).");
            return null;
        }

        return nhsNumber;
    }

    private static void ParseOne(ParseContext context, string rawName, string value)
    {
        if (_httpLayerParameters.Contains(rawName))
        {
            return;
        }

        switch (rawName)
        {
            case N.Count:
                ParseCount(context, value);
                return;
            case N.Summary:
                ParseSummary(context, value);
                return;
            case N.Elements:
                ParseElements(context, value);
                return;
            case N.Include:
                ParseInclude(context, value);
                return;
            case N.PatientIdentifierChain when context.ResourceType != T.Patient:
                ParsePatientChain(context, rawName, value);
                return;
            default:
                break;
        }

        var colon = rawName.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? rawName : rawName[..colon];
        var modifierText = colon < 0 ? null : rawName[(colon + 1)..];
        var definition = SearchParameterCatalog.Find(context.ResourceType, name);
        if (definition is null)
        {
            context.Unknown.Add(rawName);
            return;
        }

        var modifier = ParseModifier(context, definition, rawName, modifierText);
        if (modifier is null)
        {
            return;
        }

        if (value.Length == 0)
        {
            context.BadRequest(SpineErrorCodes.InvalidParameter, IssueType.Invalid, $"Parameter '{rawName}' has no value.");
            return;
        }

        var values = new List<SearchValue>();
        foreach (var part in SplitValues(value))
        {
            var parsed = ParseValue(context, definition, rawName, part);
            if (parsed is not null)
            {
                values.Add(parsed);
            }
        }

        if (values.Count > 0)
        {
            context.Criteria.Add(new SearchCriterion(definition, modifier.Value, values, rawName, value));
        }
        else if (definition.Name == N.Id && context.BadRequestIssues.Count == 0)
        {
            // No value is an id the facade issued for this type: the search is valid and matches nothing, without saying
            // whether any of them was ever real (docs/adr/0005-out-of-context-patient-access.md).
            context.IdMatchesNothing = true;
            context.NotFoundId |= context.ResourceType == T.Patient;
        }
    }

    // One _id value: a facade id of the searched type is kept; any other id is dropped (it can match nothing), and a
    // Patient id also names the patient the search is confined to.
    private static TokenSearchValue? ParseId(ParseContext context, string value)
    {
        if (context.ResourceType == T.Patient)
        {
            if (!context.TryDecodePatientId(value, out var patientId))
            {
                return null;
            }

            context.SetPatient(new PatientReferenceValue(patientId, null));
            return new TokenSearchValue(null, value, false);
        }

        return context.TryDecodeId(value) ? new TokenSearchValue(null, value, false) : null;
    }

    private static SearchModifier? ParseModifier(ParseContext context, SearchParameterDefinition definition, string rawName, string? modifierText)
    {
        SearchModifier? modifier = modifierText switch
        {
            null => SearchModifier.None,
            "exact" => SearchModifier.Exact,
            "contains" => SearchModifier.Contains,
            _ => null,
        };
        if (modifier is SearchModifier.None || (modifier is not null && definition.Modifiers.Contains(modifier.Value)))
        {
            return modifier;
        }

        context.Unprocessable($"Modifier ':{modifierText}' is not supported on parameter '{definition.Name}' ({rawName}).");
        return null;
    }

    private static SearchValue? ParseValue(ParseContext context, SearchParameterDefinition definition, string rawName, string value)
    {
        switch (definition.Type)
        {
            case SearchParameterType.Token when definition.ResourceType == T.Patient && definition.Name == N.Identifier:
                var nhs = ParseNhsIdentifier(context, rawName, value);
                if (nhs is not null)
                {
                    context.SetPatient(new PatientReferenceValue(null, nhs));
                }

                return nhs is null ? null : new TokenSearchValue(NhsNumberSystem, nhs.Value.Value, true);
            case SearchParameterType.Token when definition.Name == N.Id:
                return ParseId(context, value);
            case SearchParameterType.Token:
                return ParseToken(value);
            case SearchParameterType.Date:
                return ParseDate(context, rawName, value);
            case SearchParameterType.String:
                return new StringSearchValue(value);
            case SearchParameterType.Reference:
                return ParsePatientReference(context, rawName, value);
            default:
                return null;
        }
    }

    private static TokenSearchValue ParseToken(string value)
    {
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return new TokenSearchValue(null, value, false);
        }

        var system = value[..bar];
        var code = value[(bar + 1)..];
        return new TokenSearchValue(system.Length == 0 ? null : system, code.Length == 0 ? null : code, true);
    }

    private static DateSearchValue? ParseDate(ParseContext context, string rawName, string value)
    {
        var prefix = DatePrefix.Eq;
        var text = value;
        if (value.Length > 2 && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]))
        {
            DatePrefix? parsed = value[..2] switch
            {
                "eq" => DatePrefix.Eq,
                "ne" => DatePrefix.Ne,
                "lt" => DatePrefix.Lt,
                "gt" => DatePrefix.Gt,
                "le" => DatePrefix.Le,
                "ge" => DatePrefix.Ge,
                "sa" => DatePrefix.Sa,
                "eb" => DatePrefix.Eb,
                "ap" => DatePrefix.Ap,
                _ => null,
            };
            if (parsed is null)
            {
                context.BadRequest(SpineErrorCodes.InvalidParameter, IssueType.Invalid, $"Parameter '{rawName}' has an unknown prefix '{value[..2]}' (eq, ne, lt, gt, le, ge, sa, eb, ap).");
                return null;
            }

            prefix = parsed.Value;
            text = value[2..];
        }

        if (!FhirDateParser.TryParseRange(text, out var range))
        {
            context.BadRequest(SpineErrorCodes.InvalidParameter, IssueType.Invalid, $"Parameter '{rawName}' is not a FHIR date or dateTime (YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm[:ss][zone]).");
            return null;
        }

        return new DateSearchValue(prefix, range);
    }

    private static PatientReferenceValue? ParsePatientReference(ParseContext context, string rawName, string value)
    {
        var id = value.StartsWith(T.Patient + "/", StringComparison.Ordinal) ? value[(T.Patient.Length + 1)..] : value;
        if (id.Contains('/', StringComparison.Ordinal))
        {
            context.BadRequest(SpineErrorCodes.InvalidParameter, IssueType.Invalid, $"Parameter '{rawName}' must be Patient/{{id}} or an id.");
            return null;
        }

        if (!context.TryDecodePatientId(id, out var patientId))
        {
            // An id the facade never issued names no patient: the search is valid and matches nothing.
            context.NotFoundId = true;
            return null;
        }

        var reference = new PatientReferenceValue(patientId, null);
        context.SetPatient(reference);
        return reference;
    }

    private static void ParsePatientChain(ParseContext context, string rawName, string value)
    {
        var definition = SearchParameterCatalog.Find(context.ResourceType, N.Patient);
        if (definition is null)
        {
            context.Unknown.Add(rawName);
            return;
        }

        var nhs = ParseNhsIdentifier(context, rawName, value);
        if (nhs is null)
        {
            return;
        }

        var reference = new PatientReferenceValue(null, nhs);
        context.SetPatient(reference);
        context.Criteria.Add(new SearchCriterion(definition, SearchModifier.None, [reference], rawName, value));
    }

    private static void ParseCount(ParseContext context, string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            context.BadRequest(SpineErrorCodes.InvalidParameter, IssueType.Invalid, "Parameter '_count' must be a non-negative integer.");
            return;
        }

        if (count > SearchRequest.MaxCount)
        {
            context.Information.Add(new Issue("SEARCH-COUNT-MAX", IssueSeverity.Information, IssueType.Informational, $"_count reduced to the maximum page size {SearchRequest.MaxCount}."));
            count = SearchRequest.MaxCount;
        }

        context.Count = count;
    }

    private static void ParseSummary(ParseContext context, string value)
    {
        SummaryMode? mode = value switch
        {
            "true" => SummaryMode.True,
            "false" => SummaryMode.None,
            "count" => SummaryMode.Count,
            "data" => SummaryMode.Data,
            _ => null,
        };
        if (mode is null)
        {
            context.Unprocessable($"_summary={value} is not supported (true, false, count, data).");
            return;
        }

        context.Summary = mode.Value;
    }

    private static void ParseElements(ParseContext context, string value)
    {
        foreach (var element in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!ElementNamePattern().IsMatch(element))
            {
                context.BadRequest(SpineErrorCodes.InvalidParameter, IssueType.Invalid, $"_elements names an invalid element '{element}'.");
                continue;
            }

            if (!context.Elements.Contains(element))
            {
                context.Elements.Add(element);
            }
        }
    }

    private static void ParseInclude(ParseContext context, string value)
    {
        if (context.ResourceType == T.MedicationStatement && value == T.MedicationStatementMedicationInclude)
        {
            if (!context.Includes.Contains(value))
            {
                context.Includes.Add(value);
            }

            return;
        }

        context.Unprocessable($"_include={value} is not supported on {context.ResourceType} (supported: MedicationStatement:medication on MedicationStatement).");
    }

    private static void CheckRequiredParameters(ParseContext context)
    {
        if (context.ResourceType == T.Patient)
        {
            var has = context.Criteria.Select(c => c.Parameter.Name).ToHashSet(StringComparer.Ordinal);
            var identified = has.Contains(N.Identifier) || has.Contains(N.Id) || context.NotFoundId;
            if (!identified && !(has.Contains(N.Family) && has.Contains(N.Birthdate)))
            {
                context.BadRequest(SpineErrorCodes.BadRequest, IssueType.Required, "A Patient search must identify the patient: identifier (NHS number), _id, or family together with birthdate. Searches that could list many patients are not allowed.");
            }

            return;
        }

        if (context.Patient is null && !context.NotFoundId)
        {
            context.BadRequest(SpineErrorCodes.BadRequest, IssueType.Required, $"A {context.ResourceType} search must name the patient: patient=Patient/{{id}} or patient.identifier={NhsNumberSystem}|{{nhs-number}}.");
        }
    }

    private static IEnumerable<string> SplitValues(string value)
    {
        // Commas separate alternatives; "\," is a literal comma (https://hl7.org/fhir/R4/search.html#escaping).
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] == ',')
            {
                current.Append(',');
                i++;
            }
            else if (value[i] == ',')
            {
                yield return current.ToString();
                current.Clear();
            }
            else
            {
                current.Append(value[i]);
            }
        }

        yield return current.ToString();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ElementNamePattern();
}
