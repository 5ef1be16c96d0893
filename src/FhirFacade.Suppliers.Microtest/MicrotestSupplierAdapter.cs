using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Microtest.Http;
using FhirFacade.Suppliers.Microtest.Mapping;
using FhirFacade.Suppliers.Microtest.Native;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Microtest;

/// <summary>
/// The Microtest Evolution adapter: fetches only the list a search needs (every page, within a bound),
/// maps it to UK Core through one mapper per resource type, leaves out items the practice marked
/// confidential (with a <c>confidential-items</c> warning), and reports items it cannot map instead of failing.
/// </summary>
internal sealed class MicrotestSupplierAdapter(MicrotestClient client, IFhirModel model, ResourceIdCodec ids) : ISupplierAdapter
{
    /// <summary>The most patients a demographic search fetches and returns (the rest are reported as truncated).</summary>
    public const int MaxDemographicMatches = 50;

    private static readonly IReadOnlySet<string> NoNativeParameters = new HashSet<string>();

    public string SupplierId => MicrotestCodeSystems.SupplierId;

    public string DisplayName => "Microtest Evolution";

    // The Evolution API filters by list only: every other criterion is applied by the gateway.
    // Practitioners are only embedded in a patient's registration, so they cannot be read alone.
    public IReadOnlyList<SupplierResourceCapability> Capabilities { get; } =
    [
        new(T.Patient, true, NoNativeParameters),
        new(T.AllergyIntolerance, true, NoNativeParameters),
        new(T.Condition, true, NoNativeParameters),
        new(T.MedicationStatement, true, NoNativeParameters),
        new(T.Medication, false, NoNativeParameters),
        new(T.Organization, false, NoNativeParameters),
    ];

    public async Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        var patient = await client.GetPatientAsync(organisation, nhsNumber.Value, cancellationToken);
        return IsAt(patient, organisation);
    }

    public async Task<SupplierSearchResult> SearchAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        var nhsNumber = query.Patient.NhsNumber?.Value ?? query.Patient.NativePatientId;
        if (nhsNumber is null)
        {
            return await SearchByDemographicsAsync(organisation, query, cancellationToken);
        }

        var patient = await client.GetPatientAsync(organisation, nhsNumber, cancellationToken);
        if (patient is null || !IsAt(patient, organisation))
        {
            return SupplierSearchResult.Empty;
        }

        if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, patient.NhsNumber))
        {
            return PatientMismatch.Search(this, organisation, query.ResourceType);
        }

        EnsureShareable(patient);

        var matches = new List<SupplierResource>();
        var included = new List<SupplierResource>();
        var confidential = 0;
        MicrotestMappingContext context;

        // Each list page names its patient as well: a list about someone else is withheld whole, none of it mapped,
        // even though the Patient endpoint answered about the patient asked for.
        switch (query.ResourceType)
        {
            case T.Patient:
                context = Context(organisation, patient.NhsNumber);
                Add(matches, MicrotestPatientMapper.Map(patient, context), patient, context, context.NhsNumber);
                break;
            case T.Condition:
                var problems = await client.GetListAsync<MicrotestProblem>(organisation, nhsNumber, MicrotestClient.Problems, cancellationToken);
                if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, problems?.NhsNumber))
                {
                    return PatientMismatch.Search(this, organisation, query.ResourceType);
                }

                context = Context(organisation, problems?.NhsNumber);
                foreach (var problem in Shareable(problems, p => p.Confidential, context, ref confidential))
                {
                    Add(matches, MicrotestConditionMapper.Map(problem, context), patient, context, context.ItemNativeId(problem.Id ?? string.Empty));
                }

                break;
            case T.AllergyIntolerance:
                var allergies = await client.GetListAsync<MicrotestAllergy>(organisation, nhsNumber, MicrotestClient.Allergies, cancellationToken);
                if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, allergies?.NhsNumber))
                {
                    return PatientMismatch.Search(this, organisation, query.ResourceType);
                }

                context = Context(organisation, allergies?.NhsNumber);
                foreach (var allergy in Shareable(allergies, a => a.Confidential, context, ref confidential))
                {
                    Add(matches, MicrotestAllergyIntoleranceMapper.Map(allergy, context), patient, context, context.ItemNativeId(allergy.Id ?? string.Empty));
                }

                if (allergies?.NoKnownAllergies is { } none)
                {
                    Add(matches, MicrotestAllergyIntoleranceMapper.Map(none, context), patient, context, context.ItemNativeId(none.Id ?? string.Empty));
                }

                break;
            case T.MedicationStatement:
                var medications = await client.GetListAsync<MicrotestMedication>(organisation, nhsNumber, MicrotestClient.Medications, cancellationToken);
                if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, medications?.NhsNumber))
                {
                    return PatientMismatch.Search(this, organisation, query.ResourceType);
                }

                context = Context(organisation, medications?.NhsNumber);
                foreach (var medication in Shareable(medications, m => m.Confidential, context, ref confidential))
                {
                    var nativeId = context.ItemNativeId(medication.Id ?? string.Empty);
                    if (Add(matches, MicrotestMedicationStatementMapper.Map(medication, context), patient, context, nativeId))
                    {
                        Add(included, MicrotestMedicationMapper.Map(medication, context), patient, context, nativeId);
                    }
                }

                break;
            default:
                return SupplierSearchResult.Empty;
        }

        if (confidential > 0)
        {
            context.Issues.Add(ConfidentialItems.Warning(organisation));
        }

        return new SupplierSearchResult(matches, included, context.Issues);
    }

    public async Task<SupplierReadResult> ReadAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        switch (resourceType)
        {
            case T.Organization:
                // Evolution has no organisation endpoint: the practice is the directory entry itself.
                if (!string.Equals(nativeId, organisation.OdsCode, StringComparison.OrdinalIgnoreCase))
                {
                    return SupplierReadResult.NotFound;
                }

                var organisationContext = Context(organisation, null);
                var organization = MicrotestOrganizationMapper.Map(new MicrotestPractice(organisation.OdsCode, organisation.Name), organisationContext);
                return organization is null ? new SupplierReadResult(null, organisationContext.Issues) : new(ToSupplierResource(organization, nativeId, null, null), organisationContext.Issues);
            case T.Patient:
                var patient = await client.GetPatientAsync(organisation, nativeId, cancellationToken);
                if (patient is null || !IsAt(patient, organisation))
                {
                    return SupplierReadResult.NotFound;
                }

                if (PatientMismatch.IsAboutAnotherPatient(nativeId, patient.NhsNumber))
                {
                    return PatientMismatch.Read(nativeId, patient.NhsNumber);
                }

                EnsureShareable(patient);

                var patientContext = Context(organisation, patient.NhsNumber);
                var mapped = MicrotestPatientMapper.Map(patient, patientContext);
                return (mapped is null ? new SupplierReadResult(null, patientContext.Issues) : new(ToSupplierResource(mapped, nativeId, patient, patientContext), patientContext.Issues)) with { AskedAbout = PatientSelector.ForNativeId(nativeId), RecordNhsNumber = patient.NhsNumber };
            default:
                return await ReadItemAsync(organisation, resourceType, nativeId, cancellationToken);
        }
    }

    /// <summary>
    /// A Patient search by family name (+ birth date): Evolution's demographic search, then each match's
    /// patient. Patients who dissented or are flagged sensitive are left out without a word, so a name
    /// search cannot reveal them; the gateway applies the other criteria (given, gender, date prefixes).
    /// </summary>
    private async Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        var family = query.Request.PlainFamily();
        if (query.ResourceType != T.Patient || family is null)
        {
            return new SupplierSearchResult([], [], [new Issue("MICROTEST-NO-DEMOGRAPHIC-SEARCH", IssueSeverity.Information, IssueType.NotSupported, $"Microtest Evolution at {SupplierCallRunner.OrganisationLabel(organisation)} searches patients by NHS number, or by family name (starts-with, no modifier) and birth date.")]);
        }

        var found = await client.SearchPatientsAsync(organisation, family, ExactBirthDate(query.Request), MaxDemographicMatches, cancellationToken);
        if (found.NhsNumbers.Count == 0)
        {
            return SupplierSearchResult.Empty;
        }

        return await DemographicSearch.CollectAsync(
            found.NhsNumbers,
            (nhsNumber, token) => client.GetPatientAsync(organisation, nhsNumber, token),
            patient => IsAt(patient, organisation) && !patient.Sensitive && !patient.SharingDissent,
            patient =>
            {
                var context = Context(organisation, patient.NhsNumber);
                var resource = MicrotestPatientMapper.Map(patient, context);
                return (resource is null ? null : ToSupplierResource(resource, context.NhsNumber, patient, context), context.Issues);
            },
            found.Truncated ? new Issue("MICROTEST-SEARCH-TRUNCATED", IssueSeverity.Warning, IssueType.TooCostly, $"Microtest Evolution at {SupplierCallRunner.OrganisationLabel(organisation)} found more patients than the adapter follows; narrow the search (add given, birthdate or gender).") : null,
            cancellationToken);
    }

    /// <summary>The date of birth Evolution can filter on natively (<c>dd/MM/yyyy</c>): one <c>eq</c> value of day precision; anything else is filtered by the gateway.</summary>
    private static string? ExactBirthDate(SearchRequest request) =>
        request.ExactBirthDate()?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsAt(MicrotestPatient? patient, OrganisationEndpoint organisation) =>
        patient?.Practice?.OdsCode is { } holder && string.Equals(holder, organisation.OdsCode, StringComparison.OrdinalIgnoreCase);

    private static List<TItem> Shareable<TItem>(MicrotestList<TItem>? list, Func<TItem, bool> isConfidential, MicrotestMappingContext context, ref int confidential)
    {
        if (list is null)
        {
            return [];
        }

        if (list.Truncated)
        {
            context.Issues.Add(new Issue("MICROTEST-TRUNCATED", IssueSeverity.Warning, IssueType.Incomplete, $"The record at {context.SourceLabel} has more pages than the adapter follows; the list was truncated."));
        }

        return ConfidentialItems.Shareable(list.Items, isConfidential, ref confidential);
    }

    private MicrotestMappingContext Context(OrganisationEndpoint organisation, string? nhsNumber) =>
        new(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), nhsNumber ?? string.Empty, ids);

    private async Task<SupplierReadResult> ReadItemAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return SupplierReadResult.NotFound;
        }

        var nhsNumber = nativeId[..slash];
        var itemId = nativeId[(slash + 1)..];
        var patient = await client.GetPatientAsync(organisation, nhsNumber, cancellationToken);
        if (patient is null || !IsAt(patient, organisation))
        {
            return SupplierReadResult.NotFound;
        }

        if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, patient.NhsNumber))
        {
            return PatientMismatch.Read(nhsNumber, patient.NhsNumber);
        }

        EnsureShareable(patient);

        MicrotestMappingContext context;
        Resource? resource;

        // As for a search: a list that names another patient is not looked into, whether or not it holds the item.
        switch (resourceType)
        {
            case T.Condition:
                var problems = await client.GetListAsync<MicrotestProblem>(organisation, nhsNumber, MicrotestClient.Problems, cancellationToken);
                if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, problems?.NhsNumber))
                {
                    return PatientMismatch.Read(nhsNumber, problems.NhsNumber);
                }

                context = Context(organisation, problems?.NhsNumber);
                resource = problems?.Items.FirstOrDefault(p => p.Id == itemId && !p.Confidential) is { } p ? MicrotestConditionMapper.Map(p, context) : null;
                break;
            case T.AllergyIntolerance:
                var allergies = await client.GetListAsync<MicrotestAllergy>(organisation, nhsNumber, MicrotestClient.Allergies, cancellationToken);
                if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, allergies?.NhsNumber))
                {
                    return PatientMismatch.Read(nhsNumber, allergies.NhsNumber);
                }

                context = Context(organisation, allergies?.NhsNumber);
                resource = allergies?.Items.FirstOrDefault(a => a.Id == itemId && !a.Confidential) is { } a
                    ? MicrotestAllergyIntoleranceMapper.Map(a, context)
                    : allergies?.NoKnownAllergies is { } none && none.Id == itemId ? MicrotestAllergyIntoleranceMapper.Map(none, context) : null;
                break;
            case T.MedicationStatement or T.Medication:
                var medications = await client.GetListAsync<MicrotestMedication>(organisation, nhsNumber, MicrotestClient.Medications, cancellationToken);
                if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, medications?.NhsNumber))
                {
                    return PatientMismatch.Read(nhsNumber, medications.NhsNumber);
                }

                context = Context(organisation, medications?.NhsNumber);
                var medication = medications?.Items.FirstOrDefault(m => m.Id == itemId && !m.Confidential);
                resource = medication is null
                    ? null
                    : resourceType == T.Medication ? MicrotestMedicationMapper.Map(medication, context) : MicrotestMedicationStatementMapper.Map(medication, context);
                break;
            default:
                return SupplierReadResult.NotFound;
        }

        return (resource is null ? new SupplierReadResult(null, context.Issues) : new(ToSupplierResource(resource, nativeId, patient, context), context.Issues)) with { AskedAbout = PatientSelector.ForNativeId(nhsNumber), RecordNhsNumber = context.NhsNumber.Length == 0 ? patient.NhsNumber : context.NhsNumber };
    }

    private bool Add(List<SupplierResource> list, Resource? resource, MicrotestPatient patient, MicrotestMappingContext context, string nativeId)
    {
        if (resource is null)
        {
            return false;
        }

        list.Add(ToSupplierResource(resource, nativeId, patient, context));
        return true;
    }

    private SupplierResource ToSupplierResource(Resource resource, string nativeId, MicrotestPatient? patient, MicrotestMappingContext? context) =>
        new(
            resource.TypeName,
            nativeId,
            resource.ToElementNode(model),
            patient?.RecordVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            context is null || context.NhsNumber.Length == 0 ? null : context.NhsNumber,
            context is null || context.NhsNumber.Length == 0 ? null : context.NhsNumber);

    private static void EnsureShareable(MicrotestPatient patient) =>
        PatientRestrictedException.ThrowIfRestricted(sensitive: patient.Sensitive, dissent: patient.SharingDissent);
}
