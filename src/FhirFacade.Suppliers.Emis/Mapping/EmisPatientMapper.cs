namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>
/// EMIS <c>Patient</c> → UK Core Patient.
/// Public as one of the EMIS adapter's map steps, which the stage benchmarks price on their own.
/// </summary>
public static class EmisPatientMapper
{
    public static Patient? Map(EmisPatientRecord record, EmisMappingContext context)
    {
        var native = record.Patient;
        if (native?.NhsNumber is null)
        {
            context.Unmappable("patient", "no NHS number");
            return null;
        }

        var patient = UkCoreMapping.Patient(context, native.NhsNumber, native.Sex);
        patient.BirthDate = native.DateOfBirth;
        patient.Deceased = native.DateOfDeath is null ? null : new FhirDateTime(native.DateOfDeath);
        patient.Name.AddRange(native.Names.Select(n => new HumanName
        {
            Use = n.Use == "previous" ? "old" : "usual",
            Family = n.Family,
            Given = [.. n.Given],
            Prefix = n.Title is null ? [] : [n.Title],
        }));
        patient.Telecom.AddRange(native.Telecoms.Select(t => new ContactPoint
        {
            System = t.Type == "email" ? "email" : "phone",
            Value = t.Value,
            Use = t.Type == "mobile" ? "mobile" : "home",
        }));
        patient.Address.AddRange(native.Addresses.Select(a => new Address
        {
            Use = "home",
            Line = [.. a.Lines],
            City = a.Town,
            District = a.County,
            PostalCode = a.Postcode,
        }));
        if (record.Organisation is { } organisation && native.Registration is { IsRegisteredPractice: true })
        {
            patient.GeneralPractitioner.Add(Reference.To("Organization", context.Id(FhirResourceTypes.Organization, organisation.OdsCode), organisation.Name));
        }

        if (context.PractitionerReference(native.Registration?.UsualGp) is { } usualGp)
        {
            patient.GeneralPractitioner.Add(usualGp);
        }

        return patient;
    }
}
