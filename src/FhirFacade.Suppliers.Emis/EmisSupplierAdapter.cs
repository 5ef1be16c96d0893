using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Emis.Http;
using FhirFacade.Suppliers.Emis.Mapping;
using FhirFacade.Suppliers.Emis.Native;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Emis;

/// <summary>
/// The EMIS Web adapter: fetches the XML record (only the section a search needs), maps it to UK Core
/// through one mapper per resource type, leaves out items the practice marked confidential (with a
/// <c>confidential-items</c> warning), and reports items it cannot map instead of failing.
/// </summary>
internal sealed class EmisSupplierAdapter(EmisClient client, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider) : ISupplierAdapter
{
    /// <summary>The supplier as exception messages name it.</summary>
    private const string Supplier = "EMIS";

    private static readonly IReadOnlySet<string> NoNativeParameters = new HashSet<string>();

    public string SupplierId => EmisCodeSystems.SupplierId;

    public string DisplayName => "EMIS Web";

    // The EMIS API filters by record section only: every other criterion is applied by the gateway.
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
        var summary = await client.GetPatientSummaryAsync(organisation, nhsNumber.Value, cancellationToken);
        return IsAt(summary, organisation);
    }

    public async Task<SupplierSearchResult> SearchAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        var nhsNumber = query.Patient.NhsNumber?.Value ?? query.Patient.NativePatientId;
        if (nhsNumber is null)
        {
            return await SearchByDemographicsAsync(organisation, query, cancellationToken);
        }

        var section = Section(query.ResourceType);
        var record = section is null
            ? await client.GetPatientSummaryAsync(organisation, nhsNumber, cancellationToken)
            : await client.GetRecordAsync(organisation, nhsNumber, section, cancellationToken);
        if (record is null || !IsAt(record, organisation))
        {
            // 404, or a record registered elsewhere: this organisation holds nothing for the patient (the gateway reports it).
            return SupplierSearchResult.NotHeld;
        }

        UnnamedRecord.ThrowIfNamesNoPatient(Supplier, record.Patient?.NhsNumber);
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
                Add(matches, EmisPatientMapper.Map(record, context), record, context, context.NhsNumber);
                break;
            case T.Condition:
                foreach (var problem in ConfidentialItems.Shareable(record.Problems, p => p.Confidential, ref confidential))
                {
                    Add(matches, EmisConditionMapper.Map(problem, context), record, context, context.EventNativeId(problem.Id));
                }

                break;
            case T.AllergyIntolerance:
                foreach (var allergy in ConfidentialItems.Shareable(record.Allergies, a => a.Confidential, ref confidential))
                {
                    Add(matches, EmisAllergyIntoleranceMapper.Map(allergy, context), record, context, context.EventNativeId(allergy.Id));
                }

                break;
            case T.MedicationStatement:
                foreach (var medication in ConfidentialItems.Shareable(record.Medications, m => m.Confidential, ref confidential))
                {
                    if (Add(matches, EmisMedicationStatementMapper.Map(medication, context), record, context, context.EventNativeId(medication.Id)))
                    {
                        Add(included, EmisMedicationMapper.Map(medication, context), record, context, context.EventNativeId(medication.Id));
                    }
                }

                break;
            default:
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
                var ods = await client.GetOrganisationAsync(organisation, nativeId, cancellationToken);
                return ods is null ? SupplierReadResult.NotFound : Single(EmisOrganizationMapper.Map(ods, Context(organisation, null)), nativeId, null, null);
            case T.Practitioner:
                var practitioner = await client.GetPractitionerAsync(organisation, nativeId, cancellationToken);
                return practitioner is null ? SupplierReadResult.NotFound : Single(EmisPractitionerMapper.Map(practitioner, Context(organisation, null)), nativeId, null, null);
            case T.Patient:
                var summary = await client.GetPatientSummaryAsync(organisation, nativeId, cancellationToken);
                if (summary is null || !IsAt(summary, organisation))
                {
                    return SupplierReadResult.NotFound;
                }

                UnnamedRecord.ThrowIfNamesNoPatient(Supplier, summary.Patient?.NhsNumber);
                if (PatientMismatch.IsAboutAnotherPatient(nativeId, summary.Patient.NhsNumber))
                {
                    return PatientMismatch.Read(nativeId, summary.Patient.NhsNumber);
                }

                EnsureShareable(summary);
                var patientContext = Context(organisation, summary);
                var patient = EmisPatientMapper.Map(summary, patientContext);
                return (patient is null ? new SupplierReadResult(null, patientContext.Issues) : Single(patient, nativeId, summary, patientContext)) with { AskedAbout = PatientSelector.ForNativeId(nativeId), RecordNhsNumber = summary.Patient.NhsNumber };
            default:
                return await ReadEventAsync(organisation, resourceType, nativeId, cancellationToken);
        }
    }

    /// <summary>
    /// A Patient search by family name (+ birth date): EMIS's demographic search, then each match's
    /// summary. Patients who dissented or are flagged sensitive are left out without a word, so a
    /// name search cannot reveal them; the gateway applies the other criteria (given, gender, date prefixes).
    /// </summary>
    private async Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        var family = query.Request.PlainFamily();
        if (query.ResourceType != T.Patient || family is null)
        {
            return new SupplierSearchResult([], [], [new Issue("EMIS-NO-DEMOGRAPHIC-SEARCH", IssueSeverity.Information, IssueType.NotSupported, $"EMIS Web at {SupplierCallRunner.OrganisationLabel(organisation)} searches patients by NHS number, or by family name (starts-with, no modifier) and birth date.")]);
        }

        var found = await client.SearchPatientsAsync(organisation, family, ExactBirthDate(query.Request), cancellationToken);
        if (found is null || found.NhsNumbers.Count == 0)
        {
            return SupplierSearchResult.Empty;
        }

        return await DemographicSearch.CollectAsync(
            found.NhsNumbers,
            (nhsNumber, token) => client.GetPatientSummaryAsync(organisation, nhsNumber, token),
            summary => IsAt(summary, organisation) && summary.Patient is { Sensitive: false, Dissent: false },
            summary =>
            {
                var context = Context(organisation, summary);
                var patient = EmisPatientMapper.Map(summary, context);
                return (patient is null ? null : ToSupplierResource(patient, context.NhsNumber, summary, context), context.Issues);
            },
            found.Truncated ? new Issue("EMIS-SEARCH-TRUNCATED", IssueSeverity.Warning, IssueType.TooCostly, $"EMIS Web at {SupplierCallRunner.OrganisationLabel(organisation)} found more patients than it returns; narrow the search (add given, birthdate or gender).") : null,
            cancellationToken);
    }

    /// <summary>The birth date EMIS can filter on natively: one <c>eq</c> value of day precision; anything else is filtered by the gateway.</summary>
    private static string? ExactBirthDate(SearchRequest request) =>
        request.ExactBirthDate()?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Section(string resourceType) => resourceType switch
    {
        T.Condition => "problems",
        T.AllergyIntolerance => "allergies",
        T.MedicationStatement or T.Medication => "medications",
        _ => null,
    };

    private static bool IsAt(EmisPatientRecord? record, OrganisationEndpoint organisation) =>
        record?.Organisation is { } holder && string.Equals(holder.OdsCode, organisation.OdsCode, StringComparison.OrdinalIgnoreCase);

    private static void EnsureShareable(EmisPatientRecord record) =>
        PatientRestrictedException.ThrowIfRestricted(sensitive: record.Patient?.Sensitive == true, dissent: record.Patient?.Dissent == true);

    /// <summary>The mapping context of an answer EMIS has just given: its resources say they were retrieved now.</summary>
    private EmisMappingContext Context(OrganisationEndpoint organisation, EmisPatientRecord? record) =>
        new(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), record?.Patient?.NhsNumber ?? string.Empty, ids, timeProvider.GetUtcNow());

    private async Task<SupplierReadResult> ReadEventAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
        var section = Section(resourceType);
        if (slash <= 0 || section is null)
        {
            return SupplierReadResult.NotFound;
        }

        var nhsNumber = nativeId[..slash];
        var eventId = nativeId[(slash + 1)..];
        var record = await client.GetRecordAsync(organisation, nhsNumber, section, cancellationToken);
        if (record is null || !IsAt(record, organisation))
        {
            return SupplierReadResult.NotFound;
        }

        UnnamedRecord.ThrowIfNamesNoPatient(Supplier, record.Patient?.NhsNumber);
        if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, record.Patient.NhsNumber))
        {
            return PatientMismatch.Read(nhsNumber, record.Patient.NhsNumber);
        }

        EnsureShareable(record);

        var context = Context(organisation, record);
        Resource? resource = resourceType switch
        {
            T.Condition => record.Problems.FirstOrDefault(p => p.Id == eventId && !p.Confidential) is { } p ? EmisConditionMapper.Map(p, context) : null,
            T.AllergyIntolerance => record.Allergies.FirstOrDefault(a => a.Id == eventId && !a.Confidential) is { } a ? EmisAllergyIntoleranceMapper.Map(a, context) : null,
            T.MedicationStatement => record.Medications.FirstOrDefault(m => m.Id == eventId && !m.Confidential) is { } m ? EmisMedicationStatementMapper.Map(m, context) : null,
            T.Medication => record.Medications.FirstOrDefault(m => m.Id == eventId && !m.Confidential) is { } m ? EmisMedicationMapper.Map(m, context) : null,
            _ => null,
        };
        return (resource is null ? new SupplierReadResult(null, context.Issues) : Single(resource, nativeId, record, context)) with { AskedAbout = PatientSelector.ForNativeId(nhsNumber), RecordNhsNumber = record.Patient.NhsNumber };
    }

    private SupplierReadResult Single(Resource resource, string nativeId, EmisPatientRecord? record, EmisMappingContext? context) =>
        new(ToSupplierResource(resource, nativeId, record, context), context?.Issues ?? []);

    private bool Add(List<SupplierResource> list, Resource? resource, EmisPatientRecord record, EmisMappingContext context, string nativeId)
    {
        if (resource is null)
        {
            return false;
        }

        list.Add(ToSupplierResource(resource, nativeId, record, context));
        return true;
    }

    private SupplierResource ToSupplierResource(Resource resource, string nativeId, EmisPatientRecord? record, EmisMappingContext? context) =>
        new(
            resource.TypeName,
            nativeId,
            resource.ToElementNode(model),
            record?.Version,
            context is null || context.NhsNumber.Length == 0 ? null : context.NhsNumber,
            context is null || context.NhsNumber.Length == 0 ? null : context.NhsNumber);
}
