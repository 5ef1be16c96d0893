using System.Collections.Frozen;

namespace FhirFacade.Simulators.World;

/// <summary>
/// The organisations and clinicians of the simulated world. The facade's configuration must list the
/// same organisations (see docs/suppliers/README.md).
/// </summary>
public static class SimulatorDirectory
{
    /// <summary>Every organisation, in a fixed order.</summary>
    public static IReadOnlyList<Organisation> Organisations { get; } =
    [
        new("A81001", "Riverside Medical Practice", SupplierKind.Emis, OrganisationKind.GpPractice, true, RecordAreas.All, "12 River Road", "Stockton-on-Tees", "TS18 1AB", "01642 100001"),
        new("A81002", "Hillview Surgery", SupplierKind.Emis, OrganisationKind.GpPractice, true, RecordAreas.All, "3 Hill View", "Middlesbrough", "TS5 6QR", "01642 100002"),
        new("B82005", "Moorland Health Centre", SupplierKind.Tpp, OrganisationKind.GpPractice, true, RecordAreas.All, "Moor Lane", "Harrogate", "HG1 2PL", "01423 200005"),
        new("B82010", "Castle Street Surgery", SupplierKind.Tpp, OrganisationKind.GpPractice, false, RecordAreas.None, "41 Castle Street", "Skipton", "BD23 1DT", "01756 200010"),
        new("RY801", "Northshire Community Nursing Service", SupplierKind.Tpp, OrganisationKind.CommunityService, true, RecordAreas.Demographics | RecordAreas.Medications | RecordAreas.Allergies, "Unit 4, Dale Park", "Northallerton", "DL6 2NQ", "01609 200801"),
        new("C83001", "Oakfield Surgery", SupplierKind.Vision, OrganisationKind.GpPractice, true, RecordAreas.All, "Oakfield Road", "Lincoln", "LN2 4HU", "01522 300001"),
        new("C83002", "Brookside Medical Centre", SupplierKind.Vision, OrganisationKind.GpPractice, true, RecordAreas.All, "7 Brook Street", "Boston", "PE21 6BN", "01205 300002"),
        new("L83100", "Harbour Lane Practice", SupplierKind.Microtest, OrganisationKind.GpPractice, true, RecordAreas.All, "2 Harbour Lane", "Plymouth", "PL1 2AR", "01752 400100"),
    ];

    private static readonly FrozenDictionary<string, Organisation> ByOds =
        Organisations.ToFrozenDictionary(o => o.OdsCode, StringComparer.OrdinalIgnoreCase);

    /// <summary>Clinicians: two GPs at each practice and a nurse at the community service.</summary>
    public static IReadOnlyList<Practitioner> Practitioners { get; } =
    [
        new("555000100011", "4612345", "Dr", "Helen", "Ashworth", "female", "General Medical Practitioner", "A81001"),
        new("555000100012", "6123457", "Dr", "Rajesh", "Patel", "male", "General Medical Practitioner", "A81001"),
        new("555000100021", "7012349", "Dr", "Fiona", "MacLeod", "female", "General Medical Practitioner", "A81002"),
        new("555000100022", "3345671", "Dr", "Owen", "Pritchard", "male", "General Medical Practitioner", "A81002"),
        new("555000200051", "5098763", "Dr", "Amira", "Haddad", "female", "General Medical Practitioner", "B82005"),
        new("555000200052", "4876542", "Dr", "James", "Whitaker", "male", "General Medical Practitioner", "B82005"),
        new("555000200101", "6234568", "Dr", "Sarah", "Kershaw", "female", "General Medical Practitioner", "B82010"),
        new("555000200102", "7345679", "Dr", "Michael", "Okafor", "male", "General Medical Practitioner", "B82010"),
        new("555000208011", null, "Ms", "Joanne", "Fairbairn", "female", "District Nurse", "RY801"),
        new("555000300011", "4456780", "Dr", "Peter", "Lindqvist", "male", "General Medical Practitioner", "C83001"),
        new("555000300012", "6567891", "Dr", "Grace", "Mensah", "female", "General Medical Practitioner", "C83001"),
        new("555000300021", "7678902", "Dr", "Thomas", "Beaumont", "male", "General Medical Practitioner", "C83002"),
        new("555000300022", "3789013", "Dr", "Nadia", "Rahman", "female", "General Medical Practitioner", "C83002"),
        new("555000401001", "4890124", "Dr", "Edward", "Trelawny", "male", "General Medical Practitioner", "L83100"),
        new("555000401002", "6901235", "Dr", "Chloe", "Penrose", "female", "General Medical Practitioner", "L83100"),
    ];

    private static readonly FrozenDictionary<string, Practitioner> BySdsId =
        Practitioners.ToFrozenDictionary(p => p.SdsUserId, StringComparer.Ordinal);

    /// <summary>The organisation with this ODS code, or null.</summary>
    public static Organisation? FindOrganisation(string odsCode) => ByOds.GetValueOrDefault(odsCode);

    /// <summary>The practitioner with this SDS user id, or null.</summary>
    public static Practitioner? FindPractitioner(string sdsUserId) => BySdsId.GetValueOrDefault(sdsUserId);

    /// <summary>Organisations run on one supplier's system.</summary>
    public static IReadOnlyList<Organisation> OrganisationsOf(SupplierKind supplier) =>
        Organisations.Where(o => o.Supplier == supplier).ToArray();

    /// <summary>Practitioners working at one organisation.</summary>
    public static IReadOnlyList<Practitioner> PractitionersAt(string odsCode) =>
        Practitioners.Where(p => string.Equals(p.OdsCode, odsCode, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>
    /// Which organisations hold a record for an NHS number (curated demo patients first, then the
    /// deterministic rule for generated patients). Empty for invalid or out-of-world numbers.
    /// </summary>
    public static IReadOnlyList<RecordHolding> HoldersOf(string nhsNumber) => PatientWorld.HoldersOf(nhsNumber);
}
