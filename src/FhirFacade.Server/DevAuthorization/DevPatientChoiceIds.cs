using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.DevAuthorization;

/// <summary>Gives each configured picker patient its facade Patient id (supplier, organisation, NHS number).</summary>
internal sealed class DevPatientChoiceIds(ResourceIdCodec ids) : IPostConfigureOptions<DevAuthorizationOptions>
{
    public void PostConfigure(string? name, DevAuthorizationOptions options)
    {
        foreach (var patient in options.Patients)
        {
            if (string.IsNullOrEmpty(patient.Id) && patient is { NhsNumber: { } nhs, Supplier: { } supplier, OrganisationOds: { } ods })
            {
                patient.Id = ids.Encode(FhirResourceTypes.Patient, new FacadeResourceId(supplier, ods, nhs));
            }
        }
    }
}
