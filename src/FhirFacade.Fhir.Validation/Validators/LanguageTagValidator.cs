using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Terminology;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// A binding that allows only BCP-47 language tags: <c>required</c> to <c>all-languages</c> (UK Core's
/// <c>Patient.communication.language</c>) or bounded by it through <c>maxValueSet</c> (<c>Resource.language</c>,
/// <see href="https://hl7.org/fhir/R4/extension-elementdefinition-maxvalueset.html"/>). A code that is not a
/// well-formed tag (<see cref="LanguageTags"/>), or a coding from another system, is an error. A
/// <c>CodeableConcept</c> is wrong only when every coding is.
/// </summary>
internal sealed class LanguageTagValidator : IElementValidator
{
    private readonly string _id;
    private readonly string _valueSet;

    public LanguageTagValidator(string id, string valueSet)
    {
        _id = id;
        _valueSet = valueSet;
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        var valid = node.InstanceType switch
        {
            "code" or "string" or "uri" => node.Text is not { } code || LanguageTags.IsWellFormed(code),
            "Coding" => IsValidCoding(node) != false,
            "CodeableConcept" => IsValidConcept(node),
            _ => true,
        };

        if (!valid)
        {
            context.Error(
                ValidationCodes.BindingRequired,
                IssueType.CodeInvalid,
                $"{_id}: the code is not a BCP-47 language tag, and {_valueSet} allows only those",
                node);
        }
    }

    // null: a coding without a code says nothing.
    private static bool? IsValidCoding(ElementNode coding)
    {
        if (coding.Child("code")?.Text is not { } code)
        {
            return null;
        }

        var system = coding.Child("system")?.Text;
        return (system is null || system == TerminologySystems.Bcp47) && LanguageTags.IsWellFormed(code);
    }

    private static bool IsValidConcept(ElementNode concept)
    {
        var sawInvalid = false;
        foreach (var coding in concept.ChildrenNamed("coding"))
        {
            switch (IsValidCoding(coding))
            {
                case true:
                    return true;
                case false:
                    sawInvalid = true;
                    break;
            }
        }

        return !sawInvalid;
    }
}
