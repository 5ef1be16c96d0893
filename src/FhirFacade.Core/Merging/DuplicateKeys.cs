using System.Text;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Core.Merging;

/// <summary>
/// The clinical identity of a resource for merging exact duplicates across suppliers: resource type,
/// code, dates and status (issue #5). Two resources with the same key say the same clinical thing;
/// anything that cannot be keyed (no coded concept) is never merged.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>The key, or <see langword="null"/> when the resource type is not merged or the resource has no coded concept.</summary>
    /// <param name="resource">The resource tree.</param>
    /// <param name="medicationCode">Finds the <c>code</c> (a CodeableConcept) of a referenced Medication (<c>Medication/{id}</c>).</param>
    public static string? For(ElementNode resource, Func<string, ElementNode?> medicationCode)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.InstanceType switch
        {
            "Condition" => Join(
                "Condition",
                Concept(resource.Child("code")),
                Concept(resource.Child("clinicalStatus")),
                Concept(resource.Child("verificationStatus")),
                Concepts(resource.ChildrenNamed("category")),
                Value(resource.Child("onset")),
                Value(resource.Child("abatement"))),
            "AllergyIntolerance" => Join(
                "AllergyIntolerance",
                Concept(resource.Child("code")),
                Concept(resource.Child("clinicalStatus")),
                Concept(resource.Child("verificationStatus")),
                resource.Child("type")?.Text ?? string.Empty,
                Value(resource.Child("onset"))),
            "MedicationStatement" => Join(
                "MedicationStatement",
                Medication(resource.Child("medication"), medicationCode),
                resource.Child("status")?.Text ?? string.Empty,
                Value(resource.Child("effective"))),
            _ => null,
        };
    }

    private static string? Medication(ElementNode? medication, Func<string, ElementNode?> medicationCode)
    {
        if (medication is null)
        {
            return null;
        }

        if (medication.InstanceType == "CodeableConcept")
        {
            return Concept(medication);
        }

        return medication.Child("reference")?.Text is { } reference ? Concept(medicationCode(reference)) : null;
    }

    /// <summary>A null part (an uncoded concept where a code is needed) makes the whole key null.</summary>
    private static string? Join(string type, string? code, params string?[] rest)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var builder = new StringBuilder(type).Append('\u001f').Append(code);
        foreach (var part in rest)
        {
            builder.Append('\u001f').Append(part ?? string.Empty);
        }

        return builder.ToString();
    }

    /// <summary>SNOMED CT when present (every supplier's mapped coding), else dm+d, else every coding sorted.</summary>
    private static string? Concept(ElementNode? concept)
    {
        if (concept is null)
        {
            return null;
        }

        var codings = concept.ChildrenNamed("coding")
            .Select(c => (System: c.Child("system")?.Text ?? string.Empty, Code: c.Child("code")?.Text))
            .Where(c => !string.IsNullOrEmpty(c.Code))
            .ToList();
        foreach (var preferred in (ReadOnlySpan<string>)[FhirSystems.Snomed, FhirSystems.Dmd])
        {
            var match = codings.FirstOrDefault(c => c.System == preferred);
            if (match.Code is not null)
            {
                return match.System + "|" + match.Code;
            }
        }

        return codings.Count == 0
            ? null
            : string.Join(",", codings.Select(c => c.System + "|" + c.Code).Order(StringComparer.Ordinal));
    }

    private static string Concepts(IEnumerable<ElementNode> concepts) =>
        string.Join(";", concepts.Select(Concept).Where(c => c is not null).Order(StringComparer.Ordinal));

    /// <summary>A date or period exactly as written (precision included): <c>dateTime:2018-05</c>, <c>Period:2024-01-08..2024-07-08</c>.</summary>
    private static string Value(ElementNode? value) => value switch
    {
        null => string.Empty,
        { Text: { } text } => value.InstanceType + ":" + text,
        _ => value.InstanceType + ":" + string.Join("..", value.Children.Select(c => c.Name + "=" + c.Text)),
    };
}
