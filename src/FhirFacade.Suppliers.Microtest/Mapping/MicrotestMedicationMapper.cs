namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>The drug of an Evolution <c>medication</c> → UK Core Medication (dm+d coded, or the drug name alone when the code is missing or invalid).</summary>
internal static class MicrotestMedicationMapper
{
    public static Medication? Map(MicrotestMedication medication, MicrotestMappingContext context)
    {
        var code = MicrotestCodings.FromDmd(medication.DmdCode, medication.DrugName);
        if (code is null || string.IsNullOrEmpty(medication.Id))
        {
            context.Unmappable("medication", medication.Id, "no drug code or name");
            return null;
        }

        return UkCoreMapping.Medication(context, context.ItemNativeId(medication.Id), code);
    }
}
