namespace FhirFacade.Core.Audit;

/// <summary>
/// Who made the request, from the validated access token. Every field is null for a request
/// that was rejected before a token could be validated.
/// </summary>
/// <param name="ClientId">The SMART client id (<c>client_id</c> / <c>azp</c>).</param>
/// <param name="UserId">The user (e.g. SDS user id) the token was issued to.</param>
/// <param name="PractitionerRoleId">The practitioner's role (e.g. SDS role profile id).</param>
/// <param name="OrganisationOdsCode">The ODS code of the user's organisation.</param>
public sealed record AuditAgent(
    string? ClientId,
    string? UserId,
    string? PractitionerRoleId,
    string? OrganisationOdsCode)
{
    /// <summary>An agent with no identity (no or invalid token).</summary>
    public static AuditAgent Anonymous { get; } = new(null, null, null, null);
}
