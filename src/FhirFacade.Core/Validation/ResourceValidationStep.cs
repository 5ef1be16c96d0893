using System.Diagnostics;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Validation;

/// <summary>Applies the validation policy to one returned resource: keep or withhold it, and say why.</summary>
public sealed class ResourceValidationStep(IResourceValidator validator, IOptions<ValidationOptions> options, ValidationMetrics metrics, ILogger<ResourceValidationStep> logger)
{
    private readonly ValidationOptions _options = options.Value;

    /// <summary>The policy in force.</summary>
    public ValidationPolicy Policy => _options.Policy;

    /// <summary>
    /// Validates <paramref name="resource"/>; adds what the OperationOutcome should say to <paramref name="issues"/>
    /// and counts an invalid resource in <see cref="ValidationMetrics"/>.
    /// </summary>
    /// <param name="resource">The mapped resource.</param>
    /// <param name="supplier">The supplier id (<c>emis</c>), for metrics.</param>
    /// <param name="organisation">The ODS code of the organisation whose system sent it, for metrics.</param>
    /// <param name="supplierLabel">Supplier and organisation for people, for the issue text.</param>
    /// <param name="issues">Receives the issues.</param>
    /// <returns><see langword="true"/> when the resource may be returned.</returns>
    public bool Check(SupplierResource resource, string supplier, string organisation, string supplierLabel, ICollection<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(issues);
        if (_options.Policy == ValidationPolicy.Off)
        {
            return true;
        }

        var found = validator.Validate(resource.Resource);
        var errors = found.Where(i => i.IsError).ToList();
        if (errors.Count == 0)
        {
            return true;
        }

        var withheld = _options.Policy == ValidationPolicy.Enforce;
        metrics.RecordInvalid(supplier, organisation, resource.ResourceType, withheld, errors.Select(e => e.ConstraintKey ?? e.Code));
        Activity.Current?.AddEvent(new ActivityEvent(ValidationMetrics.InvalidResourceEvent, tags: new ActivityTagsCollection
        {
            ["fhirfacade.supplier"] = supplier,
            ["fhirfacade.organisation"] = organisation,
            ["fhirfacade.resource_type"] = resource.ResourceType,
            ["fhirfacade.outcome"] = withheld ? "withheld" : "reported",
        }));
        var summary = withheld
            ? $"A {resource.ResourceType} from {supplierLabel} does not conform to its UK Core profile and was withheld."
            : $"A {resource.ResourceType} from {supplierLabel} does not conform to its UK Core profile.";
        issues.Add(new Issue("VALIDATION-" + (withheld ? "WITHHELD" : "REPORTED"), IssueSeverity.Warning, IssueType.Invalid, summary));
        foreach (var error in errors.Take(_options.MaxIssuesPerResource))
        {
            issues.Add(error with { Severity = IssueSeverity.Warning });
        }

        if (withheld)
        {
            Log.ResourceWithheld(logger, resource.ResourceType, supplierLabel, string.Empty, "UK Core validation errors");
        }

        return !withheld;
    }
}
