namespace FhirFacade.Simulators.Catalogues;

/// <summary>
/// Curated medicines at dm+d VMP/AMP level. Ids and names are taken from published dm+d-based
/// codelists and the UK Core examples; nothing here is made up.
/// </summary>
internal static class MedicineCatalogue
{
    private const string OneDaily = "One tablet once a day";
    private const string OneTwice = "One tablet twice a day";
    private const string Tablet = "tablet";
    private const string Capsule = "capsule";

    public static IReadOnlyList<MedicineConcept> All { get; } =
    [
        // Antibacterials (UK Core examples) and analgesics
        new("39732411000001106", "Amoxicillin 500mg capsules", DmdLevel.Vmp, "One capsule three times a day", 21, Capsule, false),
        new("39732311000001104", "Amoxicillin 250mg capsules", DmdLevel.Vmp, "One capsule three times a day", 21, Capsule, false),
        new("22608811000001102", "Amoxicillin 500mg capsules (DE Pharmaceuticals)", DmdLevel.Amp, "One capsule three times a day for 7 days", 21, Capsule, false),
        new("39687811000001107", "Ciprofloxacin 500mg tablets", DmdLevel.Vmp, "One tablet twice a day for 7 days", 14, Tablet, false),
        new("18460411000001105", "Ciprofloxacin 500mg tablets (Accord-UK Ltd)", DmdLevel.Amp, "One tablet twice a day for 3 days", 6, Tablet, false),
        new("41946511000001109", "Clarithromycin 500mg tablets", DmdLevel.Vmp, "One tablet twice a day for 7 days", 14, Tablet, false),
        new("41948311000001104", "Doxycycline 100mg capsules", DmdLevel.Vmp, "Two capsules on the first day, then one capsule daily", 8, Capsule, false),
        new("558911000001105", "Paracetamol 500mg capsules (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One or two capsules up to four times a day when required", 100, Capsule, false),
        new("18677911000001109", "Panadol Extra Advance 500mg/65mg tablets (Haleon UK Ltd)", DmdLevel.Amp, "Two tablets up to four times a day when required", 32, Tablet, false),

        // Cardiovascular
        new("7305311000001108", "Amlodipine 5mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("7305011000001105", "Amlodipine 10mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("172711000001100", "Istin 5mg tablets (Upjohn UK Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("215411000001106", "Diltiazem 60mg modified-release tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet three times a day", 84, Tablet, true),
        new("762011000001102", "Tildiem 60mg modified-release tablets (Sanofi)", DmdLevel.Amp, "One tablet three times a day", 84, Tablet, true),
        new("7493711000001102", "Carvedilol 3.125mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("7493911000001100", "Carvedilol 6.25mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("7494311000001104", "Carvedilol 12.5mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("14033711000001109", "Nebivolol 5mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("742311000001105", "Celiprolol 200mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet each morning", 28, Tablet, true),
        new("772511000001103", "Bendroflumethiazide 2.5mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet each morning", 28, Tablet, true),
        new("501911000001107", "Bendroflumethiazide 5mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet each morning", 28, Tablet, true),
        new("56211000001102", "Indapamide 2.5mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet each morning", 28, Tablet, true),
        new("14170611000001100", "Indapamide 1.5mg modified-release tablets (Kent Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet each morning", 28, Tablet, true),
        new("456611000001108", "Natrilix SR 1.5mg tablets (Servier Laboratories Ltd)", DmdLevel.Amp, "One tablet each morning", 30, Tablet, true),
        new("23983011000001107", "Chlortalidone 50mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet each morning", 28, Tablet, true),
        new("228711000001100", "Doxazosin 1mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("554711000001100", "Doxazosin 2mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("588211000001106", "Doxazosin 4mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("907711000001109", "Cardura 1mg tablets (Upjohn UK Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("3147311000001105", "Terazosin 2mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("603711000001100", "Prazosin 2mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("18033611000001101", "Indoramin 25mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),

        // Antidepressants
        new("10394011000001100", "Citalopram 10mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("10394411000001109", "Citalopram 20mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("10394811000001106", "Citalopram 40mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("10437511000001104", "Sertraline 50mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("10438111000001109", "Sertraline 100mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("10408211000001105", "Fluoxetine 20mg capsules (Arrow Generics Ltd)", DmdLevel.Amp, "One capsule each morning", 28, Capsule, true),
        new("11590211000001106", "Fluoxetine 20mg/5ml oral solution sugar free", DmdLevel.Vmp, "5ml each morning", 70, "ml", true),
        new("10408611000001107", "Fluvoxamine 50mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("11427211000001106", "Paroxetine 20mg tablets (Almus Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet each morning", 28, Tablet, true),
        new("11270611000001109", "Seroxat 10mg tablets (GlaxoSmithKline UK Ltd)", DmdLevel.Amp, "One tablet each morning", 28, Tablet, true),
        new("10395011000001101", "Mirtazapine 15mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("10395211000001106", "Mirtazapine 30mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("10968811000001105", "Mirtazapine 15mg orodispersible tablets (Teva UK Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("105411000001106", "Amitriptyline 10mg tablets (IVAX Pharmaceuticals UK Ltd)", DmdLevel.Amp, "One to three tablets at night", 84, Tablet, true),
        new("11176611000001109", "Amitriptyline 25mg tablets (Wockhardt UK Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("11176811000001108", "Amitriptyline 50mg tablets (Wockhardt UK Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("11580511000001105", "Venlafaxine 37.5mg tablets (Waymade Healthcare Plc)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("10769811000001108", "Venlafaxine 75mg tablets (Waymade Healthcare Plc)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("10786911000001109", "Duloxetine 20mg gastro-resistant capsules (Waymade Healthcare Plc)", DmdLevel.Amp, "One capsule once a day", 28, Capsule, true),
        new("12198411000001103", "Duloxetine 30mg gastro-resistant capsules (Waymade Healthcare Plc)", DmdLevel.Amp, "One capsule once a day", 28, Capsule, true),
        new("113011000001101", "Lofepramine 70mg tablets (Teva UK Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("114611000001106", "Trazodone 150mg tablets (Kent Pharma (UK) Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("10541811000001102", "Moclobemide 150mg tablets (Waymade Healthcare Plc)", DmdLevel.Amp, OneTwice, 56, Tablet, true),

        // Antiepileptics and neuropathic pain
        new("10300211000001100", "Lamotrigine 25mg tablets (Focus Pharmaceuticals Ltd)", DmdLevel.Amp, OneDaily, 28, Tablet, true),
        new("10451011000001103", "Lamotrigine 50mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("10451211000001108", "Lamotrigine 100mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("10225811000001107", "Lamotrigine 50mg dispersible tablets sugar free", DmdLevel.Vmp, OneTwice, 56, Tablet, true),
        new("10298111000001101", "Gabapentin 100mg capsules (Focus Pharmaceuticals Ltd)", DmdLevel.Amp, "One capsule three times a day", 84, Capsule, true),
        new("10298511000001105", "Gabapentin 300mg capsules (Focus Pharmaceuticals Ltd)", DmdLevel.Amp, "One capsule three times a day", 84, Capsule, true),
        new("10168211000001107", "Gabapentin 600mg tablets (Alliance Healthcare (Distribution) Ltd)", DmdLevel.Amp, "One tablet three times a day", 84, Tablet, true),
        new("10543411000001100", "Lyrica 75mg capsules (Waymade Healthcare Plc)", DmdLevel.Amp, "One capsule twice a day", 56, Capsule, true),
        new("10543811000001103", "Lyrica 150mg capsules (Waymade Healthcare Plc)", DmdLevel.Amp, "One capsule twice a day", 56, Capsule, true),
        new("10356611000001109", "Clobazam 10mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("10415411000001101", "Sodium valproate 200mg gastro-resistant tablets (Arrow Generics Ltd)", DmdLevel.Amp, "Two tablets twice a day", 112, Tablet, true),
        new("10415611000001103", "Sodium valproate 500mg gastro-resistant tablets (Arrow Generics Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("10547411000001107", "Keppra 250mg tablets (Waymade Healthcare Plc)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("10548011000001102", "Keppra 500mg tablets (Waymade Healthcare Plc)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("11385711000001107", "Tegretol 400mg tablets (Waymade Healthcare Plc)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("11926011000001101", "Oxcarbazepine 150mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("11926211000001106", "Oxcarbazepine 300mg tablets (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, OneTwice, 56, Tablet, true),
        new("10431011000001102", "Phenobarbital 30mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("10431411000001106", "Phenobarbital 60mg tablets (Arrow Generics Ltd)", DmdLevel.Amp, "One tablet at night", 28, Tablet, true),
        new("11529111000001100", "Ethosuximide 250mg capsules (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One capsule twice a day", 56, Capsule, true),

        // Laxatives
        new("12183711000001102", "Docusate 100mg capsules (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One capsule three times a day when required", 30, Capsule, false),
        new("13615111000001107", "Sodium picosulfate 5mg/5ml oral solution sugar free (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "5ml to 10ml at night when required", 100, "ml", false),
        new("14165011000001107", "Senna 7.5mg tablets (Healthcare Pharma Ltd)", DmdLevel.Amp, "Two tablets at night when required", 60, Tablet, false),
        new("178411000001108", "Lactulose 3.1-3.7g/5ml oral solution (Sandoz Ltd)", DmdLevel.Amp, "15ml twice a day", 500, "ml", true),
        new("11425611000001101", "Bisacodyl 5mg gastro-resistant tablets (Almus Pharmaceuticals Ltd)", DmdLevel.Amp, "One or two tablets at night when required", 20, Tablet, false),
        new("174911000001107", "Glycerol 1g suppositories (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "Insert one suppository when required", 12, "suppository", false),
        new("16446311000001101", "Macrogol compound oral powder sachets sugar free plain (A A H Pharmaceuticals Ltd)", DmdLevel.Amp, "One sachet in water once or twice a day", 30, "sachet", true),
        new("16604011000001101", "Prucalopride 1mg tablets", DmdLevel.Vmp, OneDaily, 28, Tablet, true),
        new("15880911000001101", "Ispaghula husk oral powder sugar free", DmdLevel.Vmp, "One sachet in water twice a day", 30, "sachet", true),
    ];

    /// <summary>Medicines that suit a repeat (long-term) authorisation.</summary>
    public static IReadOnlyList<MedicineConcept> Repeats { get; } = All.Where(m => m.UsuallyRepeat).ToArray();

    /// <summary>Medicines that suit an acute (one-off) prescription.</summary>
    public static IReadOnlyList<MedicineConcept> Acutes { get; } = All.Where(m => !m.UsuallyRepeat).ToArray();

    public static MedicineConcept ById(string dmdId) => All.Single(m => m.DmdId == dmdId);
}
