namespace FhirFacade.Simulators.World;

/// <summary>The four simulated GP system suppliers.</summary>
public enum SupplierKind
{
    Emis,
    Tpp,
    Vision,
    Microtest,
}
