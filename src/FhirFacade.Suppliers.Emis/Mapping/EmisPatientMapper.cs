namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>EMIS <c>Patient</c> → UK Core Patient.</summary>
internal static class EmisPatientMapper
{
    /// <summary>The GP Connect verification status "Number present and verified".</summary>
    private const string VerifiedCode = "01";
    private const string VerifiedDisplay = "Number present and verified";

    public static Patient? Map(EmisPatientRecord record, EmisMappingContext context)
    {
        var native = record.Patient;
        if (native?.NhsNumber is null)
        {
            context.Unmappable("patient", "no NHS number");
            return null;
        }

        var nhsIdentifier = new Identifier(UkCoreSystems.NhsNumber, native.NhsNumber);
        nhsIdentifier.Extension.Add(new Extension(
            UkCoreExtensions.NhsNumberVerificationStatus,
            new CodeableConcept(UkCoreSystems.NhsNumberVerificationStatusEngland, VerifiedCode, VerifiedDisplay)));
        var patient = new Patient
        {
            Id = context.PatientId,
            Meta = context.Meta(UkCoreProfiles.Patient),
            Identifier = [nhsIdentifier],
            Gender = native.Sex switch
            {
                "M" => "male",
                "F" => "female",
                _ => "unknown",
            },
            BirthDate = native.DateOfBirth,
            Deceased = native.DateOfDeath is null ? null : new FhirDateTime(native.DateOfDeath),
        };
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
