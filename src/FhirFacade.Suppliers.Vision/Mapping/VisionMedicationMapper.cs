namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>The drug of RXE-2 → UK Core Medication (dm+d coded, or the drug name alone when the code is missing or invalid).</summary>
internal static class VisionMedicationMapper
{
    public static Medication? Map(VisionMedication medication, VisionMappingContext context)
    {
        var code = VisionCodings.FromDmd(medication.Drug);
        if (code is null || medication.Id.Length == 0)
        {
            context.Unmappable("medication", medication.Id, "no drug code or name");
            return null;
        }

        return UkCoreMapping.Medication(context, context.ItemNativeId(medication.Id), code);
    }
}
