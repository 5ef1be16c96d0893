namespace FhirFacade.Core.Validation;

/// <summary>The validation policy (<c>Facade:Validation</c>).</summary>
public sealed class ValidationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:Validation";

    /// <summary><c>Enforce</c> (default), <c>Report</c> or <c>Off</c>.</summary>
    public ValidationPolicy Policy { get; set; } = ValidationPolicy.Enforce;

    /// <summary>How many of one resource's validation issues are copied into the OperationOutcome.</summary>
    public int MaxIssuesPerResource { get; set; } = 5;
}
