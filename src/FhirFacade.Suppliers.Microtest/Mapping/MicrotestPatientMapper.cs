namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>Evolution <c>patient</c> → UK Core Patient.</summary>
internal static class MicrotestPatientMapper
{
    public static Patient? Map(MicrotestPatient native, MicrotestMappingContext context)
    {
        if (string.IsNullOrEmpty(native.NhsNumber))
        {
            context.Unmappable("patient", null, "no NHS number");
            return null;
        }

        var patient = UkCoreMapping.Patient(context, native.NhsNumber, native.Sex);
        patient.BirthDate = Date(native.DateOfBirth, "date of birth", context);
        patient.Deceased = Date(native.DateOfDeath, "date of death", context) is { } death ? new FhirDateTime(death) : null;
        var given = new List<string>();
        if (!string.IsNullOrEmpty(native.Forename))
        {
            given.Add(native.Forename);
        }

        given.AddRange((native.MiddleNames ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        patient.Name.Add(new HumanName
        {
            Use = "usual",
            Family = native.Surname,
            Given = given,
            Prefix = string.IsNullOrEmpty(native.Title) ? [] : [native.Title],
        });
        patient.Name.AddRange((native.PreviousSurnames ?? []).Where(s => !string.IsNullOrEmpty(s)).Select(s => new HumanName { Use = "old", Family = s }));
        UkCoreMapping.AddTelecom(patient, "phone", native.HomePhone, "home");
        UkCoreMapping.AddTelecom(patient, "phone", native.MobilePhone, "mobile");
        UkCoreMapping.AddTelecom(patient, "email", native.Email, "home");
        if (native.Address is { } address)
        {
            UkCoreMapping.AddHomeAddress(patient, [address.Line1, address.Line2], address.Town, address.County, address.Postcode);
        }

        if (native.Practice is { OdsCode: { Length: > 0 } ods } practice && native.Registration is { IsRegisteredPractice: true })
        {
            patient.GeneralPractitioner.Add(Reference.To("Organization", context.Id(FhirResourceTypes.Organization, ods), practice.Name));
        }

        if (native.Registration?.UsualGp is { } gp && MicrotestMappingContext.PractitionerReference(gp.SdsUserId, Name(gp)) is { } usualGp)
        {
            patient.GeneralPractitioner.Add(usualGp);
        }

        return patient;
    }

    private static string? Name(MicrotestClinician clinician)
    {
        var name = string.Join(' ', new[] { clinician.Title, clinician.Forename, clinician.Surname }.Where(p => !string.IsNullOrEmpty(p)));
        return name.Length == 0 ? null : name;
    }

    private static string? Date(string? text, string field, MicrotestMappingContext context)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var date = MicrotestDates.Full(text);
        if (date is null)
        {
            context.Degraded("patient", null, $"the {field} is not a valid date and was left out");
        }

        return date;
    }
}
