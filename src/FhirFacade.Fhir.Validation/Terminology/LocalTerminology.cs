using System.Collections.Concurrent;
using System.Text.Json;
using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Validation.Validators;

namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>
/// <see cref="ILocalTerminology"/> over the loaded packages plus, optionally, the facade's own <c>profiles/</c> package
/// (searched first, so its ConceptMaps and value sets win). Code systems, expansions and the ConceptMap index are
/// built on first use and cached; thread-safe. Also answers the validator's binding checks (<see cref="IBindingTerminology"/>).
/// </summary>
public sealed class LocalTerminology : ILocalTerminology, IBindingTerminology
{
    private readonly IConformanceResolver[] _sources;
    private readonly ConcurrentDictionary<string, CodeSystemIndex> _codeSystems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ValueSetExpansion?> _expansions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);
    private readonly Lock _expansionGate = new();
    private readonly Lazy<ConceptMapIndex> _conceptMaps;
    private readonly ValueSetExpander _expander;

    /// <summary>Creates the service over <paramref name="packages"/> and, when given, the project's own profiles package.</summary>
    public LocalTerminology(IConformanceResolver packages, IConformanceResolver? projectProfiles = null)
    {
        ArgumentNullException.ThrowIfNull(packages);
        _sources = projectProfiles is null ? [packages] : [projectProfiles, packages];
        _conceptMaps = new Lazy<ConceptMapIndex>(BuildConceptMapIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        _expander = new ValueSetExpander(GetCodeSystem, ExpandImported);
    }

    /// <inheritdoc />
    public ValueSetExpansion? Expand(string valueSetCanonical)
    {
        ArgumentNullException.ThrowIfNull(valueSetCanonical);
        if (_expansions.TryGetValue(valueSetCanonical, out var cached))
        {
            return cached;
        }

        // Expansion recurses into imported value sets on the same thread (the lock is re-entrant); the in-progress
        // set breaks import cycles, which then read as unresolved parts.
        lock (_expansionGate)
        {
            if (_expansions.TryGetValue(valueSetCanonical, out cached))
            {
                return cached;
            }

            if (!_expanding.Add(valueSetCanonical))
            {
                return null;
            }

            try
            {
                var json = ResolveResource(valueSetCanonical, "ValueSet");
                var expansion = json is { } vs ? _expander.Expand(StripVersion(valueSetCanonical), vs) : null;
                _expansions[valueSetCanonical] = expansion;
                return expansion;
            }
            finally
            {
                _expanding.Remove(valueSetCanonical);
            }
        }
    }

    /// <inheritdoc />
    public CodeValidationResult ValidateCode(string valueSet, string? system, string code, string? display)
    {
        ArgumentNullException.ThrowIfNull(valueSet);
        ArgumentNullException.ThrowIfNull(code);
        if (system is not null && system == TerminologySystems.Ucum && !TerminologySystems.CommonUcumUnits.Contains(code))
        {
            return new CodeValidationResult(CodeValidity.Unknown, $"UCUM unit '{code}' cannot be checked locally.");
        }

        var expansion = Expand(valueSet);
        if (expansion is null)
        {
            return new CodeValidationResult(CodeValidity.Unknown, $"Value set '{valueSet}' is not available locally.");
        }

        var found = system is null
            ? expansion.FindCode(code) is { Count: 1 } single ? single[0] : null
            : expansion.Find(system, code);
        if (found is not null)
        {
            return WithDisplayCheck(found, display, $"Code '{code}' is in value set '{valueSet}'.");
        }

        if (system is null)
        {
            return expansion.IsComplete && expansion.FindCode(code).Count == 0
                ? new CodeValidationResult(CodeValidity.Invalid, $"Code '{code}' (no system) is not in value set '{valueSet}'.")
                : new CodeValidationResult(CodeValidity.Unknown, $"Code '{code}' has no system and cannot be checked against value set '{valueSet}'.");
        }

        if (system == TerminologySystems.Ucum && expansion.UnavailableSystems.Contains(system))
        {
            return new CodeValidationResult(CodeValidity.Valid, $"UCUM unit '{code}' is a known common unit.");
        }

        if (expansion.UnavailableSystems.Contains(system) || expansion.HasUnresolvedParts)
        {
            return new CodeValidationResult(CodeValidity.Unknown, $"Code system '{system}' is not available locally; code '{code}' cannot be checked against value set '{valueSet}'.");
        }

        var codeSystem = GetCodeSystem(system);
        return codeSystem.Availability == CodeSystemAvailability.Complete && codeSystem.Find(code) is null
            ? new CodeValidationResult(CodeValidity.Invalid, $"Code '{code}' is not defined in code system '{system}'.")
            : new CodeValidationResult(CodeValidity.Invalid, $"Code '{code}' from '{system}' is not in value set '{valueSet}'.");
    }

    /// <inheritdoc />
    public TranslationResult Translate(string? conceptMapCanonical, string sourceSystem, string code, string targetSystem)
    {
        ArgumentNullException.ThrowIfNull(sourceSystem);
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(targetSystem);
        return _conceptMaps.Value.Translate(conceptMapCanonical, sourceSystem, code, targetSystem);
    }

    /// <inheritdoc />
    CodeCheckOutcome IBindingTerminology.Check(string valueSet, string? system, string code) =>
        ValidateCode(valueSet, system, code, null).Validity switch
        {
            CodeValidity.Valid => CodeCheckOutcome.Valid,
            CodeValidity.Invalid => CodeCheckOutcome.Invalid,
            _ => CodeCheckOutcome.Unknown,
        };

    private CodeValidationResult WithDisplayCheck(ExpansionConcept found, string? display, string message)
    {
        var expected = found.Display ?? GetCodeSystem(found.System).Find(found.Code)?.Display;
        if (display is null || expected is null)
        {
            return new CodeValidationResult(CodeValidity.Valid, message, expected);
        }

        var matches = string.Equals(display.Trim(), expected.Trim(), StringComparison.OrdinalIgnoreCase);
        return new CodeValidationResult(
            CodeValidity.Valid,
            matches ? message : $"{message} The display differs from '{expected}'.",
            expected,
            matches);
    }

    private ValueSetExpansion? ExpandImported(string canonical) => Expand(canonical);

    private CodeSystemIndex GetCodeSystem(string system) =>
        _codeSystems.GetOrAdd(system, url =>
            TerminologySystems.External.Contains(url) || ResolveResource(url, "CodeSystem") is not { } json
                ? CodeSystemIndex.NotAvailable(url)
                : CodeSystemIndex.Build(url, json));

    private JsonElement? ResolveResource(string canonical, string resourceType)
    {
        foreach (var source in _sources)
        {
            if (source.ResolveCanonical(canonical) is { } json
                && json.TryGetProperty("resourceType", out var rt)
                && rt.ValueKind == JsonValueKind.String
                && rt.GetString() == resourceType)
            {
                return json;
            }
        }

        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? null : ResolveResource(canonical[..bar], resourceType);
    }

    private ConceptMapIndex BuildConceptMapIndex()
    {
        var index = new ConceptMapIndex();
        foreach (var source in _sources)
        {
            foreach (var info in source.ListResources("ConceptMap"))
            {
                if (source.ResolveById("ConceptMap", info.Id) is { } json)
                {
                    index.Add(json);
                }
            }
        }

        return index;
    }

    private static string StripVersion(string canonical)
    {
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? canonical : canonical[..bar];
    }
}
