using System.Xml;
using System.Xml.Linq;

namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>
/// Reads the EMIS XML documents (docs/suppliers/emis.md) into native DTOs. DTDs are prohibited and no
/// external resources are resolved. A document that is not well-formed throws <see cref="XmlException"/>;
/// missing optional parts read as <see langword="null"/> and are the mappers' business.
/// </summary>
internal static class EmisXmlReader
{
    /// <summary>The namespace of every EMIS document.</summary>
    public const string NamespaceUri = "urn:fhirfacade:sim:emis:openhr-lite:1";

    private static readonly XNamespace Ns = NamespaceUri;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        Async = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 16 * 1024 * 1024,
    };

    /// <summary>Loads a document from a stream.</summary>
    public static async Task<XDocument> LoadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken);
    }

    /// <summary>Loads a document from text (tests, fixtures).</summary>
    public static XDocument Parse(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        return XDocument.Load(reader);
    }

    /// <summary>Reads a <c>PatientRecord</c> or <c>PatientSummary</c> root.</summary>
    public static EmisPatientRecord ReadRecord(XDocument document)
    {
        var root = document.Root ?? throw new XmlException("Empty EMIS document.");
        if (root.Name != Ns + "PatientRecord" && root.Name != Ns + "PatientSummary")
        {
            throw new XmlException($"Unexpected EMIS document root '{root.Name.LocalName}'.");
        }

        var events = root.Element(Ns + "Events");
        return new EmisPatientRecord(
            (string?)root.Attribute("version"),
            root.Element(Ns + "Organisation") is { } organisation ? ReadOrganisation(organisation) : null,
            root.Element(Ns + "Patient") is { } patient ? ReadPatient(patient) : null,
            [.. Children(root.Element(Ns + "Practitioners"), "Practitioner").Select(ReadPractitioner)],
            [.. Children(events, "Problem").Select(ReadProblem)],
            [.. (events?.Elements() ?? []).Where(e => e.Name == Ns + "Allergy" || e.Name == Ns + "NoKnownAllergies").Select(ReadAllergy)],
            [.. Children(events, "Medication").Select(ReadMedication)]);
    }

    /// <summary>Reads a root <c>Organisation</c> document.</summary>
    public static EmisOrganisation ReadOrganisationDocument(XDocument document) =>
        document.Root is { } root && root.Name == Ns + "Organisation" ? ReadOrganisation(root) : throw new XmlException("Expected an EMIS Organisation document.");

    /// <summary>Reads a root <c>Practitioner</c> document.</summary>
    public static EmisPractitioner ReadPractitionerDocument(XDocument document) =>
        document.Root is { } root && root.Name == Ns + "Practitioner" ? ReadPractitioner(root) : throw new XmlException("Expected an EMIS Practitioner document.");

    /// <summary>Reads the <c>Code</c> of an <c>Error</c> document, or <see langword="null"/>.</summary>
    public static string? ReadErrorCode(XDocument document) => (string?)document.Root?.Element(Ns + "Code");

    private static EmisOrganisation ReadOrganisation(XElement e)
    {
        var address = e.Element(Ns + "Address");
        return new EmisOrganisation(
            (string?)e.Attribute("odsCode") ?? string.Empty,
            Text(e, "Name"),
            Text(e, "Type"),
            [.. Children(address, "Line").Select(l => l.Value)],
            Text(address, "Town"),
            Text(address, "Postcode"),
            Text(e, "Telephone"));
    }

    private static EmisPatient ReadPatient(XElement e)
    {
        var registration = e.Element(Ns + "Registration");
        var flags = e.Element(Ns + "SharingFlags");
        return new EmisPatient(
            Text(e, "NhsNumber"),
            [.. Children(e, "Name").Select(n => new EmisName((string?)n.Attribute("use"), Text(n, "Title"), [.. Children(n, "Given").Select(g => g.Value)], Text(n, "Family")))],
            Text(e, "Sex"),
            Text(e, "DateOfBirth"),
            Text(e, "DateOfDeath"),
            [.. Children(e, "Address").Select(a => new EmisAddress((string?)a.Attribute("use"), [.. Children(a, "Line").Select(l => l.Value)], Text(a, "Town"), Text(a, "County"), Text(a, "Postcode")))],
            [.. Children(e, "Telecom").Select(t => new EmisTelecom((string?)t.Attribute("type"), t.Value))],
            registration is null ? null : new EmisRegistration((string?)registration.Attribute("type"), (string?)registration.Attribute("startDate"), (string?)registration.Attribute("usualGp")),
            Flag(flags, "dissent"),
            Flag(flags, "sensitive"));
    }

    private static EmisPractitioner ReadPractitioner(XElement e) => new(
        (string?)e.Attribute("id") ?? Text(e, "SdsUserId") ?? string.Empty,
        Text(e, "SdsUserId"),
        Text(e, "GmcNumber"),
        Text(e, "Title"),
        Text(e, "GivenName"),
        Text(e, "FamilyName"),
        Text(e, "Gender"),
        Text(e, "Role"),
        Text(e, "OrganisationOdsCode"));

    private static EmisProblem ReadProblem(XElement e) => new(
        (string?)e.Attribute("id") ?? string.Empty,
        (string?)e.Attribute("status"),
        (string?)e.Attribute("significance"),
        Flag(e, "confidential"),
        Coded(e.Element(Ns + "Code")),
        Partial(e.Element(Ns + "Onset")),
        Partial(e.Element(Ns + "End")),
        Text(e, "RecordedDate"),
        Text(e, "RecordedBy"),
        Text(e, "Note"));

    private static EmisAllergy ReadAllergy(XElement e)
    {
        var noKnownAllergies = e.Name == Ns + "NoKnownAllergies";
        var reaction = e.Element(Ns + "Reaction");
        return new EmisAllergy(
            (string?)e.Attribute("id") ?? string.Empty,
            noKnownAllergies ? "active" : (string?)e.Attribute("status"),
            Flag(e, "confidential"),
            Text(e, "Category"),
            Coded(e.Element(Ns + (noKnownAllergies ? "Code" : "Allergen"))),
            Coded(reaction?.Element(Ns + "Manifestation")),
            Text(reaction, "Severity"),
            Partial(e.Element(Ns + "Onset")),
            Text(e, "EndDate"),
            Text(e, "RecordedDate"),
            Text(e, "RecordedBy"),
            Text(e, "Note"),
            noKnownAllergies);
    }

    private static EmisMedication ReadMedication(XElement e)
    {
        var quantity = e.Element(Ns + "Quantity");
        return new EmisMedication(
            (string?)e.Attribute("id") ?? string.Empty,
            (string?)e.Attribute("type"),
            (string?)e.Attribute("status"),
            Flag(e, "confidential"),
            Coded(e.Element(Ns + "Drug")),
            Text(e, "Dosage"),
            (string?)quantity?.Attribute("value"),
            (string?)quantity?.Attribute("unit"),
            Text(e, "StartDate"),
            Text(e, "EndDate"),
            Text(e, "ReviewDate"),
            Text(e, "MaxIssues"),
            Text(e, "StopReason"),
            Text(e, "Prescriber"),
            [.. Children(e.Element(Ns + "Issues"), "Issue").Select(i => new EmisMedicationIssue((string?)i.Attribute("id"), (string?)i.Attribute("date"), (string?)i.Attribute("quantity"), (string?)i.Attribute("unit")))]);
    }

    private static EmisCodedValue? Coded(XElement? e) =>
        e is null ? null : new EmisCodedValue((string?)e.Attribute("scheme"), NullIfEmpty((string?)e.Attribute("code")), NullIfEmpty((string?)e.Attribute("term")));

    private static EmisPartialDate? Partial(XElement? e) =>
        e is null || string.IsNullOrWhiteSpace(e.Value) ? null : new EmisPartialDate((string?)e.Attribute("precision"), e.Value.Trim());

    private static IEnumerable<XElement> Children(XElement? parent, string name) => parent?.Elements(Ns + name) ?? [];

    private static string? Text(XElement? parent, string name) => NullIfEmpty(parent?.Element(Ns + name)?.Value.Trim());

    private static bool Flag(XElement? e, string attribute) => string.Equals((string?)e?.Attribute(attribute), "true", StringComparison.Ordinal);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
