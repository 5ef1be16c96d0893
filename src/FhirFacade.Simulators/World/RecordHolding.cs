namespace FhirFacade.Simulators.World;

/// <summary>One organisation holding a record for a patient, and whether it is the registered GP practice.</summary>
public sealed record RecordHolding(Organisation Organisation, bool IsRegisteredPractice);
