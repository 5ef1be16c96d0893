namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>The patient of a TPP record (demographics area) → UK Core Patient.</summary>
internal static class TppPatientMapper
{
    public static Patient? Map(TppRecord record, TppMappingContext context)
    {
        var native = record.Patient;
        if (native is null || string.IsNullOrWhiteSpace(native.NhsNumber))
        {
            context.Unmappable("patient", "no NHS number");
            return null;
        }

        var dateOfDeath = TppCodings.FullDate(native.DateOfDeath, "date of death", context);
        var patient = UkCoreMapping.Patient(context, native.NhsNumber, native.Gender);
        patient.BirthDate = TppCodings.FullDate(native.DateOfBirth, "date of birth", context);
        patient.Deceased = dateOfDeath is null ? null : new FhirDateTime(dateOfDeath);
        if (native.Surname is not null || native.Forenames is not null)
        {
            patient.Name.Add(new HumanName
            {
                Use = "usual",
                Family = native.Surname,
                Given = [.. new[] { native.Forenames, native.MiddleNames }.OfType<string>()],
                Prefix = native.Title is null ? [] : [native.Title],
            });
        }

        patient.Name.AddRange((native.PreviousSurnames ?? []).Select(s => new HumanName { Use = "old", Family = s }));
        UkCoreMapping.AddTelecom(patient, "phone", native.Telephone, "home");
        UkCoreMapping.AddTelecom(patient, "phone", native.Mobile, "mobile");
        UkCoreMapping.AddTelecom(patient, "email", native.Email, "home");
        if (native.Address is { } address)
        {
            UkCoreMapping.AddHomeAddress(patient, [address.Street, address.Locality], address.Town, address.County, address.Postcode);
        }

        if (record.Unit is { OdsCode: { Length: > 0 } odsCode } unit && native.Registration?.Type == "GMS")
        {
            patient.GeneralPractitioner.Add(Reference.To("Organization", context.Id(FhirResourceTypes.Organization, odsCode), unit.Name));
        }

        if (native.Registration?.UsualGp is { } usualGp && context.PractitionerReference(usualGp.StaffRowId) is { } gp)
        {
            patient.GeneralPractitioner.Add(gp);
        }

        return patient;
    }
}
