using System.Collections.Concurrent;
using FhirFacade.Fhir.Validation.Terminology;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// Binding checks answered by the local terminology (package CodeSystems and ValueSets), memoised:
/// the same few codes (gender, name use, statuses) are checked on every response, and the answer for
/// a (value set, system, code) never changes while the packages are loaded.
/// </summary>
internal sealed class LocalTerminologyBinding : IBindingTerminology
{
    // Bounded so that hostile input with endless distinct codes cannot grow memory without limit.
    private const int MaxCachedAnswers = 100_000;

    private readonly ILocalTerminology _terminology;
    private readonly ConcurrentDictionary<(string ValueSet, string? System, string Code), CodeCheckOutcome> _answers = new();

    public LocalTerminologyBinding(ILocalTerminology terminology) => _terminology = terminology;

    public CodeCheckOutcome Check(string valueSet, string? system, string code)
    {
        var key = (valueSet, system, code);
        if (_answers.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var outcome = _terminology.ValidateCode(valueSet, system, code, display: null).Validity switch
        {
            CodeValidity.Valid => CodeCheckOutcome.Valid,
            CodeValidity.Invalid => CodeCheckOutcome.Invalid,
            _ => CodeCheckOutcome.Unknown,
        };
        if (_answers.Count < MaxCachedAnswers)
        {
            _answers.TryAdd(key, outcome);
        }

        return outcome;
    }
}
