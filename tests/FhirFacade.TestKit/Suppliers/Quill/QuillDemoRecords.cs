namespace FhirFacade.TestKit.Suppliers.Quill;

/// <summary>
/// The records Quill holds: one per demo patient the adapter contract asks about (the same NHS numbers as the simulated
/// world, so <see cref="SupplierAdapterContractTests"/> runs unchanged), each carrying the edge case the contract names.
/// </summary>
public static class QuillDemoRecords
{
    /// <summary>A patient Quill holds at <see cref="QuillStore.PracticeOds"/>, with problems, an allergy and medications.</summary>
    public const string Asked = "9990000018";

    /// <summary>A patient held at <see cref="QuillStore.OtherPracticeOds"/> only.</summary>
    public const string HeldElsewhere = "9990000050";

    /// <summary>A patient with a problem whose local code has no SNOMED CT equivalent in Quill's map.</summary>
    public const string WithUnmappedCode = "9990000026";

    /// <summary>A local code Quill's map does not translate.</summary>
    public const string UnmappedCode = "QL-INFLU";

    public static IReadOnlyList<QuillRecord> All { get; } =
    [
        new(QuillStore.PracticeOds, new QuillPatient(Asked, "Ashworth", "Margaret", "1948-03-02", "F"),
            [new("P1", "QL-ASTH", "Asthma"), new("P2", "QL-HTN", "Essential hypertension", Active: false)],
            [new("A1", "91936005", "Penicillin allergy")],
            [new("M1", "39113611000001102", "Salbutamol 100micrograms/dose inhaler", "Two puffs when required", "2024-05-01"),
             new("M2", "42206511000001102", "Amlodipine 5mg tablets", "One tablet once a day", "2023-11-20")],
            Version: 7),
        new(QuillStore.OtherPracticeOds, new QuillPatient(HeldElsewhere, "Whitfield", "Eleanor", "1981-07-19", "F"),
            [new("P1", "QL-ASTH", "Asthma")], [], []),
        new(QuillStore.PracticeOds, new QuillPatient(WithUnmappedCode, "Hartley", "Benjamin", "1990-01-12", "M"),
            [new("P1", UnmappedCode, "Influenza-like illness"), new("P2", "QL-ASTH", "Asthma")], [], []),
        new(QuillStore.PracticeOds, new QuillPatient(PatientMismatchCases.Dissenting, "Pryce", "Owen", "1975-09-30", "M", Dissent: true),
            [new("P1", "QL-ASTH", "Asthma")], [], [new("M1", "39113611000001102", "Salbutamol 100micrograms/dose inhaler", "Two puffs when required", "2024-05-01")]),
        new(QuillStore.PracticeOds, new QuillPatient(PatientMismatchCases.Sensitive, "Lowe", "Imogen", "1999-12-03", "F", Sensitive: true),
            [new("P1", "QL-ASTH", "Asthma")], [], [new("M1", "39113611000001102", "Salbutamol 100micrograms/dose inhaler", "Two puffs when required", "2024-05-01")]),
        new(QuillStore.PracticeOds, new QuillPatient(SupplierAdapterContractTests.WithConfidentialItems, "Marsh", "Toby", "2001-04-14", "M"),
            [new("P1", "QL-CHLAM", "Chlamydia trachomatis infection", Confidential: true), new("P2", "QL-ASTH", "Asthma")],
            [],
            [new("M1", "323509004", "Azithromycin 500mg tablets", "Treated; partner notified", "2025-02-01", Confidential: true),
             new("M2", "39113611000001102", "Salbutamol 100micrograms/dose inhaler", "Two puffs when required", "2024-05-01")]),
        new(QuillStore.PracticeOds, new QuillPatient(SupplierAdapterContractTests.WithResolvedAllergies, "Reid", "Alice", "1966-08-08", "F"),
            [],
            [new("A1", "91936005", "Penicillin allergy"), new("A2", "300913006", "Shellfish allergy", EndDate: "2019-06-01"), new("A3", "418689008", "Grass pollen allergy", EndDate: "2021-09-15")],
            []),
        new(QuillStore.PracticeOds, new QuillPatient(SupplierAdapterContractTests.WithBrokenData, "Okafor", "Daniel", "1958-02-27", "M"),
            [],
            [],
            [new("M1", null, "Simple linctus", "5ml three times a day", "2025-01-10"),
             new("M2", "LINCTUS-7", "Pholcodine linctus", "10ml at night", "2025-01-10"),
             new("M3", "42206511000001102", "Amlodipine 5mg tablets", "One tablet once a day", "2025-02-30"),
             new("M4", "39113611000001102", "Salbutamol 100micrograms/dose inhaler", "Two puffs when required", "2024-05-01")]),
    ];
}
