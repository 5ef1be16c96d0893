namespace FhirFacade.Simulators.World;

internal enum ProblemSignificance
{
    Major,
    Minor,
}
