using System.Globalization;
using System.Text;
using System.Xml;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Emis;

/// <summary>Writes the simulated EMIS XML documents (see docs/suppliers/emis.md).</summary>
internal static class EmisRecordWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        Encoding = new UTF8Encoding(false),
        OmitXmlDeclaration = false,
    };

    public static string Record(ClinicalRecord record, RecordAreas sections) => Write(w =>
    {
        w.WriteStartElement("PatientRecord", EmisXml.Namespace);
        w.WriteAttributeString("version", record.Version.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("lastModified", record.LastModified.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        WriteOrganisationElement(w, record.Organisation);
        WritePatient(w, record);
        w.WriteStartElement("Practitioners");
        foreach (var practitioner in ReferencedPractitioners(record))
        {
            WritePractitionerElement(w, practitioner);
        }

        w.WriteEndElement();
        w.WriteStartElement("Events");
        if (sections.HasFlag(RecordAreas.Problems))
        {
            foreach (var problem in record.Problems)
            {
                WriteProblem(w, problem);
            }
        }

        if (sections.HasFlag(RecordAreas.Allergies))
        {
            foreach (var allergy in record.Allergies)
            {
                WriteAllergy(w, allergy);
            }

            if (record.NoKnownAllergies is { } nka)
            {
                w.WriteStartElement("NoKnownAllergies");
                w.WriteAttributeString("id", EventId(nka.LocalId));
                WriteCode(w, "Code", EmisXml.SchemeSnomed, NoKnownAllergiesEntry.SnomedCode, NoKnownAllergiesEntry.Term);
                w.WriteElementString("RecordedDate", NativeText.Iso(nka.RecordedDate));
                w.WriteElementString("RecordedBy", nka.RecordedBy.SdsUserId);
                w.WriteEndElement();
            }
        }

        if (sections.HasFlag(RecordAreas.Medications))
        {
            foreach (var medication in record.Medications)
            {
                WriteMedication(w, medication);
            }
        }

        w.WriteEndElement();
        w.WriteEndElement();
    });

    public static string Summary(ClinicalRecord record) => Write(w =>
    {
        w.WriteStartElement("PatientSummary", EmisXml.Namespace);
        w.WriteAttributeString("version", record.Version.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("lastModified", record.LastModified.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        WriteOrganisationElement(w, record.Organisation);
        WritePatient(w, record);
        w.WriteEndElement();
    });

    public static string Organisation(Organisation organisation) => Write(w => WriteOrganisationElement(w, organisation, true));

    public static string Practitioner(Practitioner practitioner) => Write(w => WritePractitionerElement(w, practitioner, true));

    /// <summary>The NHS numbers a demographic search matched; <paramref name="truncated"/> when there were more.</summary>
    public static string SearchResults(IEnumerable<string> nhsNumbers, bool truncated) => Write(w =>
    {
        w.WriteStartElement("PatientSearchResults", EmisXml.Namespace);
        w.WriteAttributeString("truncated", truncated ? "true" : "false");
        foreach (var nhsNumber in nhsNumbers)
        {
            w.WriteStartElement("Match", EmisXml.Namespace);
            w.WriteElementString("NhsNumber", EmisXml.Namespace, nhsNumber);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    public static string Error(string code, string message) => Write(w =>
    {
        w.WriteStartElement("Error", EmisXml.Namespace);
        w.WriteElementString("Code", EmisXml.Namespace, code);
        w.WriteElementString("Message", EmisXml.Namespace, message);
        w.WriteEndElement();
    });

    /// <summary>EMIS event ids are GUIDs; the simulator derives them from the neutral local id.</summary>
    public static string EventId(long localId)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, localId);
        "EMISSIM!"u8.CopyTo(bytes[8..]);
        return new Guid(bytes).ToString().ToUpperInvariant();
    }

    private static string Write(Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOrganisationElement(XmlWriter w, Organisation organisation, bool root = false)
    {
        w.WriteStartElement("Organisation", root ? EmisXml.Namespace : null);
        w.WriteAttributeString("odsCode", organisation.OdsCode);
        w.WriteElementString("Name", organisation.Name);
        w.WriteElementString("Type", organisation.Kind == OrganisationKind.GpPractice ? "GP Practice" : "Community Service");
        w.WriteStartElement("Address");
        w.WriteElementString("Line", organisation.AddressLine);
        w.WriteElementString("Town", organisation.Town);
        w.WriteElementString("Postcode", organisation.Postcode);
        w.WriteEndElement();
        w.WriteElementString("Telephone", organisation.Telephone);
        w.WriteEndElement();
    }

    private static void WritePractitionerElement(XmlWriter w, Practitioner p, bool root = false)
    {
        w.WriteStartElement("Practitioner", root ? EmisXml.Namespace : null);
        w.WriteAttributeString("id", p.SdsUserId);
        w.WriteElementString("SdsUserId", p.SdsUserId);
        if (p.GmcNumber is not null)
        {
            w.WriteElementString("GmcNumber", p.GmcNumber);
        }

        w.WriteElementString("Title", p.Title);
        w.WriteElementString("GivenName", p.GivenName);
        w.WriteElementString("FamilyName", p.FamilyName);
        w.WriteElementString("Gender", p.Gender);
        w.WriteElementString("Role", p.Role);
        w.WriteElementString("OrganisationOdsCode", p.OdsCode);
        w.WriteEndElement();
    }

    private static void WritePatient(XmlWriter w, ClinicalRecord record)
    {
        var d = record.Demographics;
        w.WriteStartElement("Patient");
        w.WriteElementString("NhsNumber", d.NhsNumber);
        WriteName(w, "usual", d.Title, d.GivenName, d.MiddleName, d.FamilyName);
        if (d.PreviousFamilyName is not null)
        {
            WriteName(w, "previous", null, d.GivenName, d.MiddleName, d.PreviousFamilyName);
        }

        w.WriteElementString("Sex", NativeText.Sex(d.Sex));
        w.WriteElementString("DateOfBirth", NativeText.Iso(d.BirthDate));
        if (d.DeathDate is { } death)
        {
            w.WriteElementString("DateOfDeath", NativeText.Iso(death));
        }

        w.WriteStartElement("Address");
        w.WriteAttributeString("use", "home");
        w.WriteElementString("Line", d.Address.Line1);
        if (d.Address.Line2 is not null)
        {
            w.WriteElementString("Line", d.Address.Line2);
        }

        w.WriteElementString("Town", d.Address.Town);
        if (d.Address.County is not null)
        {
            w.WriteElementString("County", d.Address.County);
        }

        w.WriteElementString("Postcode", d.Address.Postcode);
        w.WriteEndElement();
        WriteTelecom(w, "home", d.HomePhone);
        WriteTelecom(w, "mobile", d.MobilePhone);
        WriteTelecom(w, "email", d.Email);
        w.WriteStartElement("Registration");
        w.WriteAttributeString("type", record.Holding.IsRegisteredPractice ? "GMS" : record.Organisation.Kind == OrganisationKind.CommunityService ? "Community" : "TemporaryResident");
        w.WriteAttributeString("startDate", NativeText.Iso(record.RegistrationDate));
        w.WriteAttributeString("usualGp", record.UsualClinician.SdsUserId);
        w.WriteEndElement();
        w.WriteStartElement("SharingFlags");
        w.WriteAttributeString("dissent", record.Dissent ? "true" : "false");
        w.WriteAttributeString("sensitive", record.Sensitive ? "true" : "false");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteName(XmlWriter w, string use, string? title, string given, string? middle, string family)
    {
        w.WriteStartElement("Name");
        w.WriteAttributeString("use", use);
        if (title is not null)
        {
            w.WriteElementString("Title", title);
        }

        w.WriteElementString("Given", given);
        if (middle is not null)
        {
            w.WriteElementString("Given", middle);
        }

        w.WriteElementString("Family", family);
        w.WriteEndElement();
    }

    private static void WriteTelecom(XmlWriter w, string type, string? value)
    {
        if (value is null)
        {
            return;
        }

        w.WriteStartElement("Telecom");
        w.WriteAttributeString("type", type);
        w.WriteString(value);
        w.WriteEndElement();
    }

    private static void WriteProblem(XmlWriter w, ProblemEntry problem)
    {
        w.WriteStartElement("Problem");
        w.WriteAttributeString("id", EventId(problem.LocalId));
        w.WriteAttributeString("status", problem.Status switch
        {
            ProblemStatus.Active => "active",
            ProblemStatus.Inactive => "past",
            _ => "resolved",
        });
        w.WriteAttributeString("significance", NativeText.Lower(problem.Significance));
        w.WriteAttributeString("confidential", problem.Confidential ? "true" : "false");
        var concept = problem.Concept;
        if (concept.EmisLocalCode is not null && problem.LocalId % 2 == 0)
        {
            WriteCode(w, "Code", EmisXml.SchemeEmis, concept.EmisLocalCode, concept.EmisLocalTerm!);
        }
        else
        {
            WriteCode(w, "Code", EmisXml.SchemeSnomed, concept.SnomedId, concept.Term);
        }

        WritePartial(w, "Onset", problem.Onset);
        if (problem.End is not null)
        {
            WritePartial(w, "End", problem.End);
        }

        w.WriteElementString("RecordedDate", NativeText.Iso(problem.RecordedDate));
        w.WriteElementString("RecordedBy", problem.RecordedBy.SdsUserId);
        if (problem.Note is not null)
        {
            w.WriteElementString("Note", problem.Note);
        }

        w.WriteEndElement();
    }

    private static void WriteAllergy(XmlWriter w, AllergyEntry allergy)
    {
        w.WriteStartElement("Allergy");
        w.WriteAttributeString("id", EventId(allergy.LocalId));
        w.WriteAttributeString("status", allergy.Resolved ? "resolved" : "active");
        w.WriteAttributeString("confidential", allergy.Confidential ? "true" : "false");
        w.WriteElementString("Category", NativeText.Lower(allergy.Allergen.Category));
        WriteCode(w, "Allergen", EmisXml.SchemeSnomed, allergy.Allergen.SnomedId, allergy.Allergen.Term);
        w.WriteStartElement("Reaction");
        WriteCode(w, "Manifestation", EmisXml.SchemeSnomed, allergy.Reaction.SnomedId, allergy.Reaction.Term);
        w.WriteElementString("Severity", NativeText.Lower(allergy.Severity));
        w.WriteEndElement();
        WritePartial(w, "Onset", allergy.Onset);
        if (allergy.EndDate is { } end)
        {
            w.WriteElementString("EndDate", NativeText.Iso(end));
        }

        w.WriteElementString("RecordedDate", NativeText.Iso(allergy.RecordedDate));
        w.WriteElementString("RecordedBy", allergy.RecordedBy.SdsUserId);
        if (allergy.Note is not null)
        {
            w.WriteElementString("Note", allergy.Note);
        }

        w.WriteEndElement();
    }

    private static void WriteMedication(XmlWriter w, MedicationEntry medication)
    {
        w.WriteStartElement("Medication");
        w.WriteAttributeString("id", EventId(medication.LocalId));
        w.WriteAttributeString("type", medication.Type switch
        {
            PrescriptionType.Acute => "acute",
            PrescriptionType.Repeat => "repeat",
            _ => "repeat-dispensing",
        });
        w.WriteAttributeString("status", NativeText.Lower(medication.Status));
        w.WriteAttributeString("confidential", medication.Confidential ? "true" : "false");
        w.WriteStartElement("Drug");
        w.WriteAttributeString("scheme", EmisXml.SchemeDmd);
        if (NativeText.DrugCode(medication) is { } code)
        {
            w.WriteAttributeString("code", code);
        }

        w.WriteAttributeString("term", medication.Medicine.Name);
        w.WriteEndElement();
        w.WriteElementString("Dosage", medication.DoseText);
        w.WriteStartElement("Quantity");
        w.WriteAttributeString("value", NativeText.Number(medication.Quantity));
        w.WriteAttributeString("unit", medication.QuantityUnit);
        w.WriteEndElement();
        w.WriteElementString("StartDate", NativeText.StartDate(medication, NativeText.Iso));
        if (medication.EndDate is { } end)
        {
            w.WriteElementString("EndDate", NativeText.Iso(end));
        }

        if (medication.ReviewDate is { } review)
        {
            w.WriteElementString("ReviewDate", NativeText.Iso(review));
        }

        if (medication.MaxIssues is { } max)
        {
            w.WriteElementString("MaxIssues", max.ToString(CultureInfo.InvariantCulture));
        }

        if (medication.StopReason is not null)
        {
            w.WriteElementString("StopReason", medication.StopReason);
        }

        w.WriteElementString("Prescriber", medication.Prescriber.SdsUserId);
        w.WriteStartElement("Issues");
        foreach (var issue in medication.Issues)
        {
            w.WriteStartElement("Issue");
            w.WriteAttributeString("id", EventId(issue.LocalId));
            w.WriteAttributeString("date", NativeText.Iso(issue.IssueDate));
            w.WriteAttributeString("quantity", NativeText.Number(issue.Quantity));
            w.WriteAttributeString("unit", issue.QuantityUnit);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteCode(XmlWriter w, string element, string scheme, string code, string term)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("scheme", scheme);
        w.WriteAttributeString("code", code);
        w.WriteAttributeString("term", term);
        w.WriteEndElement();
    }

    private static void WritePartial(XmlWriter w, string element, PartialDate date)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("precision", NativeText.Lower(date.Precision));
        w.WriteString(date.ToIso());
        w.WriteEndElement();
    }

    private static IEnumerable<Practitioner> ReferencedPractitioners(ClinicalRecord record) =>
        new[] { record.UsualClinician }
            .Concat(record.Problems.Select(p => p.RecordedBy))
            .Concat(record.Allergies.Select(a => a.RecordedBy))
            .Concat(record.Medications.Select(m => m.Prescriber))
            .DistinctBy(p => p.SdsUserId)
            .OrderBy(p => p.SdsUserId, StringComparer.Ordinal);
}
