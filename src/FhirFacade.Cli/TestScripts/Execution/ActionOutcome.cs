namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// The result of one action as a TestReport records it
/// (<see href="https://hl7.org/fhir/R4/valueset-report-action-result-codes.html">report-action-result-codes</see>).
/// </summary>
internal enum ActionOutcome
{
    Pass,
    Skip,
    Fail,
    Warning,
    Error,
}
