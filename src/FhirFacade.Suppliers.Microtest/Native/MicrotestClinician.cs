namespace FhirFacade.Suppliers.Microtest.Native;

/// <summary>A clinician as Evolution embeds one (<c>usual_gp</c>).</summary>
internal sealed record MicrotestClinician(string? SdsUserId, string? GmcNumber, string? Title, string? Forename, string? Surname);
