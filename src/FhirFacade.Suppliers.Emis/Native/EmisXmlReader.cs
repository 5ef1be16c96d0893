using System.Text;
using System.Xml;

namespace FhirFacade.Suppliers.Emis.Native;

/// <summary>
/// Reads the EMIS XML documents (docs/suppliers/emis.md) into native DTOs in one forward pass over an
/// <see cref="XmlReader"/> (no DOM: this runs on every EMIS call). DTDs are prohibited and no external
/// resources are resolved. A document that is not well-formed throws <see cref="XmlException"/>;
/// missing optional parts read as <see langword="null"/> and are the mappers' business. Where an
/// element that should appear once appears twice, the first one counts; elements of other namespaces
/// and unknown elements are skipped.
/// Public, with the native model it reads (<c>Native/</c>), as the EMIS adapter's parse step: the stage benchmarks (tests/FhirFacade.Benchmarks/Server/ServerStageBenchmarks.cs) price it on its own.
/// </summary>
public static class EmisXmlReader
{
    /// <summary>The namespace of every EMIS document.</summary>
    public const string NamespaceUri = "urn:fhirfacade:sim:emis:openhr-lite:1";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 16 * 1024 * 1024,
    };

    /// <summary>Reads a <c>PatientRecord</c> or <c>PatientSummary</c> document from a (buffered) stream.</summary>
    public static EmisPatientRecord ReadRecord(Stream stream) => Read(XmlReader.Create(stream, Settings), ReadRecordRoot);

    /// <summary>Reads a <c>PatientRecord</c> or <c>PatientSummary</c> document from text (tests, fixtures).</summary>
    public static EmisPatientRecord ReadRecord(string xml) => Read(XmlReader.Create(new StringReader(xml), Settings), ReadRecordRoot);

    /// <summary>Reads a root <c>Organisation</c> document.</summary>
    public static EmisOrganisation ReadOrganisationDocument(Stream stream) => Read(XmlReader.Create(stream, Settings), ReadOrganisationRoot);

    /// <summary>Reads a root <c>Organisation</c> document from text.</summary>
    public static EmisOrganisation ReadOrganisationDocument(string xml) => Read(XmlReader.Create(new StringReader(xml), Settings), ReadOrganisationRoot);

    /// <summary>Reads a root <c>Practitioner</c> document.</summary>
    public static EmisPractitioner ReadPractitionerDocument(Stream stream) => Read(XmlReader.Create(stream, Settings), ReadPractitionerRoot);

    /// <summary>Reads a root <c>Practitioner</c> document from text.</summary>
    public static EmisPractitioner ReadPractitionerDocument(string xml) => Read(XmlReader.Create(new StringReader(xml), Settings), ReadPractitionerRoot);

    /// <summary>Reads a <c>PatientSearchResults</c> document (a demographic search).</summary>
    public static EmisPatientMatches ReadPatientMatches(Stream stream) => Read(XmlReader.Create(stream, Settings), ReadPatientMatchesRoot);

    /// <summary>Reads a <c>PatientSearchResults</c> document from text.</summary>
    public static EmisPatientMatches ReadPatientMatches(string xml) => Read(XmlReader.Create(new StringReader(xml), Settings), ReadPatientMatchesRoot);

    private static T Read<T>(XmlReader created, Func<XmlReader, T> readRoot)
    {
        using var reader = created;
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new XmlException("Empty EMIS document.");
        }

        var value = readRoot(reader);

        // The rest of the document must be well-formed too.
        while (reader.Read())
        {
        }

        return value;
    }

    private static EmisPatientRecord ReadRecordRoot(XmlReader reader)
    {
        if (!IsEmis(reader) || (reader.LocalName != "PatientRecord" && reader.LocalName != "PatientSummary"))
        {
            throw new XmlException($"Unexpected EMIS document root '{reader.LocalName}'.");
        }

        var version = reader.GetAttribute("version");
        EmisOrganisation? organisation = null;
        EmisPatient? patient = null;
        List<EmisPractitioner>? practitioners = null;
        List<EmisProblem>? problems = null;
        List<EmisAllergy>? allergies = null;
        List<EmisMedication>? medications = null;
        foreach (var name in Children(reader))
        {
            switch (name)
            {
                case "Organisation" when organisation is null:
                    organisation = ReadOrganisation(reader);
                    break;
                case "Patient" when patient is null:
                    patient = ReadPatient(reader);
                    break;
                case "Practitioners" when practitioners is null:
                    practitioners = [];
                    foreach (var child in Children(reader))
                    {
                        ReadInto(reader, child == "Practitioner", practitioners, ReadPractitioner);
                    }

                    break;
                case "Events" when problems is null:
                    (problems, allergies, medications) = ([], [], []);
                    foreach (var child in Children(reader))
                    {
                        switch (child)
                        {
                            case "Problem":
                                problems.Add(ReadProblem(reader));
                                break;
                            case "Allergy" or "NoKnownAllergies":
                                allergies.Add(ReadAllergy(reader, child == "NoKnownAllergies"));
                                break;
                            case "Medication":
                                medications.Add(ReadMedication(reader));
                                break;
                            default:
                                reader.Skip();
                                break;
                        }
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EmisPatientRecord(version, organisation, patient, practitioners ?? [], problems ?? [], allergies ?? [], medications ?? []);
    }

    private static EmisPatientMatches ReadPatientMatchesRoot(XmlReader reader)
    {
        if (!IsEmis(reader) || reader.LocalName != "PatientSearchResults")
        {
            throw new XmlException("Expected a PatientSearchResults document.");
        }

        var truncated = Flag(reader, "truncated");
        var numbers = new List<string>();
        foreach (var name in Children(reader))
        {
            if (name != "Match")
            {
                reader.Skip();
                continue;
            }

            string? nhsNumber = null;
            foreach (var part in Children(reader))
            {
                if (part == "NhsNumber")
                {
                    ReadFirst(reader, ref nhsNumber);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (!string.IsNullOrEmpty(nhsNumber))
            {
                numbers.Add(nhsNumber);
            }
        }

        return new EmisPatientMatches(numbers, truncated);
    }

    private static EmisOrganisation ReadOrganisationRoot(XmlReader reader) =>
        IsEmis(reader) && reader.LocalName == "Organisation" ? ReadOrganisation(reader) : throw new XmlException("Expected an EMIS Organisation document.");

    private static EmisPractitioner ReadPractitionerRoot(XmlReader reader) =>
        IsEmis(reader) && reader.LocalName == "Practitioner" ? ReadPractitioner(reader) : throw new XmlException("Expected an EMIS Practitioner document.");

    private static EmisOrganisation ReadOrganisation(XmlReader reader)
    {
        var odsCode = reader.GetAttribute("odsCode") ?? string.Empty;
        string? name = null, type = null, telephone = null, town = null, postcode = null;
        List<string>? lines = null;
        foreach (var child in Children(reader))
        {
            switch (child)
            {
                case "Name":
                    ReadFirst(reader, ref name);
                    break;
                case "Type":
                    ReadFirst(reader, ref type);
                    break;
                case "Telephone":
                    ReadFirst(reader, ref telephone);
                    break;
                case "Address" when lines is null:
                    lines = [];
                    foreach (var part in Children(reader))
                    {
                        switch (part)
                        {
                            case "Line":
                                lines.Add(ReadValue(reader));
                                break;
                            case "Town":
                                ReadFirst(reader, ref town);
                                break;
                            case "Postcode":
                                ReadFirst(reader, ref postcode);
                                break;
                            default:
                                reader.Skip();
                                break;
                        }
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EmisOrganisation(odsCode, NullIfEmpty(name), NullIfEmpty(type), lines ?? [], NullIfEmpty(town), NullIfEmpty(postcode), NullIfEmpty(telephone));
    }

    private static EmisPatient ReadPatient(XmlReader reader)
    {
        string? nhsNumber = null, sex = null, dateOfBirth = null, dateOfDeath = null;
        var names = new List<EmisName>();
        var addresses = new List<EmisAddress>();
        var telecoms = new List<EmisTelecom>();
        EmisRegistration? registration = null;
        (bool Dissent, bool Sensitive)? flags = null;
        foreach (var child in Children(reader))
        {
            switch (child)
            {
                case "NhsNumber":
                    ReadFirst(reader, ref nhsNumber);
                    break;
                case "Sex":
                    ReadFirst(reader, ref sex);
                    break;
                case "DateOfBirth":
                    ReadFirst(reader, ref dateOfBirth);
                    break;
                case "DateOfDeath":
                    ReadFirst(reader, ref dateOfDeath);
                    break;
                case "Name":
                    names.Add(ReadName(reader));
                    break;
                case "Address":
                    addresses.Add(ReadAddress(reader));
                    break;
                case "Telecom":
                    var telecomType = reader.GetAttribute("type");
                    telecoms.Add(new EmisTelecom(telecomType, ReadValue(reader)));
                    break;
                case "Registration" when registration is null:
                    registration = new EmisRegistration(reader.GetAttribute("type"), reader.GetAttribute("startDate"), reader.GetAttribute("usualGp"));
                    reader.Skip();
                    break;
                case "SharingFlags" when flags is null:
                    flags = (Flag(reader, "dissent"), Flag(reader, "sensitive"));
                    reader.Skip();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EmisPatient(
            NullIfEmpty(nhsNumber),
            names,
            NullIfEmpty(sex),
            NullIfEmpty(dateOfBirth),
            NullIfEmpty(dateOfDeath),
            addresses,
            telecoms,
            registration,
            flags?.Dissent ?? false,
            flags?.Sensitive ?? false);
    }

    private static EmisName ReadName(XmlReader reader)
    {
        var use = reader.GetAttribute("use");
        string? title = null, family = null;
        var given = new List<string>();
        foreach (var child in Children(reader))
        {
            switch (child)
            {
                case "Title":
                    ReadFirst(reader, ref title);
                    break;
                case "Given":
                    given.Add(ReadValue(reader));
                    break;
                case "Family":
                    ReadFirst(reader, ref family);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EmisName(use, NullIfEmpty(title), given, NullIfEmpty(family));
    }

    private static EmisAddress ReadAddress(XmlReader reader)
    {
        var use = reader.GetAttribute("use");
        string? town = null, county = null, postcode = null;
        var lines = new List<string>();
        foreach (var child in Children(reader))
        {
            switch (child)
            {
                case "Line":
                    lines.Add(ReadValue(reader));
                    break;
                case "Town":
                    ReadFirst(reader, ref town);
                    break;
                case "County":
                    ReadFirst(reader, ref county);
                    break;
                case "Postcode":
                    ReadFirst(reader, ref postcode);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EmisAddress(use, lines, NullIfEmpty(town), NullIfEmpty(county), NullIfEmpty(postcode));
    }

    private static EmisPractitioner ReadPractitioner(XmlReader reader)
    {
        var id = reader.GetAttribute("id");
        string? sdsUserId = null, gmcNumber = null, title = null, givenName = null, familyName = null, gender = null, role = null, odsCode = null;
        foreach (var child in Children(reader))
        {
            switch (child)
            {
                case "SdsUserId":
                    ReadFirst(reader, ref sdsUserId);
                    break;
                case "GmcNumber":
                    ReadFirst(reader, ref gmcNumber);
                    break;
                case "Title":
                    ReadFirst(reader, ref title);
                    break;
                case "GivenName":
                    ReadFirst(reader, ref givenName);
                    break;
                case "FamilyName":
                    ReadFirst(reader, ref familyName);
                    break;
                case "Gender":
                    ReadFirst(reader, ref gender);
                    break;
                case "Role":
                    ReadFirst(reader, ref role);
                    break;
                case "OrganisationOdsCode":
                    ReadFirst(reader, ref odsCode);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EmisPractitioner(
            id ?? NullIfEmpty(sdsUserId) ?? string.Empty,
            NullIfEmpty(sdsUserId),
            NullIfEmpty(gmcNumber),
            NullIfEmpty(title),
            NullIfEmpty(givenName),
            NullIfEmpty(familyName),
            NullIfEmpty(gender),
            NullIfEmpty(role),
            NullIfEmpty(odsCode));
    }

    private static EmisProblem ReadProblem(XmlReader reader)
    {
        var (id, status, significance, confidential) = (reader.GetAttribute("id"), reader.GetAttribute("status"), reader.GetAttribute("significance"), Flag(reader, "confidential"));
        EmisCodedValue? code = null;
        PartialText? onset = null, end = null;
        string? recordedDate = null, recordedBy = null, note = null;
        foreach (var child in Children(reader))
        {
            switch (child)
            {
                case "Code" when code is null:
                    code = ReadCoded(reader);
                    break;
                case "Onset" when onset is null:
                    onset = ReadPartial(reader);
                    break;
                case "End" when end is null:
                    end = ReadPartial(reader);
                    break;
                case "RecordedDate":
                    ReadFirst(reader, ref recordedDate);
                    break;
                case "RecordedBy":
                    ReadFirst(reader, ref recordedBy);
                    break;
                case "Note":
                    ReadFirst(reader, ref note);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EmisProblem(id ?? string.Empty, status, significance, confidential, code, onset?.ToDate(), end?.ToDate(), NullIfEmpty(recordedDate), NullIfEmpty(recordedBy), NullIfEmpty(note));
    }

    private static EmisAllergy ReadAllergy(XmlReader reader, bool noKnownAllergies)
    {
        var (id, status, confidential) = (reader.GetAttribute("id"), noKnownAllergies ? "active" : reader.GetAttribute("status"), Flag(reader, "confidential"));
        var codeElement = noKnownAllergies ? "Code" : "Allergen";
        EmisCodedValue? allergen = null, manifestation = null;
        PartialText? onset = null;
        string? category = null, severity = null, endDate = null, recordedDate = null, recordedBy = null, note = null;
        var reactionSeen = false;
        foreach (var child in Children(reader))
        {
            switch (child)
            {
                case var _ when child == codeElement && allergen is null:
                    allergen = ReadCoded(reader);
                    break;
                case "Reaction" when !reactionSeen:
                    reactionSeen = true;
                    foreach (var part in Children(reader))
                    {
                        switch (part)
                        {
                            case "Manifestation" when manifestation is null:
                                manifestation = ReadCoded(reader);
                                break;
                            case "Severity":
                                ReadFirst(reader, ref severity);
                                break;
                            default:
                                reader.Skip();
                                break;
                        }
                    }

                    break;
                case "Onset" when onset is null:
                    onset = ReadPartial(reader);
                    break;
                case "Category":
                    ReadFirst(reader, ref category);
                    break;
                case "EndDate":
                    ReadFirst(reader, ref endDate);
                    break;
                case "RecordedDate":
                    ReadFirst(reader, ref recordedDate);
                    break;
                case "RecordedBy":
                    ReadFirst(reader, ref recordedBy);
                    break;
                case "Note":
                    ReadFirst(reader, ref note);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EmisAllergy(
            id ?? string.Empty,
            status,
            confidential,
            NullIfEmpty(category),
            allergen,
            manifestation,
            NullIfEmpty(severity),
            onset?.ToDate(),
            NullIfEmpty(endDate),
            NullIfEmpty(recordedDate),
            NullIfEmpty(recordedBy),
            NullIfEmpty(note),
            noKnownAllergies);
    }

    private static EmisMedication ReadMedication(XmlReader reader)
    {
        var (id, type, status, confidential) = (reader.GetAttribute("id"), reader.GetAttribute("type"), reader.GetAttribute("status"), Flag(reader, "confidential"));
        EmisCodedValue? drug = null;
        (string? Value, string? Unit)? quantity = null;
        List<EmisMedicationIssue>? issues = null;
        string? dosage = null, startDate = null, endDate = null, reviewDate = null, maxIssues = null, stopReason = null, prescriber = null;
        foreach (var child in Children(reader))
        {
            switch (child)
            {
                case "Drug" when drug is null:
                    drug = ReadCoded(reader);
                    break;
                case "Quantity" when quantity is null:
                    quantity = (reader.GetAttribute("value"), reader.GetAttribute("unit"));
                    reader.Skip();
                    break;
                case "Issues" when issues is null:
                    issues = [];
                    foreach (var part in Children(reader))
                    {
                        ReadInto(reader, part == "Issue", issues, ReadMedicationIssue);
                    }

                    break;
                case "Dosage":
                    ReadFirst(reader, ref dosage);
                    break;
                case "StartDate":
                    ReadFirst(reader, ref startDate);
                    break;
                case "EndDate":
                    ReadFirst(reader, ref endDate);
                    break;
                case "ReviewDate":
                    ReadFirst(reader, ref reviewDate);
                    break;
                case "MaxIssues":
                    ReadFirst(reader, ref maxIssues);
                    break;
                case "StopReason":
                    ReadFirst(reader, ref stopReason);
                    break;
                case "Prescriber":
                    ReadFirst(reader, ref prescriber);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EmisMedication(
            id ?? string.Empty,
            type,
            status,
            confidential,
            drug,
            NullIfEmpty(dosage),
            quantity?.Value,
            quantity?.Unit,
            NullIfEmpty(startDate),
            NullIfEmpty(endDate),
            NullIfEmpty(reviewDate),
            NullIfEmpty(maxIssues),
            NullIfEmpty(stopReason),
            NullIfEmpty(prescriber),
            issues ?? []);
    }

    private static EmisMedicationIssue ReadMedicationIssue(XmlReader reader)
    {
        var issue = new EmisMedicationIssue(reader.GetAttribute("id"), reader.GetAttribute("date"), reader.GetAttribute("quantity"), reader.GetAttribute("unit"));
        reader.Skip();
        return issue;
    }

    /// <summary>Reads the element at the reader into <paramref name="items"/> when it is one of them (<paramref name="read"/> consumes it); skips it otherwise.</summary>
    private static void ReadInto<T>(XmlReader reader, bool isItem, List<T> items, Func<XmlReader, T> read)
    {
        if (isItem)
        {
            items.Add(read(reader));
        }
        else
        {
            reader.Skip();
        }
    }

    private static EmisCodedValue ReadCoded(XmlReader reader)
    {
        var coded = new EmisCodedValue(reader.GetAttribute("scheme"), NullIfEmpty(reader.GetAttribute("code")), NullIfEmpty(reader.GetAttribute("term")));
        reader.Skip();
        return coded;
    }

    private static PartialText ReadPartial(XmlReader reader)
    {
        var precision = reader.GetAttribute("precision");
        return new PartialText(precision, ReadValue(reader));
    }

    /// <summary>
    /// Positions the reader on each child element of the element it is on, in the EMIS namespace, and
    /// yields its local name; the caller consumes that element (reads it or skips it). Ends past the parent.
    /// </summary>
    private static IEnumerable<string> Children(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            yield break;
        }

        var depth = reader.Depth;
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement || reader.Depth != depth)
        {
            if (reader.EOF)
            {
                throw new XmlException("The EMIS document ended inside an element.");
            }

            if (reader.NodeType == XmlNodeType.Element && IsEmis(reader))
            {
                yield return reader.LocalName;
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }

    /// <summary>The text content of the element at the reader (all descendant text, like <c>XElement.Value</c>); ends past the element.</summary>
    private static string ReadValue(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        string? first = null;
        StringBuilder? more = null;
        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement || reader.Depth != depth)
        {
            if (reader.EOF)
            {
                throw new XmlException("The EMIS document ended inside an element.");
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                if (first is null)
                {
                    first = reader.Value;
                }
                else
                {
                    (more ??= new StringBuilder(first)).Append(reader.Value);
                }
            }

            reader.Read();
        }

        reader.Read();
        return more?.ToString() ?? first ?? string.Empty;
    }

    private static string ReadTrimmed(XmlReader reader) => ReadValue(reader).Trim();

    /// <summary>Reads (consumes) the element at the reader; its trimmed text is kept only when <paramref name="field"/> has none yet.</summary>
    private static void ReadFirst(XmlReader reader, ref string? field)
    {
        var value = ReadTrimmed(reader);
        field ??= value;
    }

    private static bool IsEmis(XmlReader reader) => reader.NamespaceURI == NamespaceUri;

    private static bool Flag(XmlReader reader, string attribute) => string.Equals(reader.GetAttribute(attribute), "true", StringComparison.Ordinal);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>A partial date as written: the precision attribute and the raw text.</summary>
    private sealed record PartialText(string? Precision, string Text)
    {
        public EmisPartialDate? ToDate() => string.IsNullOrWhiteSpace(Text) ? null : new EmisPartialDate(Precision, Text.Trim());
    }
}
