namespace FhirFacade.Simulators.World;

/// <summary>
/// What a user choosing a demo patient needs to know of one (the development issuer's patient picker,
/// the start-up banner): the NHS number, the name, what is special about the record, and every
/// organisation holding part of it, the registered practice first. Taken from the simulators' own
/// records, so a list built from it cannot drift from the data the simulators serve.
/// </summary>
public sealed record DemoPatientListing(string NhsNumber, string Name, string Special, IReadOnlyList<RecordHolding> Holdings)
{
    /// <summary>Every curated demo patient, in the simulators' order.</summary>
    public static IReadOnlyList<DemoPatientListing> All { get; } =
        [.. DemoPatients.All.Select(p => new DemoPatientListing(
            p.NhsNumber,
            string.Join(' ', new[] { p.Demographics.GivenName, p.Demographics.MiddleName, p.Demographics.FamilyName }.Where(n => n is not null)),
            p.Special,
            [.. p.Holdings.OrderByDescending(h => h.IsRegisteredPractice)]))];

    /// <summary>The GP practice the patient is registered at.</summary>
    public RecordHolding RegisteredPractice => Holdings[0];
}
