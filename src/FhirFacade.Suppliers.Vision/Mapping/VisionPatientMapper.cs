namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>PID + PD1 + ZSH → UK Core Patient.</summary>
internal static class VisionPatientMapper
{
    /// <summary>ZSH-3 of a registered (not temporary) patient.</summary>
    private const string RegisteredType = "GMS";

    public static Patient? Map(VisionPatient native, VisionMappingContext context)
    {
        if (string.IsNullOrEmpty(native.NhsNumber))
        {
            context.Unmappable("patient", null, "no NHS number");
            return null;
        }

        var death = Date(native.DeathDate, "date of death", context);
        var patient = UkCoreMapping.Patient(context, native.NhsNumber, native.Sex);
        patient.BirthDate = Date(native.BirthDate, "date of birth", context);
        patient.Deceased = death is not null ? new FhirDateTime(death) : native.DeathIndicator ? new FhirBoolean(true) : null;
        foreach (var name in native.Names.Where(n => n.Family.Length > 0 || n.Given.Length > 0))
        {
            patient.Name.Add(new HumanName
            {
                // PID-5 type L is the legal (current) name; M the maiden/previous one.
                Use = name.Type == "M" ? "old" : "usual",
                Family = NullIfEmpty(name.Family),
                Given = [.. new[] { name.Given, name.Middle }.Where(g => g.Length > 0)],
                Prefix = name.Title.Length == 0 ? [] : [name.Title],
            });
        }

        foreach (var telecom in native.Telecoms)
        {
            AddTelecom(patient, telecom);
        }

        if (native.Address is { } address)
        {
            patient.Address.Add(new Address
            {
                Use = "home",
                Line = [.. new[] { address.Line1, address.Line2 }.Where(l => l.Length > 0)],
                City = NullIfEmpty(address.Town),
                District = NullIfEmpty(address.County),
                PostalCode = NullIfEmpty(address.Postcode),
            });
        }

        if (native.Practice is { OdsCode.Length: > 0 } practice && native.RegistrationType == RegisteredType)
        {
            patient.GeneralPractitioner.Add(Reference.To("Organization", context.Id(FhirResourceTypes.Organization, practice.OdsCode), NullIfEmpty(practice.Name)));
        }

        if (native.UsualGp is { } gp)
        {
            patient.GeneralPractitioner.Add(context.UsualGpReference(gp.SdsUserId, VisionPractitionerMapper.DisplayName(gp)));
        }

        return patient;
    }

    private static void AddTelecom(Patient patient, VisionTelecom telecom)
    {
        var contact = telecom.Equipment switch
        {
            "PH" when telecom.Number.Length > 0 => new ContactPoint { System = "phone", Value = telecom.Number, Use = "home" },
            "CP" when telecom.Number.Length > 0 => new ContactPoint { System = "phone", Value = telecom.Number, Use = "mobile" },
            "Internet" when telecom.Email.Length > 0 => new ContactPoint { System = "email", Value = telecom.Email, Use = "home" },
            _ => null,
        };
        if (contact is not null)
        {
            patient.Telecom.Add(contact);
        }
    }

    private static string? Date(string text, string field, VisionMappingContext context)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var date = VisionDates.Full(text);
        if (date is null)
        {
            context.Degraded("patient", null, $"the {field} is not a valid date and was left out");
        }

        return date;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
