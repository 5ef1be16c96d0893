namespace FhirFacade.Suppliers.Vision.Native;

/// <summary>A clinician (XCN): SDS user id, name, and the GMC number when the interface sends one.</summary>
internal sealed record VisionClinician(string SdsUserId, string Family, string Given, string Title, string? GmcNumber);
