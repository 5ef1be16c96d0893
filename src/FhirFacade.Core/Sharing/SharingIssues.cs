using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Sharing;

/// <summary>
/// The issues saying that an organisation's sharing choices kept records out of a response. A refusal
/// is the organisation's decision, not a failure: in a search it is a warning (<c>suppressed</c>) beside
/// whatever else was found; a read it refuses is 403 (docs/adr/0006-organisation-sharing-refusals.md).
/// Each carries the Spine code <c>NO_ORGANISATION_CONSENT</c>; the stable codes below tell the cases apart.
/// </summary>
public static class SharingIssues
{
    /// <summary>The organisation shares nothing through the facade.</summary>
    public const string RefusedCode = "SHARING-REFUSED";

    /// <summary>The organisation does not share with the requesting organisation.</summary>
    public const string RequesterRefusedCode = "SHARING-REQUESTER-REFUSED";

    /// <summary>The organisation does not share this record area (configured, or reported by its system).</summary>
    public const string AreaWithheldCode = "SHARING-AREA-WITHHELD";

    /// <summary>The organisation shares nothing (configuration: <c>Sharing:Enabled</c> false).</summary>
    public static Issue Refused(OrganisationEndpoint organisation) =>
        Warning(RefusedCode, $"{SupplierCallRunner.OrganisationLabel(organisation)} does not share records through this service; records held there are not included.");

    /// <summary>The organisation shares only with other requesting organisations.</summary>
    public static Issue RequesterRefused(OrganisationEndpoint organisation, string? requester) =>
        Warning(
            RequesterRefusedCode,
            requester is null
                ? $"{SupplierCallRunner.OrganisationLabel(organisation)} shares records only with named organisations, and the access token names no requesting organisation; records held there are not included."
                : $"{SupplierCallRunner.OrganisationLabel(organisation)} does not share records with the requesting organisation ({requester}); records held there are not included.");

    /// <summary>The organisation does not share one record area (configuration: <c>Sharing:Areas</c>).</summary>
    public static Issue AreaWithheld(OrganisationEndpoint organisation, string area) =>
        Warning(AreaWithheldCode, $"{SupplierCallRunner.OrganisationLabel(organisation)} does not share its {area}; records of that kind held there are not included.");

    /// <summary>The organisation's own system reports that it does not share one record area.</summary>
    public static Issue AreaWithheldBySupplier(OrganisationEndpoint organisation, string supplierName, string area) =>
        Warning(AreaWithheldCode, $"{supplierName} at {SupplierCallRunner.OrganisationLabel(organisation)} does not share its {area} with third parties; records of that kind held there are not included.");

    /// <summary>The same refusal as the error of a refused read: 403 <c>forbidden</c>.</summary>
    public static FacadeException Forbidden(Issue refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new FacadeException(403, refusal with { Severity = IssueSeverity.Error, Type = IssueType.Forbidden });
    }

    private static Issue Warning(string code, string message) =>
        new(code, IssueSeverity.Warning, IssueType.Suppressed, message)
        {
            Detail = new IssueDetail(SpineErrorCodes.System, SpineErrorCodes.NoOrganisationConsent, SpineErrorCodes.Display(SpineErrorCodes.NoOrganisationConsent)),
        };
}
