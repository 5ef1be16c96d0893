using System.Globalization;
using System.Text.Json.Nodes;
using FhirFacade.Fhir.Validation.Validators;

namespace FhirFacade.Validation.DifferentialTests.Mutants;

/// <summary>
/// The one-rule mutants of issue #14 (item 1c), spread over the seven emitted profiles: cardinality and
/// slicing, bindings of each strength, extensions and their contexts, invariants, choice types, references
/// and targets, primitives' lexical forms, contained resources, narrative. Each is named for what it breaks;
/// <see cref="Controls"/> are edits that break nothing and must stay valid.
/// </summary>
internal static class MutantCorpus
{
    private const string Uk = "https://fhir.hl7.org.uk/StructureDefinition/";
    private const string Xhtml = "http://www.w3.org/1999/xhtml";
    private const string Patient = "Patient-UKCore-Patient-RichardSmith-Example.json";
    private const string Statement = "MedicationStatement-UKCore-MedicationStatement-Amoxicillin-Example.json";
    private const string Medication = "Medication-UKCore-Medication-TimoptolEyeDrops-Example.json";
    private const string Allergy = "AllergyIntolerance-UKCore-AllergyIntolerance-Amoxicillin-Example.json";
    private const string Condition = "Condition-UKCore-Condition-BleedingFromEar-Example.json";
    private const string Organization = "Organization-UKCore-Organization-WhiteRoseMedicalCentre-Example.json";
    private const string Practitioner = "Practitioner-UKCore-Practitioner-DoctorPaulRastall-Example.json";
    private const string NhsNumber = "https://fhir.nhs.uk/Id/nhs-number";

    private const string Card = "cardinality";
    private const string Slice = "slicing";
    private const string Binding = "binding";
    private const string Ext = "extension";
    private const string Inv = "invariant";
    private const string Choice = "choice type";
    private const string Ref = "reference";
    private const string Prim = "primitive";
    private const string Contained = "contained";
    private const string Narrative = "narrative";
    private const string Unknown = "unknown element";

    public static readonly IReadOnlyDictionary<string, Mutant> All = Build();

    /// <summary>Edits that break no rule: both engines must still find the resource valid.</summary>
    public static readonly IReadOnlyDictionary<string, Mutant> Controls = new Dictionary<string, Mutant>
    {
        ["control: allergy end on clinicalStatus (its context)"] = M("control", Allergy, r => Obj(r, "clinicalStatus")["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueDateTime":"2020-01-01"}]}]"""), null),
        ["control: Resource.language en-GB"] = M("control", Organization, r => r["language"] = "en-GB", null),
        ["control: communication language en-GB"] = M("control", Patient, r => r["communication"] = Json("""[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en-GB"}]}}]"""), null),
        ["control: language tag with script and private use"] = M("control", Practitioner, r => r["communication"] = Json("""[{"coding":[{"system":"urn:ietf:bcp:47","code":"sr-Latn-RS-x-private"}]}]"""), null),
        ["control: narrative with text"] = M("control", Condition, r => r["text"] = Json($$"""{"status":"generated","div":"<div xmlns=\"{{Xhtml}}\"><p>Bleeding from ear</p></div>"}"""), null),
        ["control: Reference.type agreeing with the target"] = M("control", Patient, r => r["generalPractitioner"] = Json("""[{"reference":"Organization/1","type":"Organization"}]"""), null),
        ["control: contained Organization referenced"] = M("control", Patient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","name":"Leeds GP"}]""");
            r["managingOrganization"] = Json("""{"reference":"#org"}""");
        }, null),
        ["control: primitive with only an extension"] = M("control", Practitioner, r =>
        {
            r.Remove("gender");
            r["_gender"] = Json("""{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]}""");
        }, null),
        ["control: birth time on birthDate"] = M("control", Patient, r => r["_birthDate"] = Json("""{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthTime","valueDateTime":"1970-01-01T10:00:00+00:00"}]}"""), null),
        ["control: last issue date on a MedicationStatement"] = M("control", Statement, r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate","valueDateTime":"2021-03-01"}]"""), null),
        ["control: partial dates"] = M("control", Condition, r => r["onsetDateTime"] = "2019-07", null),
        ["control: identifier value with spaces"] = M("control", Practitioner, r => Obj(r, "identifier[0]")["value"] = "G 12345678", null),
    };

    private static Dictionary<string, Mutant> Build()
    {
        var all = new Dictionary<string, Mutant>(StringComparer.Ordinal);
        void Add(string name, Mutant mutant) => all.Add(name, mutant);

        // Cardinality
        Add("card: NHS number without value", M(Card, Patient, r => Obj(r, "identifier[0]").Remove("value"), ValidationCodes.CardinalityMin));
        Add("card: second NHS number", M(Card, Patient, r => Arr(r, "identifier").Add(Json($$"""{"system":"{{NhsNumber}}","value":"9000000009"}""")), ValidationCodes.CardinalityMax));
        Add("card: communication without language", M(Card, Patient, r => r["communication"] = Json("""[{"preferred":true}]"""), ValidationCodes.CardinalityMin));
        Add("card: link without other", M(Card, Patient, r => r["link"] = Json("""[{"type":"seealso"}]"""), ValidationCodes.CardinalityMin));
        Add("card: link without type", M(Card, Patient, r => r["link"] = Json("""[{"other":{"reference":"Patient/2"}}]"""), ValidationCodes.CardinalityMin));
        Add("card: gender as a list", M(Card, Patient, r => r["gender"] = Json("""["male","female"]"""), null));
        Add("card: MedicationStatement without status", M(Card, Statement, r => r.Remove("status"), ValidationCodes.CardinalityMin));
        Add("card: MedicationStatement without subject", M(Card, Statement, r => r.Remove("subject"), ValidationCodes.CardinalityMin));
        Add("card: MedicationStatement without medication", M(Card, Statement, r => r.Remove("medicationCodeableConcept"), ValidationCodes.CardinalityMin));
        Add("card: UK Core identifier without system", M(Card, Statement, r => Obj(r, "identifier[0]").Remove("system"), ValidationCodes.CardinalityMin));
        Add("card: UK Core identifier without value", M(Card, Statement, r => Obj(r, "identifier[0]").Remove("value"), ValidationCodes.CardinalityMin));
        Add("card: two categories on a MedicationStatement", M(Card, Statement, r => r["category"] = Json("""[{"text":"a"},{"text":"b"}]"""), null));
        Add("card: ingredient without item", M(Card, Medication, r => r["ingredient"] = Json("""[{"isActive":true}]"""), ValidationCodes.CardinalityMin));
        Add("card: Medication code without coding or text is empty", M(Card, Medication, r => r["code"] = Json("""{}"""), null));
        Add("card: AllergyIntolerance without patient", M(Card, Allergy, r => r.Remove("patient"), ValidationCodes.CardinalityMin));
        Add("card: reaction without manifestation", M(Card, Allergy, r => Obj(r, "reaction[0]").Remove("manifestation"), ValidationCodes.CardinalityMin));
        Add("card: Condition without subject", M(Card, Condition, r => r.Remove("subject"), ValidationCodes.CardinalityMin));
        Add("card: stage assessment list of a string", M(Card, Condition, r => r["stage"] = Json("""[{"summary":{"text":"a"},"type":{"text":"b"},"assessment":"x"}]"""), null));
        Add("card: qualification without code", M(Card, Practitioner, r => r["qualification"] = Json("""[{"issuer":{"display":"GMC"}}]"""), ValidationCodes.CardinalityMin));
        Add("card: Organization contact purpose twice", M(Card, Organization, r => r["contact"] = Json("""[{"purpose":[{"text":"a"}],"name":{"text":"Reception"}}]"""), null));
        Add("card: Organization name as a list", M(Card, Organization, r => r["name"] = Json("""["A","B"]"""), null));
        Add("card: Practitioner gender as a list", M(Card, Practitioner, r => r["gender"] = Json("""["male"]"""), null));

        // Slicing (UK Core slices identifier and extension)
        Add("slice: second ethnic category", M(Slice, Patient, r => Arr(r, "extension").Add(Obj(r, "extension[0]").DeepClone()), ValidationCodes.CardinalityMax));
        Add("slice: second contact preference", M(Slice, Patient, r => Arr(r, "extension").Add(Obj(r, "extension[1]").DeepClone()), ValidationCodes.CardinalityMax));
        Add("slice: second death notification status", M(Slice, Patient, r => Arr(r, "extension").Add(Obj(r, "extension[2]").DeepClone()), ValidationCodes.CardinalityMax));
        Add("slice: second residential status", M(Slice, Patient, r => Arr(r, "extension").Add(Obj(r, "extension[3]").DeepClone()), ValidationCodes.CardinalityMax));
        Add("slice: second NHS number verification status", M(Slice, Patient, r => Arr(Obj(r, "identifier[0]"), "extension").Add(Obj(r, "identifier[0].extension[0]").DeepClone()), ValidationCodes.CardinalityMax));
        Add("slice: second contact rank", M(Slice, Patient, r => Arr(Obj(r, "contact[0]"), "extension").Add(Obj(r, "contact[0].extension[0]").DeepClone()), ValidationCodes.CardinalityMax));
        Add("slice: contact preference method twice", M(Slice, Patient, r => Arr(Obj(r, "extension[1]"), "extension").Add(Obj(r, "extension[1].extension[0]").DeepClone()), ValidationCodes.CardinalityMax));
        Add("slice: death notification without its status", M(Slice, Patient, r => Arr(Obj(r, "extension[2]"), "extension").RemoveAt(0), ValidationCodes.CardinalityMin));
        Add("slice: second last issue date", M(Slice, Statement, r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate","valueDateTime":"2021-03-01"},{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate","valueDateTime":"2021-04-01"}]"""), ValidationCodes.CardinalityMax));
        Add("slice: second allergy end", M(Slice, Allergy, r => Obj(r, "clinicalStatus")["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueDateTime":"2020-01-01"}]},{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueDateTime":"2020-02-01"}]}]"""), ValidationCodes.CardinalityMax));

        // Bindings: required
        Add("binding required: Patient gender", M(Binding, Patient, r => r["gender"] = "man", ValidationCodes.BindingRequired));
        Add("binding required: name use", M(Binding, Patient, r => Obj(r, "name[0]")["use"] = "formal", ValidationCodes.BindingRequired));
        Add("binding required: telecom system", M(Binding, Patient, r => Obj(r, "telecom[0]")["system"] = "telephone", ValidationCodes.BindingRequired));
        Add("binding required: address use", M(Binding, Patient, r => Obj(r, "address[0]")["use"] = "house", ValidationCodes.BindingRequired));
        Add("binding required: link type", M(Binding, Patient, r => r["link"] = Json("""[{"other":{"reference":"Patient/2"},"type":"similar"}]"""), ValidationCodes.BindingRequired));
        Add("binding required: identifier use", M(Binding, Patient, r => Obj(r, "identifier[0]")["use"] = "main", ValidationCodes.BindingRequired));
        Add("binding required: contact gender", M(Binding, Patient, r => Obj(r, "contact[0]")["gender"] = "f", ValidationCodes.BindingRequired));
        Add("binding required: communication preferred language tag in a CodeableConcept text-less coding", M(Binding, Patient, r => r["communication"] = Json("""[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"123"}]},"preferred":true}]"""), ValidationCodes.BindingRequired));
        Add("binding required: MedicationStatement status", M(Binding, Statement, r => r["status"] = "ongoing", ValidationCodes.BindingRequired));
        Add("binding required: dose quantity comparator", M(Binding, Statement, r => Obj(r, "dosage[0].doseAndRate[0].doseQuantity")["comparator"] = "~", null));
        Add("binding required: timing period unit", M(Binding, Statement, r => Obj(r, "dosage[0].timing.repeat")["periodUnit"] = "week", ValidationCodes.BindingRequired));
        Add("binding required: Medication status", M(Binding, Medication, r => r["status"] = "available", ValidationCodes.BindingRequired));
        Add("binding required: allergy clinical status", M(Binding, Allergy, r => Obj(r, "clinicalStatus.coding[0]")["code"] = "current", ValidationCodes.BindingRequired));
        Add("binding required: allergy verification status", M(Binding, Allergy, r => Obj(r, "verificationStatus.coding[0]")["code"] = "maybe", ValidationCodes.BindingRequired));
        Add("binding required: allergy type", M(Binding, Allergy, r => r["type"] = "allergic", ValidationCodes.BindingRequired));
        Add("binding required: allergy category", M(Binding, Allergy, r => r["category"] = Json("""["drug"]"""), ValidationCodes.BindingRequired));
        Add("binding required: allergy criticality", M(Binding, Allergy, r => r["criticality"] = "very-high", ValidationCodes.BindingRequired));
        Add("binding required: reaction severity", M(Binding, Allergy, r => Obj(r, "reaction[0]")["severity"] = "serious", ValidationCodes.BindingRequired));
        Add("binding required: condition clinical status", M(Binding, Condition, r => Obj(r, "clinicalStatus.coding[0]")["code"] = "current", ValidationCodes.BindingRequired));
        Add("binding required: condition verification status", M(Binding, Condition, r => Obj(r, "verificationStatus.coding[0]")["code"] = "probably", ValidationCodes.BindingRequired));
        Add("binding required: Organization telecom use", M(Binding, Organization, r => Obj(r, "telecom[0]")["use"] = "office", ValidationCodes.BindingRequired));
        Add("binding required: Organization address type", M(Binding, Organization, r => Obj(r, "address[0]")["type"] = "house", ValidationCodes.BindingRequired));
        Add("binding required: Practitioner gender", M(Binding, Practitioner, r => r["gender"] = "doctor", ValidationCodes.BindingRequired));
        Add("binding required: Practitioner telecom use", M(Binding, Practitioner, r => Obj(r, "telecom[0]")["use"] = "office", ValidationCodes.BindingRequired));
        Add("binding required: Practitioner name use", M(Binding, Practitioner, r => Obj(r, "name[0]")["use"] = "professional", ValidationCodes.BindingRequired));
        Add("binding required: narrative status", M(Binding, Condition, r => r["text"] = Json($$"""{"status":"done","div":"<div xmlns=\"{{Xhtml}}\">Bleeding</div>"}"""), ValidationCodes.BindingRequired));
        Add("binding required: NHS number verification status code", M(Binding, Patient, r => Obj(r, "identifier[0].extension[0].valueCodeableConcept.coding[0]")["code"] = "99", ValidationCodes.BindingRequired));
        Add("binding required all-languages: communication language tag", M(Binding, Patient, r => r["communication"] = Json("""[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en_GB"}]}}]"""), ValidationCodes.BindingRequired));
        Add("binding required all-languages: communication language from another system", M(Binding, Patient, r => r["communication"] = Json("""[{"language":{"coding":[{"system":"http://example.org/languages","code":"en"}]}}]"""), ValidationCodes.BindingRequired));
        Add("binding required all-languages: Practitioner communication tag", M(Binding, Practitioner, r => r["communication"] = Json("""[{"coding":[{"system":"urn:ietf:bcp:47","code":"en--GB"}]}]"""), ValidationCodes.BindingRequired));
        // Bindings: maxValueSet, extensible, preferred, example — the coded value itself is broken
        Add("binding maxValueSet: Organization language", M(Binding, Organization, r => r["language"] = "en_GB", ValidationCodes.BindingRequired));
        Add("binding maxValueSet: Patient language", M(Binding, Patient, r => r["language"] = "en-GB-", ValidationCodes.BindingRequired));
        Add("binding maxValueSet: Condition language", M(Binding, Condition, r => r["language"] = "e", ValidationCodes.BindingRequired));
        Add("binding extensible: condition category coding system not a uri", M(Binding, Condition, r => Obj(r, "category[0].coding[0]")["system"] = "condition category", ValidationCodes.Primitive));
        Add("binding extensible: marital status code empty", M(Binding, Patient, r => r["maritalStatus"] = Json("""{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-MaritalStatus","code":""}]}"""), null));
        Add("binding preferred: MedicationStatement category userSelected not a boolean", M(Binding, Statement, r => Obj(r, "category.coding[0]")["userSelected"] = "yes", null));
        Add("binding preferred: reason code with a leading space", M(Binding, Statement, r => Obj(r, "reasonCode[0].coding[0]")["code"] = " 65363002", ValidationCodes.Primitive));
        Add("binding example: condition code with a trailing space", M(Binding, Condition, r => Obj(r, "code.coding[0]")["code"] = "26322001 ", ValidationCodes.Primitive));
        Add("binding example: allergy code version as a number", M(Binding, Allergy, r => Obj(r, "code.coding[0]")["version"] = 1, null));

        // Extensions and their contexts
        Add("extension context: allergy end on the resource", M(Ext, Allergy, r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueDateTime":"2020-01-01"}]}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: allergy end on reaction", M(Ext, Allergy, r => Obj(r, "reaction[0]")["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueDateTime":"2020-01-01"}]}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: allergy end on a condition status", M(Ext, Condition, r => Obj(r, "clinicalStatus")["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueDateTime":"2020-01-01"}]}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: ethnic category on a Condition", M(Ext, Condition, r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory","valueCodeableConcept":{"text":"White British"}}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: ethnic category on a Practitioner", M(Ext, Practitioner, r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory","valueCodeableConcept":{"text":"White British"}}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: last issue date on a Medication", M(Ext, Medication, r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate","valueDateTime":"2021-03-01"}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: last issue date on dosage", M(Ext, Statement, r => Obj(r, "dosage[0]")["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate","valueDateTime":"2021-03-01"}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: NHS number verification on an Organization identifier", M(Ext, Organization, r => Obj(r, "identifier[0]")["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus","valueCodeableConcept":{"coding":[{"system":"https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland","code":"01"}]}}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: residential status on an Organization", M(Ext, Organization, r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-ResidentialStatus","valueCodeableConcept":{"coding":[{"system":"https://fhir.hl7.org.uk/CodeSystem/UKCore-ResidentialStatus","code":"H"}]}}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: core birthPlace on a HumanName", M(Ext, Patient, r => Obj(r, "name[0]")["extension"] = Json("""[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthPlace","valueAddress":{"city":"Leeds"}}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: core birthPlace on a Practitioner", M(Ext, Practitioner, r => r["extension"] = Json("""[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthPlace","valueAddress":{"city":"Leeds"}}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: core birthTime on gender", M(Ext, Patient, r => r["_gender"] = Json("""{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthTime","valueDateTime":"1970-01-01T10:00:00+00:00"}]}"""), ValidationCodes.ExtensionContext));
        Add("extension context: core allergy reason on a Condition", M(Ext, Condition, r => r["extension"] = Json("""[{"url":"http://hl7.org/fhir/StructureDefinition/allergyintolerance-reasonRefuted","valueCodeableConcept":{"text":"x"}}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: core patient nationality on a MedicationStatement", M(Ext, Statement, r => r["extension"] = Json("""[{"url":"http://hl7.org/fhir/StructureDefinition/patient-nationality","extension":[{"url":"code","valueCodeableConcept":{"text":"British"}}]}]"""), ValidationCodes.ExtensionContext));
        Add("extension context: medication trade family on a MedicationStatement", M(Ext, Statement, r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationTradeFamily","valueCoding":{"system":"https://dmd.nhs.uk","code":"9191501000001103"}}]"""), ValidationCodes.ExtensionContext));
        Add("extension: unknown modifier extension", M(Ext, Patient, r => r["modifierExtension"] = Json("""[{"url":"https://example.org/StructureDefinition/unknown","valueBoolean":true}]"""), ValidationCodes.UnknownExtension));
        Add("extension: unknown modifier extension on an allergy reaction", M(Ext, Allergy, r => Obj(r, "reaction[0]")["modifierExtension"] = Json("""[{"url":"https://example.org/StructureDefinition/unknown","valueBoolean":true}]"""), ValidationCodes.UnknownExtension));
        Add("extension: without url", M(Ext, Condition, r => r["extension"] = Json("""[{"valueString":"x"}]"""), ValidationCodes.CardinalityMin));
        Add("extension: with value and sub-extensions", M(Ext, Patient, r => Obj(r, "address[0]")["extension"] = Json("""[{"url":"https://example.org/x","valueString":"a","extension":[{"url":"y","valueString":"b"}]}]"""), ValidationCodes.Invariant));
        Add("extension: with neither value nor sub-extensions", M(Ext, Organization, r => Obj(r, "address[0]")["extension"] = Json("""[{"url":"https://example.org/x"}]"""), ValidationCodes.Invariant));
        Add("extension: ethnic category value as a string", M(Ext, Patient, r => SetChoice(Obj(r, "extension[0]"), "value", "valueString", "G"), ValidationCodes.Type));
        Add("extension: residential status value as a coding", M(Ext, Patient, r => SetChoice(Obj(r, "extension[3]"), "value", "valueCoding", Json("""{"system":"https://fhir.hl7.org.uk/CodeSystem/UKCore-ResidentialStatus","code":"H"}""")), ValidationCodes.Type));
        Add("extension: last issue date value as a string", M(Ext, Statement, r => r["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-MedicationStatementLastIssueDate","valueString":"March"}]"""), ValidationCodes.Type));
        Add("extension: allergy end date as a string", M(Ext, Allergy, r => Obj(r, "clinicalStatus")["extension"] = Json("""[{"url":"https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AllergyIntoleranceEnd","extension":[{"url":"endDate","valueString":"2020"}]}]"""), ValidationCodes.Type));
        Add("extension: death notification effective date as a date", M(Ext, Patient, r => SetChoice(Obj(r, "extension[2].extension[1]"), "value", "valueDate", "2019-08-01"), ValidationCodes.Type));
        Add("extension: contact rank of zero", M(Ext, Patient, r => Obj(r, "contact[0].extension[0]")["valuePositiveInt"] = 0, ValidationCodes.Primitive));

        // Invariants
        Add("invariant ele-1: element with only an id", M(Inv, Patient, r => r["maritalStatus"] = Json("""{"id":"m1"}"""), ValidationCodes.Invariant));
        Add("invariant dom-3: contained never referenced", M(Inv, Condition, r => r["contained"] = Json("""[{"resourceType":"Organization","id":"org","name":"A"}]"""), ValidationCodes.Invariant));
        Add("invariant pat-1: contact without details", M(Inv, Patient, r => r["contact"] = Json("""[{"relationship":[{"text":"Friend"}]}]"""), ValidationCodes.Invariant));
        Add("invariant per-1: name period ends before it starts", M(Inv, Patient, r => Obj(r, "name[0]")["period"] = Json("""{"start":"2020-01-01","end":"2019-01-01"}"""), ValidationCodes.Invariant));
        Add("invariant per-1: effective period ends before it starts", M(Inv, Statement, r => r["effectivePeriod"] = Json("""{"start":"2021-05-15","end":"2021-02-15"}"""), ValidationCodes.Invariant));
        Add("invariant per-1: practitioner address period reversed", M(Inv, Practitioner, r => Obj(r, "address[0]")["period"] = Json("""{"start":"2020-01-01","end":"2010-01-01"}"""), ValidationCodes.Invariant));
        Add("invariant cpt-2: telecom value without system", M(Inv, Organization, r => Obj(r, "telecom[0]").Remove("system"), ValidationCodes.Invariant));
        Add("invariant cpt-2: practitioner telecom without system", M(Inv, Practitioner, r => Obj(r, "telecom[0]").Remove("system"), ValidationCodes.Invariant));
        Add("invariant att-1: photo data without content type", M(Inv, Patient, r => r["photo"] = Json("""[{"data":"aGVsbG8="}]"""), ValidationCodes.Invariant));
        Add("invariant att-1: practitioner photo data without content type", M(Inv, Practitioner, r => r["photo"] = Json("""[{"data":"aGVsbG8="}]"""), ValidationCodes.Invariant));
        Add("invariant ref-1: reference to a missing contained resource", M(Inv, Patient, r => r["managingOrganization"] = Json("""{"reference":"#nowhere"}"""), ValidationCodes.Invariant));
        Add("invariant ref-1: allergy recorder to a missing contained resource", M(Inv, Allergy, r => r["recorder"] = Json("""{"reference":"#nobody"}"""), ValidationCodes.Invariant));
        Add("invariant org-1: organization without name or identifier", M(Inv, Organization, r =>
        {
            r.Remove("name");
            r.Remove("identifier");
        }, ValidationCodes.Invariant));
        Add("invariant org-2: organization address for home", M(Inv, Organization, r => Obj(r, "address[0]")["use"] = "home", ValidationCodes.Invariant));
        Add("invariant org-3: organization telecom for home", M(Inv, Organization, r => Obj(r, "telecom[0]")["use"] = "home", ValidationCodes.Invariant));
        Add("invariant ait-1: allergy without clinical status", M(Inv, Allergy, r => r.Remove("clinicalStatus"), ValidationCodes.Invariant));
        Add("invariant ait-2: entered-in-error allergy with clinical status", M(Inv, Allergy, r => Obj(r, "verificationStatus.coding[0]")["code"] = "entered-in-error", ValidationCodes.Invariant));
        Add("invariant con-4: abated condition still active", M(Inv, Condition, r => r["abatementDateTime"] = "2020-01-01", ValidationCodes.Invariant));
        Add("invariant con-5: entered-in-error condition with clinical status", M(Inv, Condition, r => Obj(r, "verificationStatus.coding[0]")["code"] = "entered-in-error", ValidationCodes.Invariant));
        Add("invariant qty-3: dose unit code without system", M(Inv, Statement, r => Obj(r, "dosage[0].doseAndRate[0].doseQuantity").Remove("system"), ValidationCodes.Invariant));
        Add("invariant sqty-1: simple dose quantity with a comparator", M(Inv, Statement, r => Obj(r, "dosage[0].doseAndRate[0].doseQuantity")["comparator"] = "<", ValidationCodes.Invariant));
        Add("invariant tim-1: duration without unit", M(Inv, Statement, r => Obj(r, "dosage[0].timing.repeat")["duration"] = 5, ValidationCodes.Invariant));
        Add("invariant tim-2: period without unit", M(Inv, Statement, r => Obj(r, "dosage[0].timing.repeat").Remove("periodUnit"), ValidationCodes.Invariant));
        Add("invariant tim-4: negative duration", M(Inv, Statement, r =>
        {
            Obj(r, "dosage[0].timing.repeat")["duration"] = -1;
            Obj(r, "dosage[0].timing.repeat")["durationUnit"] = "h";
        }, ValidationCodes.Invariant));
        Add("invariant tim-5: negative period", M(Inv, Statement, r => Obj(r, "dosage[0].timing.repeat")["period"] = -1, ValidationCodes.Invariant));
        Add("invariant tim-6: periodMax without period", M(Inv, Statement, r =>
        {
            Obj(r, "dosage[0].timing.repeat").Remove("period");
            Obj(r, "dosage[0].timing.repeat")["periodMax"] = 2;
        }, ValidationCodes.Invariant));
        Add("invariant tim-7: durationMax without duration", M(Inv, Statement, r => Obj(r, "dosage[0].timing.repeat")["durationMax"] = 2, ValidationCodes.Invariant));
        Add("invariant tim-8: countMax without count", M(Inv, Statement, r => Obj(r, "dosage[0].timing.repeat")["countMax"] = 2, ValidationCodes.Invariant));
        Add("invariant tim-9: offset with a meal-time when", M(Inv, Statement, r =>
        {
            Obj(r, "dosage[0].timing.repeat")["when"] = Json("""["C"]""");
            Obj(r, "dosage[0].timing.repeat")["offset"] = 30;
        }, ValidationCodes.Invariant));
        Add("invariant rat-1: strength numerator without denominator", M(Inv, Medication, r => r["ingredient"] = Json("""[{"itemCodeableConcept":{"text":"timolol"},"strength":{"numerator":{"value":5,"unit":"mg"}}}]"""), ValidationCodes.Invariant));
        Add("invariant rat-1: amount denominator without numerator", M(Inv, Medication, r => r["amount"] = Json("""{"denominator":{"value":5,"unit":"mL"}}"""), ValidationCodes.Invariant));

        // Choice types
        Add("choice: MedicationStatement effective as a string", M(Choice, Statement, r => SetChoice(r, "effective", "effectiveString", "yesterday"), null));
        Add("choice: MedicationStatement medication as a string", M(Choice, Statement, r => SetChoice(r, "medication", "medicationString", "Amoxicillin"), null));
        Add("choice: MedicationStatement two medications", M(Choice, Statement, r => r["medicationReference"] = Json("""{"reference":"Medication/1"}"""), null));
        Add("choice: allergy onset as a boolean", M(Choice, Allergy, r => r["onsetBoolean"] = true, null));
        Add("choice: allergy onset twice", M(Choice, Allergy, r =>
        {
            r["onsetDateTime"] = "2019";
            r["onsetString"] = "childhood";
        }, null));
        Add("choice: condition onset as a CodeableConcept", M(Choice, Condition, r => r["onsetCodeableConcept"] = Json("""{"text":"childhood"}"""), null));
        Add("choice: condition abatement as an integer", M(Choice, Condition, r => r["abatementInteger"] = 3, null));
        Add("choice: ingredient item as a string", M(Choice, Medication, r => r["ingredient"] = Json("""[{"itemString":"timolol"}]"""), null));
        Add("choice: Patient deceased as a string", M(Choice, Patient, r => r["deceasedString"] = "no", null));
        Add("choice: Patient multiple birth as a string", M(Choice, Patient, r => r["multipleBirthString"] = "twin", null));
        Add("choice: dosage asNeeded as a string", M(Choice, Statement, r => SetChoice(Obj(r, "dosage[0]"), "asNeeded", "asNeededString", "pain"), null));
        Add("choice: dose as a string", M(Choice, Statement, r => SetChoice(Obj(r, "dosage[0].doseAndRate[0]"), "dose", "doseString", "two"), null));
        Add("choice: extension value with an unknown type", M(Choice, Organization, r => r["extension"] = Json("""[{"url":"https://example.org/x","valueWhatever":"a"}]"""), null));

        // References and their targets
        Add("reference: GP is a Patient", M(Ref, Patient, r => r["generalPractitioner"] = Json("""[{"reference":"Patient/123"}]"""), ValidationCodes.ReferenceTarget));
        Add("reference: managing organization is a Practitioner", M(Ref, Patient, r => r["managingOrganization"] = Json("""{"reference":"Practitioner/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: link to an Organization", M(Ref, Patient, r => r["link"] = Json("""[{"other":{"reference":"Organization/1"},"type":"seealso"}]"""), ValidationCodes.ReferenceTarget));
        Add("reference: statement subject is an Organization", M(Ref, Statement, r => r["subject"] = Json("""{"reference":"Organization/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: information source is a Medication", M(Ref, Statement, r => r["informationSource"] = Json("""{"reference":"Medication/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: medication reference is a Patient", M(Ref, Statement, r => SetChoice(r, "medication", "medicationReference", Json("""{"reference":"Patient/1"}""")), ValidationCodes.ReferenceTarget));
        Add("reference: basedOn is a Patient", M(Ref, Statement, r => r["basedOn"] = Json("""[{"reference":"Patient/1"}]"""), ValidationCodes.ReferenceTarget));
        Add("reference: allergy patient is a Practitioner", M(Ref, Allergy, r => r["patient"] = Json("""{"reference":"Practitioner/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: allergy recorder is a Medication", M(Ref, Allergy, r => r["recorder"] = Json("""{"reference":"Medication/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: allergy asserter is a Condition", M(Ref, Allergy, r => r["asserter"] = Json("""{"reference":"Condition/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: condition subject is a Practitioner", M(Ref, Condition, r => r["subject"] = Json("""{"reference":"Practitioner/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: condition asserter is a Medication", M(Ref, Condition, r => r["asserter"] = Json("""{"reference":"Medication/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: condition recorder is an Organization", M(Ref, Condition, r => r["recorder"] = Json("""{"reference":"Organization/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: organization partOf is a Patient", M(Ref, Organization, r => r["partOf"] = Json("""{"reference":"Patient/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: qualification issuer is a Patient", M(Ref, Practitioner, r => r["qualification"] = Json("""[{"code":{"text":"MB"},"issuer":{"reference":"Patient/1"}}]"""), ValidationCodes.ReferenceTarget));
        Add("reference: Medication manufacturer is a Practitioner", M(Ref, Medication, r => r["manufacturer"] = Json("""{"reference":"Practitioner/1"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: Reference.type contradicts the GP targets", M(Ref, Patient, r => r["generalPractitioner"] = Json("""[{"reference":"Organization/1","type":"Patient"}]"""), ValidationCodes.ReferenceTarget));
        Add("reference: Reference.type alone contradicts the subject", M(Ref, Statement, r => r["subject"] = Json("""{"type":"Device","identifier":{"system":"https://example.org/devices","value":"1"}}"""), ValidationCodes.ReferenceTarget));
        Add("reference: Reference.type Group for an allergy patient", M(Ref, Allergy, r => r["patient"] = Json("""{"reference":"Patient/1","type":"Group"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: Reference.type Medication for a condition subject", M(Ref, Condition, r => r["subject"] = Json("""{"reference":"Patient/1","type":"Medication"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: Reference.type Practitioner for partOf", M(Ref, Organization, r => r["partOf"] = Json("""{"reference":"Organization/1","type":"Practitioner"}"""), ValidationCodes.ReferenceTarget));
        Add("reference: reference as a number", M(Ref, Condition, r => r["subject"] = Json("""{"reference":42}"""), null));

        // Primitive lexical forms
        Add("primitive: birthDate month 13", M(Prim, Patient, r => r["birthDate"] = "1970-13-01", ValidationCodes.Primitive));
        Add("primitive: birthDate 30 February", M(Prim, Patient, r => r["birthDate"] = "1970-02-30", ValidationCodes.Primitive));
        Add("primitive: birthDate with slashes", M(Prim, Patient, r => r["birthDate"] = "1970/01/01", ValidationCodes.Primitive));
        Add("primitive: birthDate with a two-digit year", M(Prim, Patient, r => r["birthDate"] = "70-01-01", ValidationCodes.Primitive));
        Add("primitive: birthDate empty", M(Prim, Patient, r => r["birthDate"] = "", null));
        Add("primitive: birthDate single-digit month", M(Prim, Patient, r => r["birthDate"] = "1970-1-01", ValidationCodes.Primitive));
        Add("primitive: id with a space", M(Prim, Patient, r => r["id"] = "bad id", ValidationCodes.Primitive));
        Add("primitive: id of 65 characters", M(Prim, Organization, r => r["id"] = new string('a', 65), ValidationCodes.Primitive));
        Add("primitive: id with an underscore", M(Prim, Practitioner, r => r["id"] = "dr_rastall", ValidationCodes.Primitive));
        Add("primitive: gender with a leading space", M(Prim, Patient, r => r["gender"] = " male", null));
        Add("primitive: uri with a space", M(Prim, Organization, r => Obj(r, "identifier[0]")["system"] = "https://example.org/a b", ValidationCodes.Primitive));
        Add("primitive: dateAsserted with a time", M(Prim, Statement, r => r["dateAsserted"] = "2017-02-22T10:00", ValidationCodes.Primitive));
        Add("primitive: recordedDate without a time zone", M(Prim, Condition, r => r["recordedDate"] = "2020-01-01T10:00:00", ValidationCodes.Primitive));
        Add("primitive: onset without seconds", M(Prim, Condition, r => r["onsetDateTime"] = "2020-01-01T10:00Z", ValidationCodes.Primitive));
        Add("primitive: onset 30 February", M(Prim, Condition, r => r["onsetDateTime"] = "2020-02-30", ValidationCodes.Primitive));
        Add("primitive: recordedDate hour 25", M(Prim, Allergy, r => r["recordedDate"] = "2019-12-10T25:00:00+00:00", ValidationCodes.Primitive));
        Add("primitive: allergy onset month 13", M(Prim, Allergy, r => r["onsetDateTime"] = "2004-13", ValidationCodes.Primitive));
        Add("primitive: allergy last occurrence day zero", M(Prim, Allergy, r => r["lastOccurrence"] = "2019-12-00", ValidationCodes.Primitive));
        Add("primitive: frequency zero", M(Prim, Statement, r => Obj(r, "dosage[0].timing.repeat")["frequency"] = 0, ValidationCodes.Primitive));
        Add("primitive: dose value as a string", M(Prim, Statement, r => Obj(r, "dosage[0].doseAndRate[0].doseQuantity")["value"] = "500", null));
        Add("primitive: dosage sequence as a decimal", M(Prim, Statement, r => Obj(r, "dosage[0]")["sequence"] = 1.5, null));
        Add("primitive: photo data not base64", M(Prim, Practitioner, r => r["photo"] = Json("""[{"contentType":"image/png","data":"not base64!"}]"""), ValidationCodes.Primitive));
        Add("primitive: active as a string", M(Prim, Patient, r => r["active"] = "true", null));
        Add("primitive: multiple birth as a decimal", M(Prim, Patient, r => r["multipleBirthInteger"] = 1.5, null));
        Add("primitive: telecom rank zero", M(Prim, Organization, r => Obj(r, "telecom[0]")["rank"] = 0, ValidationCodes.Primitive));
        Add("primitive: lastUpdated without a time", M(Prim, Condition, r => r["meta"] = Json("""{"lastUpdated":"2020-01-01"}"""), ValidationCodes.Primitive));
        Add("primitive: telecom value empty", M(Prim, Practitioner, r => Obj(r, "telecom[0]")["value"] = "", null));
        Add("primitive: practitioner birthDate month zero", M(Prim, Practitioner, r => r["birthDate"] = "1970-00-10", ValidationCodes.Primitive));
        Add("primitive: batch expiration 31 April", M(Prim, Medication, r => r["batch"] = Json("""{"lotNumber":"A1","expirationDate":"2025-04-31"}"""), ValidationCodes.Primitive));
        Add("primitive: ingredient isActive as a string", M(Prim, Medication, r => r["ingredient"] = Json("""[{"itemCodeableConcept":{"text":"timolol"},"isActive":"yes"}]"""), null));
        Add("primitive: extension url with a space", M(Prim, Condition, r => r["extension"] = Json("""[{"url":"https://example.org/an extension","valueString":"x"}]"""), ValidationCodes.Primitive));
        Add("primitive: coding system with a space", M(Prim, Allergy, r => Obj(r, "code.coding[0]")["system"] = "http://snomed info/sct", ValidationCodes.Primitive));
        Add("primitive: meta profile not a canonical", M(Prim, Medication, r => r["meta"] = Json("""{"profile":["not a url"]}"""), ValidationCodes.Primitive));
        Add("primitive: effective start 31 June", M(Prim, Statement, r => Obj(r, "effectivePeriod")["start"] = "2021-06-31T13:50:00+00:00", ValidationCodes.Primitive));

        // Contained resources
        Add("contained: nested contained", M(Contained, Patient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","name":"A","contained":[{"resourceType":"Organization","id":"inner","name":"B","partOf":{"reference":"#"}}]}]""");
            r["managingOrganization"] = Json("""{"reference":"#org"}""");
        }, ValidationCodes.Invariant));
        Add("contained: with versionId", M(Contained, Patient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","meta":{"versionId":"1"},"name":"A"}]""");
            r["managingOrganization"] = Json("""{"reference":"#org"}""");
        }, ValidationCodes.Invariant));
        Add("contained: with a security label", M(Contained, Patient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","meta":{"security":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"R"}]},"name":"A"}]""");
            r["managingOrganization"] = Json("""{"reference":"#org"}""");
        }, ValidationCodes.Invariant));
        Add("contained: managing organization is a contained Practitioner", M(Contained, Patient, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Practitioner","id":"gp","name":[{"family":"Jones"}]}]""");
            r["managingOrganization"] = Json("""{"reference":"#gp"}""");
        }, ValidationCodes.ReferenceTarget));
        Add("contained: medication reference to a contained Patient", M(Contained, Statement, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Patient","id":"p"}]""");
            SetChoice(r, "medication", "medicationReference", Json("""{"reference":"#p"}"""));
        }, ValidationCodes.ReferenceTarget));
        Add("contained: contained Organization without name or identifier", M(Contained, Practitioner, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Organization","id":"org","active":true}]""");
            r["qualification"] = Json("""[{"code":{"text":"MB"},"issuer":{"reference":"#org"}}]""");
        }, ValidationCodes.Invariant));
        Add("contained: contained Organization with a bad telecom system", M(Contained, Condition, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Practitioner","id":"dr","telecom":[{"system":"telephone","value":"1"}]}]""");
            r["asserter"] = Json("""{"reference":"#dr"}""");
        }, ValidationCodes.BindingRequired));
        Add("contained: contained Medication with a bad status", M(Contained, Allergy, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Medication","id":"m","status":"available","code":{"text":"amoxicillin"}}]""");
            Obj(r, "reaction[0]")["substance"] = Json("""{"text":"amoxicillin"}""");
            r["note"] = Json("""[{"text":"see #m","authorReference":{"reference":"#m"}}]""");
        }, null));
        Add("contained: resource of unknown type", M(Contained, Organization, r => r["contained"] = Json("""[{"resourceType":"Nonsense","id":"x"}]"""), null));
        Add("contained: without an id", M(Contained, Medication, r => r["contained"] = Json("""[{"resourceType":"Organization","name":"Maker"}]"""), ValidationCodes.Invariant));
        Add("contained: contained Patient with a bad birthDate", M(Contained, Allergy, r =>
        {
            r["contained"] = Json("""[{"resourceType":"Patient","id":"p","birthDate":"1970-13-01"}]""");
            r["patient"] = Json("""{"reference":"#p"}""");
        }, ValidationCodes.Primitive));

        // Narrative
        Add("narrative txt-1: script in the div", M(Narrative, Patient, r => r["text"] = Json($$"""{"status":"generated","div":"<div xmlns=\"{{Xhtml}}\"><script>alert(1)</script>x</div>"}"""), null));
        Add("narrative txt-1: event handler attribute", M(Narrative, Condition, r => r["text"] = Json($$"""{"status":"generated","div":"<div xmlns=\"{{Xhtml}}\"><p onclick=\"x()\">Bleeding</p></div>"}"""), null));
        Add("narrative txt-1: div without the XHTML namespace", M(Narrative, Organization, r => r["text"] = Json("""{"status":"generated","div":"<div>White Rose</div>"}"""), null));
        Add("narrative txt-1: root is not a div", M(Narrative, Practitioner, r => r["text"] = Json($$"""{"status":"generated","div":"<p xmlns=\"{{Xhtml}}\">Dr Rastall</p>"}"""), null));
        Add("narrative txt-2: whitespace only", M(Narrative, Patient, r => r["text"] = Json($$"""{"status":"generated","div":"<div xmlns=\"{{Xhtml}}\">  \n  </div>"}"""), ValidationCodes.Invariant));
        Add("narrative txt-2: empty paragraphs only", M(Narrative, Condition, r => r["text"] = Json($$"""{"status":"generated","div":"<div xmlns=\"{{Xhtml}}\"><p> </p><br/></div>"}"""), ValidationCodes.Invariant));
        Add("narrative txt-2: empty div on a Medication", M(Narrative, Medication, r => r["text"] = Json($$"""{"status":"generated","div":"<div xmlns=\"{{Xhtml}}\"></div>"}"""), ValidationCodes.Invariant));
        Add("narrative txt-2: empty div on an AllergyIntolerance", M(Narrative, Allergy, r => r["text"] = Json($$"""{"status":"generated","div":"<div xmlns=\"{{Xhtml}}\"> </div>"}"""), ValidationCodes.Invariant));
        Add("narrative: without a div", M(Narrative, Statement, r => r["text"] = Json("""{"status":"generated"}"""), ValidationCodes.CardinalityMin));
        Add("narrative: without a status", M(Narrative, Practitioner, r => r["text"] = Json($$"""{"div":"<div xmlns=\"{{Xhtml}}\">Dr Rastall</div>"}"""), ValidationCodes.CardinalityMin));

        // Unknown elements
        Add("unknown: an element no definition knows", M(Unknown, Patient, r => r["favouriteColour"] = "blue", null));
        Add("unknown: element name differing only in case", M(Unknown, Patient, r => r["Gender"] = "male", null));
        Add("unknown: nested element differing only in case", M(Unknown, Condition, r => Obj(r, "code")["Text"] = "Bleeding", null));
        Add("unknown: element of another resource type", M(Unknown, Medication, r => r["subject"] = Json("""{"reference":"Patient/1"}"""), null));
        Add("unknown: element inside a data type", M(Unknown, Organization, r => Obj(r, "address[0]")["county"] = "West Yorkshire", null));
        Add("unknown: element inside a backbone element", M(Unknown, Allergy, r => Obj(r, "reaction[0]")["intensity"] = "high", null));
        Add("unknown: primitive extension holder without its element type", M(Unknown, Practitioner, r => r["_nonsense"] = Json("""{"id":"a"}"""), null));

        return all;
    }

    private static Mutant M(string category, string file, Action<JsonObject> mutate, string? kernelCode) =>
        new(category, file, FacadeProfiles.For(file[..file.IndexOf('-', StringComparison.Ordinal)]), mutate, kernelCode);

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;

    private static void SetChoice(JsonObject obj, string prefix, string name, JsonNode value)
    {
        foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.Length > prefix.Length && char.IsUpper(k[prefix.Length])).ToList())
        {
            obj.Remove(key);
        }

        obj[name] = value;
    }

    private static JsonArray Arr(JsonObject obj, string name) => (JsonArray)(obj[name] ??= new JsonArray());

    // "identifier[0].extension[0]" → that object.
    private static JsonObject Obj(JsonObject root, string path)
    {
        JsonNode node = root;
        foreach (var step in path.Split('.'))
        {
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0
                ? node[step]!
                : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], CultureInfo.InvariantCulture)]!;
        }

        return (JsonObject)node;
    }
}
