namespace FhirFacade.Simulators.Catalogues;

/// <summary>
/// Curated conditions. SNOMED CT concept ids with preferred terms; Read v2 codes with their Read terms;
/// CTV3 keeps the Read v2 5-byte code for these concepts (Read v3 incorporated v2), except where
/// noted. Entries are only those whose codes are well established.
/// </summary>
internal static class ConditionCatalogue
{
    public static IReadOnlyList<ConditionConcept> All { get; } =
    [
        new("195967001", "Asthma", "H33..", "Asthma", "H33..", EmisLocalCode: "EMISSIM-AST01", EmisLocalTerm: "Asthma (practice register)"),
        new("38341003", "Hypertensive disorder", "G2...", "Hypertensive disease", "G2..."),
        new("59621000", "Essential hypertension", "G20..", "Essential hypertension", "G20..", EmisLocalCode: "EMISSIM-HYP01", EmisLocalTerm: "Hypertension (practice register)"),
        new("73211009", "Diabetes mellitus", "C10..", "Diabetes mellitus", "C10.."),
        new("46635009", "Type 1 diabetes mellitus", "C10E.", "Type 1 diabetes mellitus", "X40J4"),
        new("44054006", "Type 2 diabetes mellitus", "C10F.", "Type 2 diabetes mellitus", "X40J5", EmisLocalCode: "EMISSIM-DM201", EmisLocalTerm: "Type 2 diabetes (practice register)"),
        new("13645005", "Chronic obstructive lung disease", "H3...", "Chronic obstructive pulmonary disease", "H3...", EmisLocalCode: "EMISSIM-COPD1", EmisLocalTerm: "COPD (practice register)"),
        new("57054005", "Acute myocardial infarction", "G30..", "Acute myocardial infarction", "G30.."),
        new("414545008", "Ischemic heart disease", "G3...", "Ischaemic heart disease", "G3..."),
        new("194828000", "Angina", "G33..", "Angina pectoris", "G33.."),
        new("49436004", "Atrial fibrillation", "G573.", "Atrial fibrillation and flutter", "G573.", "narrower", EmisLocalCode: "EMISSIM-AF001", EmisLocalTerm: "Atrial fibrillation (practice register)"),
        new("84114007", "Heart failure", "G58..", "Heart failure", "G58.."),
        new("42343007", "Congestive heart failure", "G580.", "Congestive heart failure", "G580."),
        new("230690007", "Cerebrovascular accident", "G66..", "Stroke and cerebrovascular accident unspecified", "G66.."),
        new("266257000", "Transient ischemic attack", "G65..", "Transient cerebral ischaemia", "G65.."),
        new("433144002", "Chronic kidney disease stage 3", "1Z12.", "Chronic kidney disease stage 3", null),
        new("40930008", "Hypothyroidism", "C04..", "Acquired hypothyroidism", "C04..", "wider"),
        new("90739004", "Thyrotoxicosis", "C02..", "Thyrotoxicosis", "C02.."),
        new("35489007", "Depressive disorder", "E2B..", "Depressive disorder NEC", "E2B.."),
        new("197480006", "Anxiety disorder", "E200.", "Anxiety states", "E200."),
        new("84757009", "Epilepsy", "F25..", "Epilepsy", "F25.."),
        new("37796009", "Migraine", "F26..", "Migraine", "F26..", EmisLocalCode: "EMISSIM-MIG01", EmisLocalTerm: "Migraine (practice template)"),
        new("69896004", "Rheumatoid arthritis", "N040.", "Rheumatoid arthritis", "N040."),
        new("396275006", "Osteoarthritis", "N05..", "Osteoarthritis and allied disorders", "N05..", "narrower"),
        new("64859006", "Osteoporosis", "N330.", "Osteoporosis", "N330."),
        new("90560007", "Gout", "C34..", "Gout", "C34.."),
        new("24700007", "Multiple sclerosis", "F20..", "Multiple sclerosis", "F20.."),
        new("49049000", "Parkinson's disease", "F12..", "Parkinson's disease", "F12.."),
        new("26929004", "Alzheimer's disease", "F110.", "Alzheimer's disease", "F110."),
        new("58214004", "Schizophrenia", "E10..", "Schizophrenic disorders", "E10.."),
        new("66590003", "Alcohol dependence", "E23..", "Alcohol dependence syndrome", "E23.."),
        new("414916001", "Obesity", "C380.", "Obesity", "C380."),
        new("190905008", "Cystic fibrosis", "C370.", "Cystic fibrosis", "C370."),
        new("87522002", "Iron deficiency anemia", "D00..", "Iron deficiency anaemias", "D00..", "narrower"),
        new("68566005", "Urinary tract infectious disease", "K190.", "Urinary tract infection, site not specified", "K190."),
        new("38822007", "Cystitis", "K15..", "Cystitis", "K15.."),
        new("266569009", "Benign prostatic hyperplasia", "K20..", "Hyperplasia of prostate", "K20.."),
        new("34000006", "Crohn's disease", "J40..", "Regional enteritis - Crohn's disease", "J40.."),
        new("64766004", "Ulcerative colitis", "J41..", "Idiopathic proctocolitis", "J41.."),
        new("10743008", "Irritable bowel syndrome", "J521.", "Irritable colon - irritable bowel syndrome", "J521."),
        new("397825006", "Gastric ulcer", "J11..", "Gastric ulcer - (GU)", "J11.."),
        new("51868009", "Duodenal ulcer", "J12..", "Duodenal ulcer - (DU)", "J12.."),
        new("235919008", "Cholelithiasis", "J65..", "Cholelithiasis", "J65.."),
        new("70153002", "Hemorrhoids", "G84..", "Haemorrhoids", "G84.."),
        new("72866009", "Varicose veins of lower limb", "G83..", "Varicose veins of the legs", "G83.."),
        new("254837009", "Malignant neoplasm of breast", "B34..", "Malignant neoplasm of female breast", "B34..", "wider"),
        new("399068003", "Malignant tumor of prostate", "B46..", "Malignant neoplasm of prostate", "B46.."),
        new("363406005", "Malignant tumor of colon", "B13..", "Malignant neoplasm of colon", "B13.."),
        new("10509002", "Acute bronchitis", "H060.", "Acute bronchitis", "H060."),
        new("233604007", "Pneumonia", "H26..", "Pneumonia due to unspecified organism", "H26..", "wider"),
        new("6142004", "Influenza", "H27..", "Influenza", "H27.."),
        new("15805002", "Acute sinusitis", "H01..", "Acute sinusitis", "H01.."),
        new("17741008", "Acute tonsillitis", "H03..", "Acute tonsillitis", "H03.."),
        new("363746003", "Acute pharyngitis", "H02..", "Acute pharyngitis", "H02.."),
        new("61582004", "Allergic rhinitis", "H17..", "Allergic rhinitis", "H17.."),
        new("65363002", "Otitis media", "F52..", "Suppurative and unspecified otitis media", "F52..", "wider"),
        new("23986001", "Glaucoma", "F45..", "Glaucoma", "F45.."),
        new("193570009", "Cataract", "F46..", "Cataract", "F46.."),
        new("24079001", "Atopic dermatitis", "M111.", "Atopic dermatitis/eczema", "M111."),
        new("9014002", "Psoriasis", "M16..", "Psoriasis and similar disorders", "M16..", "narrower"),
        new("14189004", "Measles", "A55..", "Measles", "A55.."),
        new("38907003", "Varicella", "A52..", "Chickenpox", "A52.."),
        new("4740000", "Herpes zoster", "A53..", "Herpes zoster", "A53.."),
        new("49727002", "Cough", "171..", "Cough", "171.."),
        new("25064002", "Headache", "1B1G.", "Headache", "1B1G."),
        new("161891005", "Backache", "N145.", "Backache, unspecified", "N145."),
        new("105629000", "Chlamydial infection", null, null, null, SexualHealth: true),
    ];

    /// <summary>CTV3 codes deliberately left out of ConceptMap-ctv3-to-snomed.json to exercise the facade's unmapped-code path.</summary>
    public static IReadOnlySet<string> UnmappedCtv3Codes { get; } = new HashSet<string>(["F26..", "H27.."], StringComparer.Ordinal);

    /// <summary>EMIS local codes deliberately left out of ConceptMap-emis-to-snomed.json, for the same reason.</summary>
    public static IReadOnlySet<string> UnmappedEmisLocalCodes { get; } = new HashSet<string>(["EMISSIM-MIG01"], StringComparer.Ordinal);

    public static ConditionConcept BySnomed(string snomedId) => All.Single(c => c.SnomedId == snomedId);

    /// <summary>Conditions a supplier can express in its native code system (sexual-health items are curated only).</summary>
    public static IReadOnlyList<ConditionConcept> For(World.SupplierKind supplier) => supplier switch
    {
        World.SupplierKind.Emis => All.Where(c => !c.SexualHealth).ToArray(),
        World.SupplierKind.Tpp => All.Where(c => c.Ctv3 is not null && !c.SexualHealth).ToArray(),
        _ => All.Where(c => c.Read2 is not null && !c.SexualHealth).ToArray(),
    };
}
