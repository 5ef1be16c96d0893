namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>The drug of an EMIS <c>Medication</c> authorisation → UK Core Medication (dm+d coded).</summary>
internal static class EmisMedicationMapper
{
    public static Medication? Map(EmisMedication medication, EmisMappingContext context)
    {
        var code = EmisCodings.ToConcept(medication.Drug);
        if (code is null || medication.Id.Length == 0)
        {
            context.Unmappable("medication", "no drug code or name", medication.Id);
            return null;
        }

        return UkCoreMapping.Medication(context, context.EventNativeId(medication.Id), code);
    }
}
