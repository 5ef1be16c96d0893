using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Vision.Mapping;
using FhirFacade.Suppliers.Vision.Mllp;
using FhirFacade.Suppliers.Vision.Native;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision;

/// <summary>
/// The INPS Vision adapter: asks the HL7 v2.5 interface for only the record area a search needs (the exists query
/// for demographics), takes the record only when PD1-3 names the organisation asked, refuses dissenting and
/// sensitive patients, maps to UK Core through one mapper per resource type, leaves out items marked confidential
/// (ZCF, with a <c>confidential-items</c> warning) and reports items it cannot map instead of failing.
/// </summary>
internal sealed class VisionSupplierAdapter(VisionClient client, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider) : ISupplierAdapter
{
    private static readonly IReadOnlySet<string> NoNativeParameters = new HashSet<string>();

    public string SupplierId => VisionCodeSystems.SupplierId;

    public string DisplayName => VisionCodeSystems.DisplayName;

    // The Vision query filters by record area only: every other criterion is applied by the gateway. The usual GP
    // (PD1-4) is readable as a Practitioner; other clinicians are only named by SDS user id.
    public IReadOnlyList<SupplierResourceCapability> Capabilities { get; } =
    [
        new(T.Patient, true, NoNativeParameters),
        new(T.AllergyIntolerance, true, NoNativeParameters),
        new(T.Condition, true, NoNativeParameters),
        new(T.MedicationStatement, true, NoNativeParameters),
        new(T.Medication, false, NoNativeParameters),
        new(T.Organization, false, NoNativeParameters),
        new(T.Practitioner, false, NoNativeParameters),
    ];

    public async Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        var record = await client.GetRecordAsync(organisation, nhsNumber.Value, null, cancellationToken);
        return IsAt(record, organisation);
    }

    public async Task<SupplierSearchResult> SearchAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        var nhsNumber = query.Patient.NhsNumber?.Value ?? query.Patient.NativePatientId;
        if (nhsNumber is null)
        {
            return await SearchByDemographicsAsync(organisation, query, cancellationToken);
        }

        if (!IsSearchable(query.ResourceType))
        {
            return SupplierSearchResult.Empty;
        }

        var record = await GetRecordAsync(organisation, nhsNumber, Area(query.ResourceType), cancellationToken);
        if (record is null)
        {
            // AE with QAK-2 NF / ERR 204, or PD1-3 naming another practice: nothing held here for the patient (the gateway reports it).
            return SupplierSearchResult.NotHeld;
        }

        if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, record.Patient.NhsNumber))
        {
            return PatientMismatch.Search(this, organisation, query.ResourceType);
        }

        EnsureShareable(record);
        var context = Context(organisation, record);
        var matches = new List<SupplierResource>();
        var included = new List<SupplierResource>();
        var confidential = 0;
        switch (query.ResourceType)
        {
            case T.Patient:
                Add(matches, VisionPatientMapper.Map(record.Patient, context), context, context.NhsNumber);
                break;
            case T.Condition:
                foreach (var problem in ConfidentialItems.Shareable(record.Problems, p => p.Confidential, ref confidential))
                {
                    Add(matches, VisionConditionMapper.Map(problem, context), context, context.ItemNativeId(problem.Id));
                }

                break;
            case T.AllergyIntolerance:
                foreach (var allergy in ConfidentialItems.Shareable(record.Allergies, a => a.Confidential, ref confidential))
                {
                    Add(matches, VisionAllergyIntoleranceMapper.Map(allergy, context), context, context.ItemNativeId(allergy.Id));
                }

                break;
            default:
                foreach (var medication in ConfidentialItems.Shareable(record.Medications, m => m.Confidential, ref confidential))
                {
                    var nativeId = context.ItemNativeId(medication.Id);
                    // Every statement's Medication goes back (the gateway's merge keys statements by dm+d code); only an _include releases them (ADR 0007).
                    if (Add(matches, VisionMedicationStatementMapper.Map(medication, context), context, nativeId))
                    {
                        Add(included, VisionMedicationMapper.Map(medication, context), context, nativeId);
                    }
                }

                break;
        }

        if (confidential > 0)
        {
            context.Issues.Add(ConfidentialItems.Warning(this, organisation));
        }

        return new SupplierSearchResult(matches, included, context.Issues);
    }

    public async Task<SupplierReadResult> ReadAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        switch (resourceType)
        {
            case T.Organization:
                // The interface has no organisation query: the practice is the directory entry itself.
                if (!string.Equals(nativeId, organisation.OdsCode, StringComparison.OrdinalIgnoreCase))
                {
                    return SupplierReadResult.NotFound;
                }

                var organisationContext = new VisionMappingContext(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), string.Empty, ids, timeProvider.GetUtcNow());
                return Single(VisionOrganizationMapper.Map(new VisionPractice(organisation.Name, organisation.OdsCode), organisationContext), nativeId, organisationContext);
            case T.Patient:
                var record = await GetRecordAsync(organisation, nativeId, null, cancellationToken);
                if (record is null)
                {
                    return SupplierReadResult.NotFound;
                }

                if (PatientMismatch.IsAboutAnotherPatient(nativeId, record.Patient.NhsNumber))
                {
                    return PatientMismatch.Read(nativeId, record.Patient.NhsNumber);
                }

                EnsureShareable(record);
                var context = Context(organisation, record);
                return Single(VisionPatientMapper.Map(record.Patient, context), nativeId, context) with { AskedAbout = PatientSelector.ForNativeId(nativeId), RecordNhsNumber = record.Patient.NhsNumber };
            default:
                return await ReadItemAsync(organisation, resourceType, nativeId, cancellationToken);
        }
    }

    /// <summary>
    /// A Patient search by family name (+ birth date): the demographic query (VDQ), then each match's exists query, mapped
    /// as the NHS-number search maps it. Patients held elsewhere, who dissented or are flagged sensitive are left out
    /// without a word, so a name search cannot reveal them; the gateway applies the other criteria (given, gender, date prefixes).
    /// A match whose record names no NHS number is left out with a <c>VISION-UNMAPPABLE</c> warning (as EMIS and TPP do),
    /// not refused as malformed: that would fail the whole answer and hide every other match.
    /// </summary>
    private async Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        var family = query.Request.PlainFamily();
        if (query.ResourceType != T.Patient || family is null)
        {
            return new SupplierSearchResult([], [], [new Issue("VISION-NO-DEMOGRAPHIC-SEARCH", IssueSeverity.Information, IssueType.NotSupported, $"{VisionCodeSystems.DisplayName} at {SupplierCallRunner.OrganisationLabel(organisation)} searches patients by NHS number, or by family name (starts-with, no modifier) and birth date.")]);
        }

        var found = await client.SearchPatientsAsync(organisation, family, ExactBirthDate(query.Request), cancellationToken);
        return await DemographicSearch.CollectAsync(
            found.NhsNumbers,
            (nhsNumber, token) => client.GetMatchAsync(organisation, nhsNumber, token),
            record => IsAt(record, organisation) && record.Patient is { Sensitive: false, Dissent: false },
            record =>
            {
                var context = Context(organisation, record);
                var patient = VisionPatientMapper.Map(record.Patient, context);
                return (patient is null ? null : ToSupplierResource(patient, context.NhsNumber, context), context.Issues);
            },
            found.Truncated ? new Issue("VISION-SEARCH-TRUNCATED", IssueSeverity.Warning, IssueType.TooCostly, $"{VisionCodeSystems.DisplayName} at {SupplierCallRunner.OrganisationLabel(organisation)} found more patients than it returns; narrow the search (add given, birthdate or gender).") : null,
            cancellationToken);
    }

    /// <summary>The birth date Vision can filter on natively (<c>yyyyMMdd</c>): one <c>eq</c> value of day precision; anything else is filtered by the gateway.</summary>
    internal static string? ExactBirthDate(SearchRequest request) =>
        request.ExactBirthDate()?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsSearchable(string resourceType) =>
        resourceType is T.Patient or T.Condition or T.AllergyIntolerance or T.MedicationStatement;

    /// <summary>The QPD-4 area of a resource type; <see langword="null"/> for the exists query (demographics only).</summary>
    private static string? Area(string resourceType) => resourceType switch
    {
        T.Condition => VisionCodeSystems.AreaProblems,
        T.AllergyIntolerance => VisionCodeSystems.AreaAllergies,
        T.MedicationStatement or T.Medication => VisionCodeSystems.AreaMedications,
        _ => null,
    };

    private static bool IsAt(VisionRecord? record, OrganisationEndpoint organisation) =>
        record?.Patient.Practice?.OdsCode is { Length: > 0 } holder && string.Equals(holder, organisation.OdsCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>The mapping context of an answer Vision has just given: its resources say they were retrieved now.</summary>
    private VisionMappingContext Context(OrganisationEndpoint organisation, VisionRecord record) =>
        new(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), record.Patient.NhsNumber, ids, timeProvider.GetUtcNow());

    /// <summary>
    /// The record held at <paramref name="organisation"/>; <see langword="null"/> when it does not hold the patient. Its
    /// restrictions are the caller's to apply, once it knows the record is about the patient asked for.
    /// </summary>
    private async Task<VisionRecord?> GetRecordAsync(OrganisationEndpoint organisation, string nhsNumber, string? area, CancellationToken cancellationToken)
    {
        var record = await client.GetRecordAsync(organisation, nhsNumber, area, cancellationToken);
        return IsAt(record, organisation) ? record : null;
    }

    private static void EnsureShareable(VisionRecord record) =>
        PatientRestrictedException.ThrowIfRestricted(sensitive: record.Patient.Sensitive, dissent: record.Patient.Dissent);

    private async Task<SupplierReadResult> ReadItemAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == nativeId.Length - 1 || resourceType is not (T.Condition or T.AllergyIntolerance or T.MedicationStatement or T.Medication or T.Practitioner))
        {
            return SupplierReadResult.NotFound;
        }

        var nhsNumber = nativeId[..slash];
        var itemId = nativeId[(slash + 1)..];
        var record = await GetRecordAsync(organisation, nhsNumber, Area(resourceType), cancellationToken);
        if (record is null)
        {
            return SupplierReadResult.NotFound;
        }

        if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, record.Patient.NhsNumber))
        {
            return PatientMismatch.Read(nhsNumber, record.Patient.NhsNumber);
        }

        EnsureShareable(record);
        var context = Context(organisation, record);
        Resource? resource = resourceType switch
        {
            T.Condition => record.Problems.FirstOrDefault(p => p.Id == itemId && !p.Confidential) is { } p ? VisionConditionMapper.Map(p, context) : null,
            T.AllergyIntolerance => record.Allergies.FirstOrDefault(a => a.Id == itemId && !a.Confidential) is { } a ? VisionAllergyIntoleranceMapper.Map(a, context) : null,
            T.MedicationStatement => record.Medications.FirstOrDefault(m => m.Id == itemId && !m.Confidential) is { } m ? VisionMedicationStatementMapper.Map(m, context) : null,
            T.Medication => record.Medications.FirstOrDefault(m => m.Id == itemId && !m.Confidential) is { } m ? VisionMedicationMapper.Map(m, context) : null,
            _ => record.Patient.UsualGp is { } gp && gp.SdsUserId == itemId ? VisionPractitionerMapper.Map(gp, context) : null,
        };
        return Single(resource, nativeId, context) with { AskedAbout = PatientSelector.ForNativeId(nhsNumber), RecordNhsNumber = record.Patient.NhsNumber };
    }

    private SupplierReadResult Single(Resource? resource, string nativeId, VisionMappingContext context) =>
        resource is null ? new SupplierReadResult(null, context.Issues) : new(ToSupplierResource(resource, nativeId, context), context.Issues);

    private bool Add(List<SupplierResource> list, Resource? resource, VisionMappingContext context, string nativeId)
    {
        if (resource is null)
        {
            return false;
        }

        list.Add(ToSupplierResource(resource, nativeId, context));
        return true;
    }

    // The interface carries no record version, so resources have no versionId/ETag.
    private SupplierResource ToSupplierResource(Resource resource, string nativeId, VisionMappingContext context) =>
        new(
            resource.TypeName,
            nativeId,
            resource.ToElementNode(model),
            null,
            context.NhsNumber.Length == 0 ? null : context.NhsNumber,
            context.NhsNumber.Length == 0 ? null : context.NhsNumber);
}
