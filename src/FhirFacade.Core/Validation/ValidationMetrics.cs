using System.Diagnostics.Metrics;

namespace FhirFacade.Core.Validation;

/// <summary>
/// Counts of resources that failed UK Core validation, per supplier, organisation, resource type and
/// rule, on the <c>FhirFacade.Validation</c> meter (read them with <c>dotnet-counters monitor
/// --counters FhirFacade.Validation</c> or any System.Diagnostics.Metrics listener). Tags hold codes
/// only, never patient data.
/// </summary>
public sealed class ValidationMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "FhirFacade.Validation";

    /// <summary>Resources with at least one error, tagged supplier, organisation, resource_type and outcome (withheld/reported).</summary>
    public const string InvalidResources = "fhirfacade.validation.invalid_resources";

    /// <summary>Rules broken, one count per distinct rule per invalid resource, tagged supplier, resource_type and rule.</summary>
    public const string RuleFailures = "fhirfacade.validation.rule_failures";

    /// <summary>
    /// The event added to the current trace span for each invalid resource, tagged <c>fhirfacade.supplier</c>,
    /// <c>fhirfacade.organisation</c>, <c>fhirfacade.resource_type</c> and <c>fhirfacade.outcome</c>.
    /// </summary>
    public const string InvalidResourceEvent = "fhirfacade.validation.invalid";

    private readonly Counter<long> _invalidResources;
    private readonly Counter<long> _ruleFailures;

    public ValidationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _invalidResources = meter.CreateCounter<long>(InvalidResources, "{resource}", "Resources from a supplier that failed UK Core validation.");
        _ruleFailures = meter.CreateCounter<long>(RuleFailures, "{rule}", "UK Core rules broken by resources from a supplier.");
    }

    /// <summary>Records one invalid resource and the distinct rules it broke.</summary>
    public void RecordInvalid(string supplier, string organisation, string resourceType, bool withheld, IEnumerable<string> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _invalidResources.Add(
            1,
            new KeyValuePair<string, object?>("supplier", supplier),
            new KeyValuePair<string, object?>("organisation", organisation),
            new KeyValuePair<string, object?>("resource_type", resourceType),
            new KeyValuePair<string, object?>("outcome", withheld ? "withheld" : "reported"));
        foreach (var rule in rules.Distinct(StringComparer.Ordinal))
        {
            _ruleFailures.Add(
                1,
                new KeyValuePair<string, object?>("supplier", supplier),
                new KeyValuePair<string, object?>("resource_type", resourceType),
                new KeyValuePair<string, object?>("rule", rule));
        }
    }
}
