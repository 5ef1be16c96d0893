namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>What an EMIS demographic search (<c>GET /api/patients?family=…</c>) matched: NHS numbers, and whether there were more.</summary>
public sealed record EmisPatientMatches(IReadOnlyList<string> NhsNumbers, bool Truncated)
{
    /// <summary>Reads a <c>PatientSearchResults</c> document.</summary>
    public static EmisPatientMatches Read(Stream stream) => EmisXmlReader.ReadPatientMatches(stream);
}
