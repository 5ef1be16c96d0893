namespace FhirFacade.Server.Security;

/// <summary>
/// Who is calling, from a validated bearer token: the client, the user, their organisation, the
/// granted clinical scopes and the launch patient, if any. Used for authorization and for audit.
/// </summary>
public sealed record FacadeCaller
{
    /// <summary>The OAuth client (<c>client_id</c>, or <c>azp</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>The subject (<c>sub</c>): a user, or the client itself for <c>client_credentials</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>The <c>fhirUser</c> claim (e.g. <c>Practitioner/123</c>), when present.</summary>
    public string? FhirUser { get; init; }

    /// <summary>The requesting organisation's ODS code (claim <c>organization</c> or <c>ods</c>), when present.</summary>
    public string? OrganisationOds { get; init; }

    /// <summary>The launch patient (<c>patient</c> claim): a facade Patient id that confines every request.</summary>
    public string? PatientContext { get; init; }

    /// <summary>The token id (<c>jti</c>), for audit.</summary>
    public string? TokenId { get; init; }

    /// <summary>The scopes granted, as the token wrote them (clinical and other), for the gateway's <see cref="Core.Gateway.Caller"/>.</summary>
    public IReadOnlyList<string> ScopeClaims { get; init; } = [];

    /// <summary>The clinical scopes granted.</summary>
    public IReadOnlyList<SmartScope> Scopes { get; init; } = [];

    /// <summary>
    /// <see langword="true"/> when some scope grants <paramref name="access"/> on <paramref name="resourceType"/>.
    /// A <c>patient/</c> scope only counts when the token carries a patient context.
    /// </summary>
    public bool IsGranted(string resourceType, ScopeAccess access)
    {
        foreach (var scope in Scopes)
        {
            if ((scope.Access & access) != access || (!scope.IsWildcard && scope.ResourceType != resourceType))
            {
                continue;
            }

            if (scope.Context == ScopeContext.Patient && PatientContext is null)
            {
                continue;
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// <see langword="true"/> when a <c>user/</c> or <c>system/</c> scope naming <paramref name="resourceType"/>
    /// itself grants <paramref name="access"/>: for permissions a wildcard must not carry (reading the audit trail).
    /// </summary>
    public bool IsGrantedExplicitly(string resourceType, ScopeAccess access) =>
        Scopes.Any(s => s.Context != ScopeContext.Patient && s.ResourceType == resourceType && (s.Access & access) == access);

    /// <summary>
    /// <see langword="true"/> when the token carries a launch patient: then every request — read,
    /// search, chained search, paging links, <c>_include</c> — must stay within that patient,
    /// whatever other scopes the token has (docs/adr/0005-out-of-context-patient-access.md).
    /// </summary>
    public bool IsConfinedToPatient => PatientContext is not null;
}
