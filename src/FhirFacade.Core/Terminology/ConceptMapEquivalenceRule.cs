using System.Collections.Frozen;

namespace FhirFacade.Core.Terminology;

/// <summary>
/// Which R4 ConceptMap target equivalences (<see href="https://hl7.org/fhir/R4/valueset-concept-map-equivalence.html"/>)
/// let a target be used as the translation of its source code.
/// </summary>
public sealed class ConceptMapEquivalenceRule
{
    private const string Unmatched = "unmatched";
    private const string Disjoint = "disjoint";

    private static readonly FrozenSet<string> EquivalentWiderOrRelatedCodes =
        FrozenSet.ToFrozenSet(["equivalent", "equal", "wider", "subsumes", "relatedto"], StringComparer.Ordinal);

    private readonly Func<string?, bool> _accepts;

    private ConceptMapEquivalenceRule(Func<string?, bool> accepts)
    {
        _accepts = accepts;
    }

    /// <summary>
    /// Any target except <c>unmatched</c> and <c>disjoint</c> (which say there is no mapping); a target without an
    /// equivalence is accepted too. No adapter uses it any more: it lets a <c>narrower</c> target claim more than was recorded.
    /// </summary>
    public static ConceptMapEquivalenceRule AnyButUnmatchedOrDisjoint { get; } = new(e => e is not (Unmatched or Disjoint));

    /// <summary>
    /// Only <c>equivalent</c>, <c>equal</c>, <c>wider</c>, <c>subsumes</c> and <c>relatedto</c>: targets that may stand
    /// beside the source coding. A target without an equivalence is rejected. Every code map uses it (CTV3, Read v2, EMIS local).
    /// </summary>
    public static ConceptMapEquivalenceRule EquivalentWiderOrRelated { get; } = new(e => e is not null && EquivalentWiderOrRelatedCodes.Contains(e));

    /// <summary>Whether a target with this equivalence (<see langword="null"/> when absent) is usable.</summary>
    public bool Accepts(string? equivalence) => _accepts(equivalence);
}
