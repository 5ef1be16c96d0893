using System.Collections.Immutable;
using FhirFacade.Core.Identity;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// Who is asking, as the server's security layer established it from the validated access token: the part of the
/// caller the gateway's rules read (patient confinement, docs/adr/0005-out-of-context-patient-access.md; organisation
/// sharing, docs/adr/0006-organisation-sharing-refusals.md). Built once at the edge; never read back from ambient state.
/// A value: two callers are equal when every part is, the scopes compared element by element.
/// </summary>
/// <param name="ClientId">The OAuth client.</param>
/// <param name="Scopes">The scopes the token grants, as written in it (<c>user/Condition.rs</c>).</param>
/// <param name="PatientContext">The launch patient (SMART <c>patient</c> claim): a facade Patient id that confines every request; <see langword="null"/> when the token has none.</param>
/// <param name="OrganisationOds">The requesting organisation's ODS code (<c>organization</c> or <c>ods</c> claim), when stated.</param>
public sealed record Caller(string ClientId, ImmutableArray<string> Scopes, string? PatientContext, string? OrganisationOds)
{
    private readonly FacadeResourceId? _patientId;

    /// <summary><see langword="true"/> when every request must stay within <see cref="PatientContext"/>.</summary>
    public bool IsConfinedToPatient => PatientContext is not null;

    /// <summary>
    /// <see cref="PatientContext"/> decoded, once, where the caller is built (the id's HMAC checked there, not per
    /// decision); <see langword="null"/> when there is no launch patient, or when the claim is no id the facade issued.
    /// A confined caller (<see cref="IsConfinedToPatient"/>) whose claim did not decode is confined to nobody: no
    /// patient's data at all.
    /// </summary>
    public FacadeResourceId? PatientId
    {
        get => _patientId;
        init
        {
            _patientId = value;
            PatientNhsNumber = value is not null && NhsNumber.TryParse(value.NativeId, out var nhs) ? nhs : null;
        }
    }

    /// <summary>The NHS number <see cref="PatientId"/> names (every adapter's native Patient id is one), when it names one.</summary>
    public NhsNumber? PatientNhsNumber { get; private init; }

    /// <inheritdoc/>
    public bool Equals(Caller? other) =>
        other is not null
        && string.Equals(ClientId, other.ClientId, StringComparison.Ordinal)
        && Scopes.AsSpan().SequenceEqual(other.Scopes.AsSpan())
        && string.Equals(PatientContext, other.PatientContext, StringComparison.Ordinal)
        && string.Equals(OrganisationOds, other.OrganisationOds, StringComparison.Ordinal)
        && Equals(_patientId, other._patientId);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(ClientId);
        foreach (var scope in Scopes.AsSpan())
        {
            hash.Add(scope);
        }

        hash.Add(PatientContext);
        hash.Add(OrganisationOds);
        hash.Add(_patientId);
        return hash.ToHashCode();
    }
}
