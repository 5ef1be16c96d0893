namespace FhirFacade.Simulators.World;

internal enum ProblemStatus
{
    Active,
    Inactive,
    Resolved,
}
