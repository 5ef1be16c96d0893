using FhirFacade.Simulators.Catalogues;

namespace FhirFacade.Simulators.World;

/// <summary>
/// The curated demo patients (listed in examples/demo-patients.json). NHS numbers are valid Modulus 11
/// test numbers starting 999.
/// </summary>
internal static class DemoPatients
{
    public const string EmisRich = "9990000018";
    public const string TppRich = "9990000026";
    public const string VisionRich = "9990000034";
    public const string MicrotestPaged = "9990000042";
    public const string AllFourSuppliers = "9990000050";
    public const string Dissent = "9990000069";
    public const string Sensitive = "9990000077";
    public const string ConfidentialItems = "9990000085";
    public const string SharingOff = "9990000093";
    public const string BrokenData = "9990000107";
    public const string NoKnownAllergies = "9990000115";
    public const string ResolvedHistory = "9990000123";
    public const string Deceased = "9990000131";

    private const ProblemStatus Active = ProblemStatus.Active;
    private const ProblemStatus Inactive = ProblemStatus.Inactive;
    private const ProblemStatus Resolved = ProblemStatus.Resolved;
    private const ProblemSignificance Major = ProblemSignificance.Major;
    private const ProblemSignificance Minor = ProblemSignificance.Minor;

    public static IReadOnlyList<DemoPatient> All { get; } = Create();

    public static DemoPatient? Find(string nhsNumber) => All.FirstOrDefault(p => p.NhsNumber == nhsNumber);

    private static List<DemoPatient> Create() =>
    [
        Patient(EmisRich, "Rich EMIS record: diabetes, hypertension, past asthma, penicillin allergy, repeats with many issues, a stopped repeat, EMIS local codes",
            Person(EmisRich, "Mrs", "Alice", "May", "Thornton", "Cooper", AdministrativeSex.Female, D(1958, 4, 12), "14 Orchard Way", "Stockton-on-Tees", "County Durham", "TS18 3PX", "01642 496210", "07700 900111", "alice.thornton@example.com"),
            [Registered("A81001")],
            (b, _) => b
                .Problem("44054006", Active, Major, P(2011, 3))
                .Problem("59621000", Active, Major, P(2009))
                .Problem("195967001", Inactive, Minor, P(1972), P(1990), note: "Childhood asthma, no symptoms since 1990")
                .Problem("396275006", Active, Minor, P(2019, 6, 17), note: "Both knees")
                .Problem("10509002", Resolved, Minor, P(2023, 1, 15), P(2023, 2))
                .Allergy("373270004", "126485001", AllergySeverity.Moderate, P(1985), note: "Widespread hives after penicillin V")
                .Repeat("7305311000001108", D(2025, 11, 3), 12)
                .Repeat("772511000001103", D(2024, 1, 8), 6, MedicationStatus.Stopped, "Side effects: low sodium")
                .Repeat("558911000001105", D(2026, 3, 2), 7, intervalDays: 28)
                .Acute("41946511000001109", D(2023, 1, 15))
                .Build(7)),

        Patient(TppRich, "Rich SystmOne record: CTV3 codes with partial SNOMED maps, two unmapped CTV3 codes (migraine F26.., influenza H27..)",
            Person(TppRich, "Mr", "Benjamin", null, "Hartley", null, AdministrativeSex.Male, D(1972, 9, 30), "7 Station Road", "Harrogate", "North Yorkshire", "HG1 5LT", "01423 496711", "07700 900222", null),
            [Registered("B82005")],
            (b, _) => b
                .Problem("84757009", Active, Major, P(1990))
                .Problem("35489007", Inactive, Minor, P(2015, 2), P(2017, 6))
                .Problem("37796009", Active, Minor, P(2001))
                .Problem("6142004", Resolved, Minor, P(2019, 12, 2), P(2019, 12))
                .Problem("59621000", Active, Major, P(2021, 8, 9))
                .Allergy("387494007", "422587007", AllergySeverity.Mild, P(2010, 5))
                .Repeat("10548011000001102", D(2025, 10, 20), 12)
                .Repeat("10437511000001104", D(2015, 2, 16), 4, MedicationStatus.Stopped, "No longer required")
                .Repeat("7305311000001108", D(2021, 8, 9), 10, MedicationStatus.Completed)
                .Acute("39687811000001107", D(2024, 5, 2))
                .Build(12)),

        Patient(VisionRich, "Rich Vision record; notes contain HL7 delimiter characters | ^ & ~ \\ that must arrive escaped",
            Person(VisionRich, "Ms", "Catherine", "Jane", "Ellwood", null, AdministrativeSex.Female, D(1981, 1, 23), "22 Minster Yard", "Lincoln", "Lincolnshire", "LN2 1PX", null, "07700 900333", "c.ellwood@example.com"),
            [Registered("C83001")],
            (b, _) => b
                .Problem("195967001", Active, Major, P(1990), note: "Peak flow 350|400 L/min; triggers: cats & dogs ^ pollen ~ exercise \\ cold air")
                .Problem("24079001", Active, Minor, P(1982))
                .Problem("15805002", Resolved, Minor, P(2024, 11, 4), P(2024, 11))
                .Allergy("256349002", "39579001", AllergySeverity.Severe, P(1986), note: "Carries adrenaline auto-injectors | 2 devices & action plan")
                .Repeat("10394411000001109", D(2025, 12, 1), 10)
                .Acute("39732411000001106", D(2024, 11, 4))
                .Build(4)),

        Patient(MicrotestPaged, "Long Evolution record: 14 problems, 12 medications and 3 allergies, so every list needs several pages",
            Person(MicrotestPaged, "Mr", "Daniel", "Chukwuemeka", "Okonkwo", null, AdministrativeSex.Male, D(1949, 7, 5), "9 Citadel Road", "Plymouth", "Devon", "PL1 3BD", "01752 496400", null, null),
            [Registered("L83100")],
            (b, _) => b
                .Problem("44054006", Active, Major, P(2004, 6))
                .Problem("59621000", Active, Major, P(1999))
                .Problem("414545008", Active, Major, P(2010, 9, 1))
                .Problem("57054005", Inactive, Major, P(2010, 8, 28), P(2010, 10))
                .Problem("49436004", Active, Major, P(2016, 3))
                .Problem("433144002", Active, Minor, P(2020, 2, 11))
                .Problem("266569009", Active, Minor, P(2012))
                .Problem("90560007", Inactive, Minor, P(2008, 5), P(2008, 7))
                .Problem("193570009", Resolved, Minor, P(2017, 4), P(2018, 1))
                .Problem("161891005", Resolved, Minor, P(2015, 9, 3), P(2015, 11))
                .Problem("10509002", Resolved, Minor, P(2022, 12, 5), P(2023, 1))
                .Problem("68566005", Resolved, Minor, P(2024, 7, 19), P(2024, 8))
                .Problem("35489007", Inactive, Minor, P(2011), P(2012))
                .Problem("25064002", Resolved, Minor, P(2019, 2, 14), P(2019, 3))
                .Allergy("387207008", "56018004", AllergySeverity.Moderate, P(1998))
                .Allergy("372567009", "62315008", AllergySeverity.Mild, P(2004, 7), D(2005, 1, 10))
                .Allergy("264287008", "418290006", AllergySeverity.Mild, P(1975))
                .Repeat("7305011000001105", D(2025, 10, 6), 13)
                .Repeat("7494311000001104", D(2025, 10, 6), 13)
                .Repeat("554711000001100", D(2025, 10, 13), 12)
                .Repeat("16446311000001101", D(2026, 1, 5), 9)
                .Repeat("10298511000001105", D(2018, 3, 1), 8, MedicationStatus.Stopped, "Drowsiness")
                .Repeat("11176611000001109", D(2015, 9, 3), 3, MedicationStatus.Completed)
                .Repeat("178411000001108", D(2020, 2, 11), 6, MedicationStatus.Completed)
                .Acute("39732411000001106", D(2022, 12, 5))
                .Acute("41948311000001104", D(2024, 7, 19))
                .Acute("14165011000001107", D(2024, 9, 2))
                .Acute("12183711000001102", D(2025, 1, 20))
                .Acute("558911000001105", D(2025, 6, 30))
                .Build(31)),

        Patient(AllFourSuppliers, "Registered at EMIS practice A81002; also has records at the TPP community nursing service RY801 (which does not share problems), Vision practice C83002 and Microtest practice L83100; the heart failure problem and the aspirin allergy are recorded at both A81002 and L83100 (exact duplicates the facade returns once)",
            Person(AllFourSuppliers, "Mrs", "Eleanor", "Rose", "Whitfield", "Barker", AdministrativeSex.Female, D(1940, 11, 2), "3 Abbey Close", "Middlesbrough", "North Yorkshire", "TS5 7EJ", "01642 496555", null, null),
            [Registered("A81002"), Other("RY801"), Other("C83002"), Other("L83100")],
            (b, holding) => holding.Organisation.OdsCode switch
            {
                "A81002" => b
                    .Problem("84114007", Active, Major, P(2018, 5))
                    .Problem("49436004", Active, Major, P(2018, 5, 22))
                    .Problem("433144002", Active, Minor, P(2020))
                    .Allergy("387458008", "41291007", AllergySeverity.Severe, P(1999))
                    .Repeat("7493911000001100", D(2025, 11, 10), 12)
                    .Repeat("56211000001102", D(2025, 11, 10), 12)
                    .Build(18),
                "RY801" => b
                    .Problem("72866009", Active, Minor, P(2021, 3))
                    .Allergy("111088007", "418290006", AllergySeverity.Mild, P(2021, 3, 15))
                    .Repeat("178411000001108", D(2026, 2, 2), 8)
                    .Build(3),
                "C83002" => b
                    .Problem("68566005", Resolved, Minor, P(2024, 8, 12), P(2024, 8))
                    .Acute("41946511000001109", D(2024, 8, 12))
                    .Build(2),
                _ => b
                    .Problem("84114007", Active, Major, P(2018, 5))
                    .Problem("10509002", Resolved, Minor, P(2025, 6, 3), P(2025, 7))
                    .Allergy("387458008", "41291007", AllergySeverity.Severe, P(1999))
                    .Acute("41948311000001104", D(2025, 6, 3))
                    .Build(2),
            }),

        Patient(Dissent, "Patient has dissented from record sharing (EMIS marks the record); the facade must answer 403 NO_PATIENT_CONSENT",
            Person(Dissent, "Mr", "Frank", null, "Mellor", null, AdministrativeSex.Male, D(1966, 2, 14), "88 Yarm Road", "Stockton-on-Tees", "County Durham", "TS18 3NA", null, "07700 900444", null),
            [Registered("A81001")],
            (b, _) => b.Flags(dissent: true, sensitive: false)
                .Problem("90560007", Active, Minor, P(2020, 6))
                .Repeat("7305311000001108", D(2026, 1, 12), 9)
                .Build(5)),

        Patient(Sensitive, "Sensitive (S-flag) patient at TPP B82005; the facade must answer 404 PATIENT_NOT_FOUND",
            Person(Sensitive, "Ms", "Georgina", null, "Pike", null, AdministrativeSex.Female, D(1990, 6, 18), "1 Confidential Place", "Harrogate", "North Yorkshire", "HG1 1AA", null, null, null),
            [Registered("B82005")],
            (b, _) => b.Flags(dissent: false, sensitive: true)
                .Problem("197480006", Active, Minor, P(2023, 4))
                .Repeat("10437511000001104", D(2026, 2, 9), 8)
                .Build(2)),

        Patient(ConfidentialItems, "Confidential items: a sexual-health problem (chlamydial infection) and its treatment are marked confidential by EMIS; other items are not",
            Person(ConfidentialItems, "Miss", "Hannah", null, "Briggs", null, AdministrativeSex.Female, D(1995, 3, 9), "Flat 4, 60 Linthorpe Road", "Middlesbrough", "North Yorkshire", "TS1 1RE", null, "07700 900555", "hannah.b@example.com"),
            [Registered("A81002")],
            (b, _) => b
                .Problem("195967001", Active, Minor, P(2003))
                .Problem("105629000", Resolved, Minor, P(2022, 5, 10), P(2022, 6), confidential: true, note: "Treated; partner notified")
                .NoKnownAllergies(D(2014, 9, 1))
                .Acute("41948311000001104", D(2022, 5, 10), confidential: true)
                .Acute("39732411000001106", D(2025, 3, 3))
                .Build(6)),

        Patient(SharingOff, "Registered at TPP practice B82010 whose third-party sharing switch is off; TPP refuses with THIRD_PARTY_SHARING_DISABLED",
            Person(SharingOff, "Mr", "Ian", null, "Sutcliffe", null, AdministrativeSex.Male, D(1978, 12, 1), "5 Keighley Road", "Skipton", "North Yorkshire", "BD23 2NB", "01756 496010", null, null),
            [Registered("B82010")],
            (b, _) => b
                .Problem("59621000", Active, Major, P(2019, 3))
                .Repeat("7305311000001108", D(2025, 12, 1), 11)
                .Build(3)),

        Patient(BrokenData, "Evolution returns broken data: a repeat with no drug code, an acute with a non-numeric drug code and an acute with an impossible date (30/02/2026)",
            Person(BrokenData, "Mr", "Jacob", null, "Hurst", null, AdministrativeSex.Male, D(1985, 8, 20), "41 Union Street", "Plymouth", "Devon", "PL1 3LU", null, "07700 900666", null),
            [Registered("L83100")],
            (b, _) => b
                .Problem("161891005", Active, Minor, P(2025, 11, 4))
                .NoKnownAllergies(D(2010, 1, 12))
                .Repeat("105411000001106", D(2025, 11, 4), 10, broken: World.BrokenData.MissingDrugCode)
                .Acute("14165011000001107", D(2026, 1, 15), broken: World.BrokenData.InvalidDrugCode)
                .Acute("558911000001105", D(2026, 2, 27), broken: World.BrokenData.ImpossibleDate)
                .Acute("18677911000001109", D(2025, 11, 4))
                .Build(9)),

        Patient(NoKnownAllergies, "Explicit \"no known allergies\" statement (SNOMED 716186003) at Vision C83002",
            Person(NoKnownAllergies, "Miss", "Katie", null, "Lomas", null, AdministrativeSex.Female, D(2001, 5, 27), "19 Wide Bargate", "Boston", "Lincolnshire", "PE21 6SW", null, "07700 900777", "katie.lomas@example.com"),
            [Registered("C83002")],
            (b, _) => b
                .Problem("17741008", Resolved, Minor, P(2019, 9, 12), P(2019, 9))
                .NoKnownAllergies(D(2019, 9, 12))
                .Acute("39732411000001106", D(2019, 9, 12))
                .Build(2)),

        Patient(ResolvedHistory, "Resolved allergies (amoxicillin de-labelled, egg outgrown) beside an active bee-venom allergy; past problems (myocardial infarction, ulcers)",
            Person(ResolvedHistory, "Mr", "Leonard", "George", "Ashby", null, AdministrativeSex.Male, D(1955, 10, 10), "2 Bishopton Lane", "Stockton-on-Tees", "County Durham", "TS18 1HU", "01642 496999", null, null),
            [Registered("A81001")],
            (b, _) => b
                .Problem("414545008", Active, Major, P(2012, 4, 2))
                .Problem("57054005", Inactive, Major, P(2012, 4, 2), P(2012, 5))
                .Problem("51868009", Inactive, Minor, P(1998), P(1999))
                .Problem("397825006", Resolved, Minor, P(2005, 10), P(2006, 2))
                .Allergy("372687004", "271807003", AllergySeverity.Mild, P(2001), D(2015, 6, 1), note: "De-labelled after negative oral challenge")
                .Allergy("102263004", "422400008", AllergySeverity.Moderate, P(1956), D(1962, 1, 1))
                .Allergy("288328004", "39579001", AllergySeverity.Severe, P(2016, 7, 23))
                .Repeat("7494311000001104", D(2025, 10, 13), 13)
                .Repeat("215411000001106", D(2012, 5, 1), 6, MedicationStatus.Stopped, "Changed to alternative medication")
                .Build(22)),

        Patient(Deceased, "Deceased patient (died 14/03/2025) at TPP B82005; all medication completed at death",
            Person(Deceased, "Mrs", "Mabel", null, "Crowther", "Dobson", AdministrativeSex.Female, D(1931, 3, 14), "Rose Cottage, Kings Road", "Harrogate", "North Yorkshire", "HG1 5JW", "01423 496131", null, null, death: D(2025, 3, 14)),
            [Registered("B82005")],
            (b, _) => b
                .Problem("26929004", Active, Major, P(2019))
                .Problem("64859006", Active, Minor, P(2008, 11))
                .Allergy("373270004", "271807003", AllergySeverity.Moderate, P(1960))
                .Repeat("10395011000001101", D(2024, 4, 1), 11, MedicationStatus.Completed)
                .Build(15)),
    ];

    private static DemoPatient Patient(
        string nhsNumber,
        string special,
        Demographics demographics,
        IReadOnlyList<RecordHolding> holdings,
        Func<RecordBuilder, RecordHolding, ClinicalRecord> build) =>
        new(nhsNumber, special, demographics, holdings, holding =>
        {
            var clinician = SimulatorDirectory.PractitionersAt(holding.Organisation.OdsCode)[0];
            var registration = holding.IsRegisteredPractice ? Later(demographics.BirthDate, new DateOnly(1996, 4, 1)) : new DateOnly(2021, 3, 1);
            var idBase = (long.Parse(nhsNumber.AsSpan(3, 6), System.Globalization.CultureInfo.InvariantCulture) * 10 + SimulatorDirectory.Organisations.ToList().IndexOf(holding.Organisation)) * 1000;
            return build(new RecordBuilder(demographics, holding, clinician, registration, idBase), holding);
        });

    private static Demographics Person(
        string nhsNumber,
        string title,
        string given,
        string? middle,
        string family,
        string? previous,
        AdministrativeSex sex,
        DateOnly birth,
        string line1,
        string town,
        string county,
        string postcode,
        string? phone,
        string? mobile,
        string? email,
        DateOnly? death = null) =>
        new(nhsNumber, title, given, middle, family, previous, sex, birth, death, new PostalAddress(line1, null, town, county, postcode), phone, mobile, email);

    private static RecordHolding Registered(string ods) => new(SimulatorDirectory.FindOrganisation(ods)!, true);

    private static RecordHolding Other(string ods) => new(SimulatorDirectory.FindOrganisation(ods)!, false);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static PartialDate P(int year, int? month = null, int? day = null) => new(year, month, day);

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
