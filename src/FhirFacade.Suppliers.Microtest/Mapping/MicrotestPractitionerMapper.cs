using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Microtest.Native;

namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>The usual GP Evolution embeds in a registration → UK Core Practitioner (SDS user id, GMC number).</summary>
internal static class MicrotestPractitionerMapper
{
    public static Practitioner? Map(MicrotestClinician clinician, MicrotestMappingContext context)
    {
        if (string.IsNullOrEmpty(clinician.SdsUserId))
        {
            context.Unmappable("practitioner", null, "no SDS user id");
            return null;
        }

        var resource = new Practitioner
        {
            Id = context.Id(clinician.SdsUserId),
            Meta = context.Meta(UkCoreProfiles.Practitioner),
        };
        resource.Identifier.Add(new Identifier(UkCoreSystems.SdsUserId, clinician.SdsUserId));
        if (!string.IsNullOrEmpty(clinician.GmcNumber))
        {
            resource.Identifier.Add(new Identifier(UkCoreSystems.GmcNumber, clinician.GmcNumber));
        }

        resource.Name.Add(new HumanName
        {
            Use = "official",
            Family = clinician.Surname,
            Given = string.IsNullOrEmpty(clinician.Forename) ? [] : [clinician.Forename],
            Prefix = string.IsNullOrEmpty(clinician.Title) ? [] : [clinician.Title],
        });
        return resource;
    }
}
