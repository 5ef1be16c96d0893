namespace FhirFacade.Simulators.Catalogues;

/// <summary>Curated allergens (SNOMED CT substances) and reaction manifestations (SNOMED CT findings).</summary>
internal static class AllergenCatalogue
{
    public static IReadOnlyList<AllergenConcept> Allergens { get; } =
    [
        new("373270004", "Penicillin -class of antibiotic-", AllergenCategory.Drug),
        new("372687004", "Amoxicillin", AllergenCategory.Drug),
        new("372694001", "Erythromycin", AllergenCategory.Drug),
        new("387207008", "Ibuprofen", AllergenCategory.Drug),
        new("387458008", "Aspirin", AllergenCategory.Drug),
        new("7034005", "Diclofenac", AllergenCategory.Drug),
        new("372588000", "Naproxen", AllergenCategory.Drug),
        new("387494007", "Codeine", AllergenCategory.Drug),
        new("373529000", "Morphine", AllergenCategory.Drug),
        new("372567009", "Metformin", AllergenCategory.Drug),
        new("387517004", "Paracetamol", AllergenCategory.Drug),
        new("111088007", "Latex", AllergenCategory.Environment),
        new("256349002", "Peanut", AllergenCategory.Food),
        new("102263004", "Eggs", AllergenCategory.Food),
        new("3718001", "Cow's milk", AllergenCategory.Food),
        new("227037002", "Fish", AllergenCategory.Food),
        new("256259004", "Pollen", AllergenCategory.Environment),
        new("260147004", "House dust mite", AllergenCategory.Environment),
        new("264287008", "Animal dander", AllergenCategory.Environment),
        new("288328004", "Bee venom", AllergenCategory.Environment),
    ];

    public static IReadOnlyList<ReactionConcept> Reactions { get; } =
    [
        new("271807003", "Eruption of skin"),
        new("126485001", "Urticaria"),
        new("247472004", "Urticarial rash"),
        new("39579001", "Anaphylaxis"),
        new("41291007", "Angioedema"),
        new("56018004", "Wheezing"),
        new("418290006", "Itching"),
        new("422587007", "Nausea"),
        new("422400008", "Vomiting"),
        new("62315008", "Diarrhea"),
        new("267036007", "Dyspnea"),
    ];

    public static AllergenConcept Allergen(string snomedId) => Allergens.Single(a => a.SnomedId == snomedId);

    public static ReactionConcept Reaction(string snomedId) => Reactions.Single(r => r.SnomedId == snomedId);
}
