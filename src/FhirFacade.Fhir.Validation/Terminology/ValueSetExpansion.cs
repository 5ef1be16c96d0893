using System.Collections.Frozen;

namespace FhirFacade.Fhir.Validation.Terminology;

/// <summary>
/// The locally computable expansion of a value set. When parts of it draw on code systems that are not available
/// locally (SNOMED CT, dm+d…), <see cref="Contains"/> holds only what could be expanded, <see cref="IsComplete"/> is
/// <see langword="false"/> and <see cref="UnavailableSystems"/> names the systems whose membership cannot be checked.
/// Immutable; lookups are O(1).
/// </summary>
public sealed class ValueSetExpansion
{
    private readonly FrozenDictionary<string, ExpansionConcept> _bySystemAndCode;
    private readonly FrozenDictionary<string, ExpansionConcept[]> _byCode;

    /// <summary>Creates an expansion.</summary>
    public ValueSetExpansion(
        string url,
        string? version,
        IReadOnlyList<ExpansionConcept> contains,
        IReadOnlyCollection<string> unavailableSystems,
        bool hasUnresolvedParts)
    {
        Url = url;
        Version = version;
        Contains = contains;
        UnavailableSystems = unavailableSystems.ToFrozenSet(StringComparer.Ordinal);
        HasUnresolvedParts = hasUnresolvedParts;
        _bySystemAndCode = contains
            .DistinctBy(c => Key(c.System, c.Code))
            .ToFrozenDictionary(c => Key(c.System, c.Code), StringComparer.Ordinal);
        _byCode = contains.GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The value set canonical.</summary>
    public string Url { get; }

    /// <summary>The value set version.</summary>
    public string? Version { get; }

    /// <summary>The codes expanded locally.</summary>
    public IReadOnlyList<ExpansionConcept> Contains { get; }

    /// <summary>Code systems included (wholly or by filter) whose content is not available locally.</summary>
    public FrozenSet<string> UnavailableSystems { get; }

    /// <summary><see langword="true"/> when an imported value set or code system could not be found at all.</summary>
    public bool HasUnresolvedParts { get; }

    /// <summary><see langword="true"/> when <see cref="Contains"/> is the whole value set.</summary>
    public bool IsComplete => UnavailableSystems.Count == 0 && !HasUnresolvedParts;

    /// <summary>Finds a code of a system in the expansion.</summary>
    public ExpansionConcept? Find(string system, string code) => _bySystemAndCode.GetValueOrDefault(Key(system, code));

    /// <summary>Finds a code in any system of the expansion.</summary>
    public IReadOnlyList<ExpansionConcept> FindCode(string code) => _byCode.TryGetValue(code, out var found) ? found : [];

    private static string Key(string system, string code) => system + "|" + code;
}
