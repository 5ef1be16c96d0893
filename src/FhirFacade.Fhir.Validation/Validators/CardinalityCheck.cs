using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>Reports cardinality violations of an element or slice (<c>min</c>/<c>max</c>).</summary>
internal static class CardinalityCheck
{
    public static void Report(string id, int min, int max, int count, ElementNode parent, string name, ElementNode? surplus, ValidationContext context)
    {
        if (count < min)
        {
            context.Add(new Issue(
                ValidationCodes.CardinalityMin,
                IssueSeverity.Error,
                IssueType.Required,
                $"{id}: minimum cardinality is {min} but found {count}",
                $"{parent.Location}.{name}",
                parent.Position));
        }
        else if (count > max)
        {
            var where = surplus ?? parent;
            context.Add(new Issue(
                ValidationCodes.CardinalityMax,
                IssueSeverity.Error,
                IssueType.Structure,
                $"{id}: maximum cardinality is {max} but found {count}",
                surplus is null ? $"{parent.Location}.{name}" : surplus.Location,
                where.Position));
        }
    }
}
