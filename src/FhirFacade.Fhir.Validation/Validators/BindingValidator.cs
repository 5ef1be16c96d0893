using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// A terminology binding (<see href="https://hl7.org/fhir/R4/terminologies.html#strength"/>) over
/// the local expansions: <c>required</c> → error when a code is provably outside the value set,
/// <c>extensible</c> → warning, <c>preferred</c> → information, <c>example</c> → nothing. Codes that
/// cannot be checked locally (SNOMED CT, dm+d) never produce more than information.
/// </summary>
internal sealed class BindingValidator : IElementValidator
{
    private readonly string _id;
    private readonly string _valueSet;
    private readonly Strength _strength;
    private readonly bool _reportUnchecked;

    public BindingValidator(string id, string valueSet, Strength strength, bool reportUnchecked)
    {
        _id = id;
        _valueSet = valueSet;
        _strength = strength;
        _reportUnchecked = reportUnchecked;
    }

    internal enum Strength
    {
        Required,
        Extensible,
        Preferred,
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        var outcome = node.InstanceType switch
        {
            "code" or "string" or "uri" => node.Text is { } code ? Check(null, code, context) : CodeCheckOutcome.Valid,
            "Coding" => CheckCoding(node, context, out _),
            "CodeableConcept" => CheckConcept(node, context),
            _ => CodeCheckOutcome.Valid,
        };

        if (outcome == CodeCheckOutcome.Valid)
        {
            return;
        }

        if (outcome == CodeCheckOutcome.Unknown)
        {
            if (_reportUnchecked)
            {
                context.Information(ValidationCodes.BindingUnchecked, IssueType.Informational, $"{_id}: the code cannot be checked locally against {_valueSet}", node);
            }

            return;
        }

        var message = $"{_id}: {Describe(node)} is in the value set {_valueSet} ({_strength.ToString().ToLowerInvariant()} binding)";
        switch (_strength)
        {
            case Strength.Required:
                context.Error(ValidationCodes.BindingRequired, IssueType.CodeInvalid, message, node);
                break;
            case Strength.Extensible:
                context.Warning(ValidationCodes.BindingExtensible, IssueType.CodeInvalid, message, node);
                break;
            default:
                context.Information(ValidationCodes.BindingPreferred, IssueType.CodeInvalid, message, node);
                break;
        }
    }

    private CodeCheckOutcome Check(string? system, string code, ValidationContext context) =>
        context.Terminology.Check(_valueSet, system, code);

    private CodeCheckOutcome CheckCoding(ElementNode coding, ValidationContext context, out bool hasCode)
    {
        var code = coding.Child("code")?.Text;
        hasCode = code is not null;
        return code is null ? CodeCheckOutcome.Valid : Check(coding.Child("system")?.Text, code, context);
    }

    // A CodeableConcept conforms when any coding is in the value set; it is provably wrong only when every coding is.
    private CodeCheckOutcome CheckConcept(ElementNode concept, ValidationContext context)
    {
        var sawUnknown = false;
        var sawInvalid = false;
        foreach (var coding in concept.ChildrenNamed("coding"))
        {
            switch (CheckCoding(coding, context, out var hasCode))
            {
                case CodeCheckOutcome.Valid when hasCode:
                    return CodeCheckOutcome.Valid;
                case CodeCheckOutcome.Unknown:
                    sawUnknown = true;
                    break;
                case CodeCheckOutcome.Invalid:
                    sawInvalid = true;
                    break;
            }
        }

        return sawUnknown ? CodeCheckOutcome.Unknown : sawInvalid ? CodeCheckOutcome.Invalid : CodeCheckOutcome.Valid;
    }

    private static string Describe(ElementNode node) => node.InstanceType switch
    {
        "Coding" => $"code '{node.Child("system")?.Text}#{node.Child("code")?.Text}' is not",
        "CodeableConcept" => "none of the codings",
        _ => $"code '{node.Text}' is not",
    };
}
