namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>The drug of a TPP medication row → UK Core Medication (dm+d coded, or the drug name as text when the id is broken).</summary>
internal static class TppMedicationMapper
{
    public static Medication? Map(TppMedication medication, TppMappingContext context)
    {
        var code = TppCodings.FromDmd(medication.Drug);
        if (code is null || medication.RowId is not { } rowId)
        {
            context.Unmappable("medication", "no drug code or name, or no row id");
            return null;
        }

        return UkCoreMapping.Medication(context, context.RowNativeId(rowId), code);
    }
}
