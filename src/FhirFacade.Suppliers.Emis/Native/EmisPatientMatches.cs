using System.Xml.Linq;

namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>What an EMIS demographic search (<c>GET /api/patients?family=…</c>) matched: NHS numbers, and whether there were more.</summary>
internal sealed record EmisPatientMatches(IReadOnlyList<string> NhsNumbers, bool Truncated)
{
    private static readonly XNamespace Ns = EmisXmlReader.NamespaceUri;

    /// <summary>Reads a <c>PatientSearchResults</c> document.</summary>
    public static EmisPatientMatches Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = document.Root is { } element && element.Name == Ns + "PatientSearchResults"
            ? element
            : throw new System.Xml.XmlException("Expected a PatientSearchResults document.");
        var numbers = root.Elements(Ns + "Match")
            .Select(m => ((string?)m.Element(Ns + "NhsNumber"))?.Trim())
            .Where(n => !string.IsNullOrEmpty(n))
            .Select(n => n!)
            .ToList();
        return new EmisPatientMatches(numbers, string.Equals((string?)root.Attribute("truncated"), "true", StringComparison.Ordinal));
    }
}
