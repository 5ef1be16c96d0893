namespace FhirFacade.Simulators.World;

public enum OrganisationKind
{
    GpPractice,
    CommunityService,
}
