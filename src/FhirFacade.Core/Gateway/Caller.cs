using System.Collections.Immutable;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// Who is asking, as the server's security layer established it from the validated access token: the part of the
/// caller the gateway's rules read (patient confinement, docs/adr/0005-out-of-context-patient-access.md; organisation
/// sharing, docs/adr/0006-organisation-sharing-refusals.md). Built once at the edge; never read back from ambient state.
/// </summary>
/// <param name="ClientId">The OAuth client.</param>
/// <param name="Scopes">The scopes the token grants, as written in it (<c>user/Condition.rs</c>).</param>
/// <param name="PatientContext">The launch patient (SMART <c>patient</c> claim): a facade Patient id that confines every request; <see langword="null"/> when the token has none.</param>
/// <param name="OrganisationOds">The requesting organisation's ODS code (<c>organization</c> or <c>ods</c> claim), when stated.</param>
public sealed record Caller(string ClientId, ImmutableArray<string> Scopes, string? PatientContext, string? OrganisationOds)
{
    /// <summary><see langword="true"/> when every request must stay within <see cref="PatientContext"/>.</summary>
    public bool IsConfinedToPatient => PatientContext is not null;
}
