namespace FhirFacade.Core.Sharing;

/// <summary>
/// What one source organisation shares with the organisations requesting through the facade
/// (<c>Facade:Organisations:n:Sharing</c>, docs/sharing.md). The defaults share everything with everyone;
/// each setting only narrows. Checked at start-up by the organisation directory's validator.
/// </summary>
public sealed class OrganisationSharingOptions
{
    /// <summary>
    /// <see langword="false"/> when the organisation shares nothing at all through the facade (SystmOne's
    /// "third party sharing" switched off). Default <see langword="true"/>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The record areas shared (<see cref="RecordAreas"/>: <c>demographics</c>, <c>medications</c>,
    /// <c>allergies</c>, <c>problems</c>). Absent means every area. An empty list in configuration reads
    /// as absent, so share nothing with <see cref="Enabled"/> = <see langword="false"/> instead.
    /// </summary>
    public List<string>? Areas { get; set; }

    /// <summary>
    /// The ODS codes of the requesting organisations shared with (the access token's <c>organization</c>
    /// claim). Absent means any requesting organisation; when present, a request whose token names no
    /// organisation is refused.
    /// </summary>
    public List<string>? RequestingOrganisations { get; set; }
}
