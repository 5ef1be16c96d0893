using System.Text.Json.Nodes;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Validation.Validators;

namespace FhirFacade.Fhir.Validation.Tests.Broken;

/// <summary>The table of broken resources, each breaking one rule; keyed by a name that says what is broken.</summary>
internal static class BrokenCases
{
    private const string Uk = "https://fhir.hl7.org.uk/StructureDefinition/";
    private const string UkPatient = Uk + "UKCore-Patient";
    private const string Patient = "Patient-UKCore-Patient-RichardSmith-Example.json";
    private const string MedicationStatement = "MedicationStatement-UKCore-MedicationStatement-Amoxicillin-Example.json";
    private const string Medication = "Medication-UKCore-Medication-TimoptolEyeDrops-Example.json";
    private const string Allergy = "AllergyIntolerance-UKCore-AllergyIntolerance-Amoxicillin-Example.json";
    private const string Condition = "Condition-UKCore-Condition-BleedingFromEar-Example.json";
    private const string Organization = "Organization-UKCore-Organization-WhiteRoseMedicalCentre-Example.json";
    private const string Practitioner = "Practitioner-UKCore-Practitioner-DoctorPaulRastall-Example.json";
    private const string Immunization = "Immunization-UKCore-Immunization-Sn-PatientConformVaccination-Example.json";
    private const string NhsNumberSystem = "https://fhir.nhs.uk/Id/nhs-number";

    public static readonly IReadOnlyDictionary<string, BrokenCase> All = new Dictionary<string, BrokenCase>
    {
        // Cardinality
        ["card-min: NHS number slice without value"] = new(Patient, UkPatient, r => Obj(r, "identifier[0]").Remove("value"), ValidationCodes.CardinalityMin, "Patient.identifier[0].value"),
        ["card-min: communication without language"] = new(Patient, UkPatient, r => r["communication"] = Json("""[{"preferred":true}]"""), ValidationCodes.CardinalityMin, "Patient.communication[0].language"),
        ["card-min: link without other"] = new(Patient, UkPatient, r => r["link"] = Json("""[{"type":"seealso"}]"""), ValidationCodes.CardinalityMin, "Patient.link[0].other"),
        ["card-min: MedicationStatement without status"] = new(MedicationStatement, Uk + "UKCore-MedicationStatement", r => r.Remove("status"), ValidationCodes.CardinalityMin, "MedicationStatement.status"),
        ["card-min: MedicationStatement without subject"] = new(MedicationStatement, Uk + "UKCore-MedicationStatement", r => r.Remove("subject"), ValidationCodes.CardinalityMin, "MedicationStatement.subject"),
        ["card-min: UK Core identifier without system"] = new(MedicationStatement, Uk + "UKCore-MedicationStatement", r => Obj(r, "identifier[0]").Remove("system"), ValidationCodes.CardinalityMin, "MedicationStatement.identifier[0].system"),
        ["card-min: AllergyIntolerance without patient"] = new(Allergy, Uk + "UKCore-AllergyIntolerance", r => r.Remove("patient"), ValidationCodes.CardinalityMin, "AllergyIntolerance.patient"),
        ["card-min: reaction without manifestation"] = new(Allergy, Uk + "UKCore-AllergyIntolerance", r => Obj(r, "reaction[0]").Remove("manifestation"), ValidationCodes.CardinalityMin, "AllergyIntolerance.reaction[0].manifestation"),
        ["card-min: Condition without subject"] = new(Condition, Uk + "UKCore-Condition", r => r.Remove("subject"), ValidationCodes.CardinalityMin, "Condition.subject"),
        ["card-min: qualification without code"] = new(Practitioner, Uk + "UKCore-Practitioner", r => r["qualification"] = Json("""[{"issuer":{"display":"GMC"}}]"""), ValidationCodes.CardinalityMin, "Practitioner.qualification[0].code"),
        ["card-min: ingredient without item"] = new(Medication, Uk + "UKCore-Medication", r => r["ingredient"] = Json("""[{"isActive":true}]"""), ValidationCodes.CardinalityMin, "Medication.ingredient[0].item"),
        ["card-min: slice min (test profile nhsNumber 1..1)"] = new(Patient, TestProfiles.SliceMin, r => r.Remove("identifier"), ValidationCodes.CardinalityMin, "Patient.identifier"),
        ["card-max: second NHS number"] = new(Patient, UkPatient, r => Arr(r, "identifier").Add(Json($$"""{"system":"{{NhsNumberSystem}}","value":"9000000009"}""")), ValidationCodes.CardinalityMax, "Patient.identifier"),
        ["card-max: second ethnic category"] = new(Patient, UkPatient, r => Arr(r, "extension").Add(Obj(r, "extension[0]").DeepClone()), ValidationCodes.CardinalityMax, "Patient.extension"),
        ["card-max: second NHS number verification status"] = new(Patient, UkPatient, r => Arr(Obj(r, "identifier[0]"), "extension").Add(Obj(r, "identifier[0].extension[0]").DeepClone()), ValidationCodes.CardinalityMax, "Patient.identifier[0].extension"),
        ["invariant qty-3: dose unit code without system"] = new(MedicationStatement, Uk + "UKCore-MedicationStatement", r => Obj(r, "dosage[0].doseAndRate[0].doseQuantity").Remove("system"), ValidationCodes.Invariant, "MedicationStatement.dosage[0].doseAndRate[0].dose", "qty-3"),
        ["card-max: second contact rank"] = new(Patient, UkPatient, r => Arr(Obj(r, "contact[0]"), "extension").Add(Obj(r, "contact[0].extension[0]").DeepClone()), ValidationCodes.CardinalityMax, "Patient.contact[0].extension"),

        // Types
        ["type: ethnic category as string"] = new(Patient, UkPatient, r => SetChoice(Obj(r, "extension[0]"), "value", "valueString", "G"), ValidationCodes.Type, "Patient.extension[0].value"),
        ["type: residential status as coding"] = new(Patient, UkPatient, r => SetChoice(Obj(r, "extension[3]"), "value", "valueCoding", Json("""{"system":"https://fhir.hl7.org.uk/CodeSystem/UKCore-ResidentialStatus","code":"H"}""")), ValidationCodes.Type, "Patient.extension[3].value"),
        ["type: reference to a Patient as GP"] = new(Patient, UkPatient, r => r["generalPractitioner"] = Json("""[{"reference":"Patient/123"}]"""), ValidationCodes.ReferenceTarget, "Patient.generalPractitioner[0]"),
        ["type: link to an Organization"] = new(Patient, UkPatient, r => r["link"] = Json("""[{"other":{"reference":"Organization/1"},"type":"seealso"}]"""), ValidationCodes.ReferenceTarget, "Patient.link[0].other"),
        ["type: subject is an Organization"] = new(MedicationStatement, Uk + "UKCore-MedicationStatement", r => r["subject"] = Json("""{"reference":"Organization/1"}"""), ValidationCodes.ReferenceTarget, "MedicationStatement.subject"),
        ["type: contained managing organization is a Practitioner"] = new(Patient, UkPatient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Practitioner","id":"gp","name":[{"family":"Jones"}]}]""");
            r["managingOrganization"] = Json("""{"reference":"#gp"}""");
        }, ValidationCodes.ReferenceTarget, "Patient.managingOrganization"),
        ["type: Reference.type contradicts the GP targets"] = new(Patient, UkPatient, r => r["generalPractitioner"] = Json("""[{"reference":"Organization/1","type":"Patient"}]"""), ValidationCodes.ReferenceTarget, "Patient.generalPractitioner[0]"),
        ["type: Reference.type alone contradicts the subject target"] = new(MedicationStatement, Uk + "UKCore-MedicationStatement", r => r["subject"] = Json("""{"type":"Device","identifier":{"system":"https://example.org/devices","value":"1"}}"""), ValidationCodes.ReferenceTarget, "MedicationStatement.subject"),
        ["type: Condition asserter is a Medication"] = new(Condition, Uk + "UKCore-Condition", r => r["asserter"] = Json("""{"reference":"Medication/1"}"""), ValidationCodes.ReferenceTarget, "Condition.asserter"),

        // Primitive lexical forms
        ["primitive: birthDate month 13"] = new(Patient, UkPatient, r => r["birthDate"] = "1970-13-01", ValidationCodes.Primitive, "Patient.birthDate"),
        ["primitive: birthDate 30 February"] = new(Patient, UkPatient, r => r["birthDate"] = "1970-02-30", ValidationCodes.Primitive, "Patient.birthDate"),
        ["primitive: id with a space"] = new(Patient, UkPatient, r => r["id"] = "bad id", ValidationCodes.Primitive, "Patient.id"),
        ["primitive: uri with a space"] = new(Organization, Uk + "UKCore-Organization", r => Obj(r, "identifier[0]")["system"] = "https://example.org/a b", ValidationCodes.Primitive, "Organization.identifier[0].system"),
        ["primitive: dateTime hour 25"] = new(Patient, UkPatient, r => Obj(r, "extension[2].extension[1]")["valueDateTime"] = "2019-08-01T25:00:00Z", ValidationCodes.Primitive, "Patient.extension[2].extension[1].value"),
        ["primitive: dateTime without time zone"] = new(Condition, Uk + "UKCore-Condition", r => r["recordedDate"] = "2020-01-01T10:00:00", ValidationCodes.Primitive, "Condition.recordedDate"),
        ["primitive: positiveInt zero"] = new(Patient, UkPatient, r => Obj(r, "contact[0].extension[0]")["valuePositiveInt"] = 0, ValidationCodes.Primitive, "Patient.contact[0].extension[0].value"),
        ["primitive: date with time"] = new(MedicationStatement, Uk + "UKCore-MedicationStatement", r => r["dateAsserted"] = "2017-02-22T10:00", ValidationCodes.Primitive, "MedicationStatement.dateAsserted"),
        ["primitive: code with double space"] = new(Patient, UkPatient, r => r["photo"] = Json("""[{"contentType":"image  png"}]"""), ValidationCodes.Primitive, "Patient.photo[0].contentType"),
        ["primitive: base64Binary photo that is not base64"] = new(Patient, UkPatient, r => r["photo"] = Json("""[{"contentType":"image/png","data":"not base64!"}]"""), ValidationCodes.Primitive, "Patient.photo[0].data"),

        // Fixed, pattern, maxLength, maxValue (test profiles)
        ["fixed: active must be true"] = new(Patient, TestProfiles.Fixed, r => r["active"] = false, ValidationCodes.Fixed, "Patient.active"),
        ["pattern: marital status must be married"] = new(Patient, TestProfiles.Pattern, r => r["maritalStatus"] = Json("""{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-MaritalStatus","code":"S"}]}"""), ValidationCodes.Pattern, "Patient.maritalStatus"),
        ["maxLength: family name over 5"] = new(Patient, TestProfiles.MaxLength, r => Obj(r, "name[0]")["family"] = "SMITHSON", ValidationCodes.MaxLength, "Patient.name[0].family"),
        ["maxValue: multiple birth over 5"] = new(Patient, TestProfiles.MaxValue, r => r["multipleBirthInteger"] = 9, ValidationCodes.MaxValue, "Patient.multipleBirth"),

        // Slicing
        ["slicing closed: identifier matching no slice"] = new(Patient, TestProfiles.Closed, r => Arr(r, "identifier").Add(Json("""{"system":"https://example.org/id","value":"1"}""")), ValidationCodes.SliceClosed, "Patient.identifier[1]"),
        ["slicing ordered: local identifier before NHS number"] = new(Patient, TestProfiles.Ordered, r => Arr(r, "identifier").Insert(0, Json($$"""{"system":"{{TestProfiles.LocalIdentifierSystem}}","value":"1"}""")), ValidationCodes.SliceOrder, "Patient.identifier[1]"),
        ["slicing openAtEnd: unsliced identifier first"] = new(Patient, TestProfiles.OpenAtEnd, r => Arr(r, "identifier").Insert(0, Json("""{"system":"https://example.org/id","value":"1"}""")), ValidationCodes.SliceOpenAtEnd, "Patient.identifier[1]"),
        ["slicing pattern discriminator: two phones where max is 1"] = new(Patient, TestProfiles.PatternDiscriminator, r => Arr(r, "telecom").Add(Json("""{"system":"phone","value":"0113 000 0000"}""")), ValidationCodes.CardinalityMax, "Patient.telecom"),
        ["slicing type discriminator: deceasedBoolean not allowed"] = new(Patient, TestProfiles.TypeDiscriminator, r => r["deceasedBoolean"] = false, ValidationCodes.CardinalityMax, "Patient.deceased"),
        ["slicing exists discriminator: contact with organization not allowed"] = new(Patient, TestProfiles.ExistsDiscriminator, r =>
        {
            Obj(r, "contact[0]")["organization"] = Json("""{"display":"Leeds"}""");
        }, ValidationCodes.CardinalityMax, "Patient.contact"),
        ["slicing profile discriminator: contained UK Core Organization not allowed"] = new(Patient, TestProfiles.ProfileDiscriminator, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","name":"Leeds GP"}]""");
            r["managingOrganization"] = Json("""{"reference":"#org"}""");
        }, ValidationCodes.CardinalityMax, "Patient.contained"),

        // Bindings
        ["binding required: gender"] = new(Patient, UkPatient, r => r["gender"] = "man", ValidationCodes.BindingRequired, "Patient.gender"),
        ["binding required: name use"] = new(Patient, UkPatient, r => Obj(r, "name[0]")["use"] = "formal", ValidationCodes.BindingRequired, "Patient.name[0].use"),
        ["binding required: telecom system"] = new(Patient, UkPatient, r => Obj(r, "telecom[0]")["system"] = "telephone", ValidationCodes.BindingRequired, "Patient.telecom[0].system"),
        ["binding required: MedicationStatement status"] = new(MedicationStatement, Uk + "UKCore-MedicationStatement", r => r["status"] = "ongoing", ValidationCodes.BindingRequired, "MedicationStatement.status"),
        ["binding required: allergy clinical status coding"] = new(Allergy, Uk + "UKCore-AllergyIntolerance", r => Obj(r, "clinicalStatus.coding[0]")["code"] = "current", ValidationCodes.BindingRequired, "AllergyIntolerance.clinicalStatus"),
        ["binding required: reaction severity"] = new(Allergy, Uk + "UKCore-AllergyIntolerance", r => Obj(r, "reaction[0]")["severity"] = "serious", ValidationCodes.BindingRequired, "AllergyIntolerance.reaction[0].severity"),
        ["binding maxValueSet all-languages: Resource.language not a BCP-47 tag"] = new(Organization, Uk + "UKCore-Organization", r => r["language"] = "en_GB", ValidationCodes.BindingRequired, "Organization.language"),
        ["binding required all-languages: communication language not a BCP-47 tag"] = new(Patient, UkPatient, r => r["communication"] = Json("""[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en_GB"}]}}]"""), ValidationCodes.BindingRequired, "Patient.communication[0].language"),
        ["binding required all-languages: communication language from another system"] = new(Patient, UkPatient, r => r["communication"] = Json("""[{"language":{"coding":[{"system":"http://example.org/languages","code":"en"}]}}]"""), ValidationCodes.BindingRequired, "Patient.communication[0].language"),
        ["binding extensible: marital status is only a warning"] = new(Patient, UkPatient, r => r["maritalStatus"] = Json("""{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-MaritalStatus","code":"Z"}]}"""), ValidationCodes.BindingExtensible, "Patient.maritalStatus", Severity: IssueSeverity.Warning),

        // Invariants
        ["invariant ele-1: element with only an id"] = new(Patient, UkPatient, r => r["maritalStatus"] = Json("""{"id":"m1"}"""), ValidationCodes.Invariant, "Patient.maritalStatus", "ele-1"),
        ["invariant ext-1: extension with value and extensions"] = new(Patient, UkPatient, r => Obj(r, "address[0]")["extension"] = Json("""[{"url":"https://example.org/x","valueString":"a","extension":[{"url":"y","valueString":"b"}]}]"""), ValidationCodes.Invariant, "Patient.address[0].extension[0]", "ext-1"),
        ["invariant dom-2: nested contained"] = new(Patient, UkPatient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","name":"A","contained":[{"resourceType":"Organization","id":"inner","name":"B","partOf":{"reference":"#"}}]}]""");
            r["managingOrganization"] = Json("""{"reference":"#org"}""");
        }, ValidationCodes.Invariant, "Patient", "dom-2"),
        ["invariant dom-3: contained resource never referenced"] = new(Patient, UkPatient, r => r["contained"] = Json("""[{"resourceType":"Organization","id":"org","name":"A"}]"""), ValidationCodes.Invariant, "Patient", "dom-3"),
        ["invariant dom-4: contained with versionId"] = new(Patient, UkPatient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","meta":{"versionId":"1"},"name":"A"}]""");
            r["managingOrganization"] = Json("""{"reference":"#org"}""");
        }, ValidationCodes.Invariant, "Patient", "dom-4"),
        ["invariant dom-5: contained with security label"] = new(Patient, UkPatient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"R"}]},"name":"A"}]""");
            r["managingOrganization"] = Json("""{"reference":"#org"}""");
        }, ValidationCodes.Invariant, "Patient", "dom-5"),
        ["invariant txt-2: narrative of whitespace only"] = new(Patient, UkPatient, r => r["text"] = Json("""{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">  \n  </div>"}"""), ValidationCodes.Invariant, "Patient.text.div", "txt-2"),
        ["invariant txt-2: narrative of empty elements only"] = new(Condition, Uk + "UKCore-Condition", r => r["text"] = Json("""{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p> </p><br/></div>"}"""), ValidationCodes.Invariant, "Condition.text.div", "txt-2"),
        ["invariant pat-1: contact without details"] = new(Patient, UkPatient, r => r["contact"] = Json("""[{"relationship":[{"text":"Friend"}]}]"""), ValidationCodes.Invariant, "Patient.contact[0]", "pat-1"),
        ["invariant per-1: name period ends before it starts"] = new(Patient, UkPatient, r => Obj(r, "name[0]")["period"] = Json("""{"start":"2020-01-01","end":"2019-01-01"}"""), ValidationCodes.Invariant, "Patient.name[0].period", "per-1"),
        ["invariant cpt-2: telecom value without system"] = new(Organization, Uk + "UKCore-Organization", r => Obj(r, "telecom[0]").Remove("system"), ValidationCodes.Invariant, "Organization.telecom[0]", "cpt-2"),
        ["invariant att-1: photo data without content type"] = new(Patient, UkPatient, r => r["photo"] = Json("""[{"data":"aGVsbG8="}]"""), ValidationCodes.Invariant, "Patient.photo[0]", "att-1"),
        ["invariant ref-1: reference to a missing contained resource"] = new(Patient, UkPatient, r => r["managingOrganization"] = Json("""{"reference":"#nowhere"}"""), ValidationCodes.Invariant, "Patient.managingOrganization", "ref-1"),
        ["invariant org-1: organization without name or identifier"] = new(Organization, Uk + "UKCore-Organization", r =>
        {
            r.Remove("name");
            r.Remove("identifier");
        }, ValidationCodes.Invariant, "Organization", "org-1"),
        ["invariant ait-1: allergy without clinical status"] = new(Allergy, Uk + "UKCore-AllergyIntolerance", r => r.Remove("clinicalStatus"), ValidationCodes.Invariant, "AllergyIntolerance", "ait-1"),
        ["invariant con-5: entered-in-error condition with clinical status"] = new(Condition, Uk + "UKCore-Condition", r => Obj(r, "verificationStatus.coding[0]")["code"] = "entered-in-error", ValidationCodes.Invariant, "Condition", "con-5"),
        ["invariant UK Core ukcore-imm-001: not-done without reason"] = new(Immunization, Uk + "UKCore-Immunization", r => r["status"] = "not-done", ValidationCodes.Invariant, "Immunization", "ukcore-imm-001"),

        // Extensions and profiles
        ["extension: unknown extension is a warning"] = new(Patient, UkPatient, r => Arr(r, "extension").Add(Json("""{"url":"https://example.org/StructureDefinition/unknown","valueString":"x"}""")), ValidationCodes.UnknownExtension, "Patient.extension[4]", Severity: IssueSeverity.Warning),
        ["extension context: allergy end on the resource instead of clinicalStatus"] = new(Allergy, Uk + "UKCore-AllergyIntolerance", r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueDateTime":"2020-01-01"}]}]"""), ValidationCodes.ExtensionContext, "AllergyIntolerance.extension[0]"),
        ["extension context: ethnic category on a Condition"] = new(Condition, Uk + "UKCore-Condition", r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory","valueCodeableConcept":{"text":"White British"}}]"""), ValidationCodes.ExtensionContext, "Condition.extension[0]"),
        ["extension context: core birthPlace on a HumanName"] = new(Patient, UkPatient, r => Obj(r, "name[0]")["extension"] = Json("""[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthPlace","valueAddress":{"city":"Leeds"}}]"""), ValidationCodes.ExtensionContext, "Patient.name[0].extension[0]"),
        ["extension: unknown modifier extension is an error"] = new(Patient, UkPatient, r => r["modifierExtension"] = Json("""[{"url":"https://example.org/StructureDefinition/unknown","valueBoolean":true}]"""), ValidationCodes.UnknownExtension, "Patient.modifierExtension[0]"),
        ["meta.profile: unresolvable profile is a warning"] = new(Patient, null, r => r["meta"] = Json("""{"profile":["https://example.org/StructureDefinition/nothing"]}"""), ValidationCodes.UnknownProfile, "Patient.meta.profile[0]", Severity: IssueSeverity.Warning),
        ["meta.profile: UK Core rules apply through meta.profile"] = new(Patient, null, r =>
        {
            r["meta"] = Json($$"""{"profile":["{{UkPatient}}"]}""");
            Arr(r, "identifier").Add(Json($$"""{"system":"{{NhsNumberSystem}}","value":"9000000009"}"""));
        }, ValidationCodes.CardinalityMax, "Patient.identifier"),

        // Bundle entries and contained resources
        ["bundle entry: invalid birthDate in an entry"] = new(Patient, null, r => WrapInBundle(r, e => e["birthDate"] = "1970-13-01"), ValidationCodes.Primitive, "Bundle.entry[0].resource.birthDate"),
        ["bundle entry: entry's meta.profile applies"] = new(Patient, null, r => WrapInBundle(r, e =>
        {
            e["meta"] = Json($$"""{"profile":["{{UkPatient}}"]}""");
            Arr(e, "identifier").Add(Json($$"""{"system":"{{NhsNumberSystem}}","value":"9000000009"}"""));
        }), ValidationCodes.CardinalityMax, "Bundle.entry[0].resource.identifier"),
        ["contained: contained organization breaks cpt-2"] = new(Patient, UkPatient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","name":"A","telecom":[{"value":"0113"}]}]""");
            r["managingOrganization"] = Json("""{"reference":"#org"}""");
        }, ValidationCodes.Invariant, "Patient.contained[0].telecom[0]", "cpt-2"),
    };

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;

    private static void SetChoice(JsonObject obj, string prefix, string name, JsonNode value)
    {
        foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            obj.Remove(key);
        }

        obj[name] = value;
    }

    private static void WrapInBundle(JsonObject root, Action<JsonObject> breakEntry)
    {
        var entry = (JsonObject)root.DeepClone();
        breakEntry(entry);
        foreach (var key in root.Select(p => p.Key).ToList())
        {
            root.Remove(key);
        }

        root["resourceType"] = "Bundle";
        root["type"] = "collection";
        root["entry"] = new JsonArray(new JsonObject { ["fullUrl"] = "urn:uuid:8b6b0d4e-0f6a-4a5e-9d5a-2b7b9c1f0e11", ["resource"] = entry });
    }

    private static JsonArray Arr(JsonObject obj, string name) => (JsonArray)(obj[name] ??= new JsonArray());

    // "identifier[0].extension[0]" → that object.
    private static JsonObject Obj(JsonObject root, string path)
    {
        JsonNode node = root;
        foreach (var step in path.Split('.'))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                node = node[step]!;
            }
            else
            {
                node = node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
            }
        }

        return (JsonObject)node;
    }
}
