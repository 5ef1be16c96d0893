using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision;

/// <summary>
/// The INPS Vision adapter: asks the HL7 v2.5 interface for only the record area a search needs (the exists query
/// for demographics), takes the record only when PD1-3 names the organisation asked, refuses dissenting and
/// sensitive patients, maps to UK Core through one mapper per resource type, leaves out items marked confidential
/// (ZCF, with a <c>confidential-items</c> warning) and reports items it cannot map instead of failing.
/// </summary>
internal sealed class VisionSupplierAdapter(VisionClient client, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider)
    : SupplierAdapterBase<VisionRecord, VisionMappingContext>(Declared, model)
{
    /// <summary>
    /// The Vision query filters by record area only: every other criterion is applied by the gateway. The usual GP
    /// (PD1-4) is readable as a Practitioner; other clinicians are only named by SDS user id.
    /// </summary>
    public static readonly SupplierDeclaration Declared = new(VisionCodeSystems.SupplierId, VisionCodeSystems.DisplayName, "Vision", SupplierDeclaration.PatientRecordCapabilities(practitioners: true));

    public override async Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        var record = await client.GetRecordAsync(organisation, nhsNumber.Value, null, cancellationToken);
        return IsAt(record, organisation);
    }

    /// <summary>
    /// The record held at <paramref name="organisation"/> (the QPD-4 area of the type, the exists query for demographics);
    /// <see langword="null"/> when it does not hold the patient (AE with QAK-2 NF / ERR 204, or PD1-3 naming another practice).
    /// </summary>
    protected override async Task<VisionRecord?> FetchRecordAsync(OrganisationEndpoint organisation, string patientId, string resourceType, CancellationToken cancellationToken)
    {
        var record = await client.GetRecordAsync(organisation, patientId, Area(resourceType), cancellationToken);
        return IsAt(record, organisation) ? record : null;
    }

    // The interface carries no record version, so resources have no versionId/ETag.
    protected override RecordFacts Facts(VisionRecord record) =>
        new(record.Patient.NhsNumber, record.Patient.Sensitive, record.Patient.Dissent, null);

    /// <summary>The mapping context of an answer Vision has just given: its resources say they were retrieved now.</summary>
    protected override VisionMappingContext CreateContext(OrganisationEndpoint organisation, VisionRecord record) =>
        Context(organisation, record.Patient.NhsNumber);

    protected override void MapSearch(VisionRecord record, string resourceType, MappedItems items)
    {
        var context = items.Context;
        switch (resourceType)
        {
            case T.Patient:
                items.Match(VisionPatientMapper.Map(record.Patient, context), context.NhsNumber);
                break;
            case T.Condition:
                foreach (var problem in items.Shareable(record.Problems, p => p.Confidential))
                {
                    items.Match(VisionConditionMapper.Map(problem, context), context.ItemNativeId(problem.Id));
                }

                break;
            case T.AllergyIntolerance:
                foreach (var allergy in items.Shareable(record.Allergies, a => a.Confidential))
                {
                    items.Match(VisionAllergyIntoleranceMapper.Map(allergy, context), context.ItemNativeId(allergy.Id));
                }

                break;
            default:
                foreach (var medication in items.Shareable(record.Medications, m => m.Confidential))
                {
                    var nativeId = context.ItemNativeId(medication.Id);
                    // Every statement's Medication goes back (the gateway's merge keys statements by dm+d code); only an _include releases them (ADR 0007).
                    if (items.Match(VisionMedicationStatementMapper.Map(medication, context), nativeId))
                    {
                        items.Include(VisionMedicationMapper.Map(medication, context), nativeId);
                    }
                }

                break;
        }
    }

    protected override Resource? MapItem(VisionRecord record, string resourceType, string itemId, VisionMappingContext context) => resourceType switch
    {
        T.Patient => VisionPatientMapper.Map(record.Patient, context),
        T.Condition => record.Problems.FirstOrDefault(p => p.Id == itemId && !p.Confidential) is { } p ? VisionConditionMapper.Map(p, context) : null,
        T.AllergyIntolerance => record.Allergies.FirstOrDefault(a => a.Id == itemId && !a.Confidential) is { } a ? VisionAllergyIntoleranceMapper.Map(a, context) : null,
        T.MedicationStatement => record.Medications.FirstOrDefault(m => m.Id == itemId && !m.Confidential) is { } m ? VisionMedicationStatementMapper.Map(m, context) : null,
        T.Medication => record.Medications.FirstOrDefault(m => m.Id == itemId && !m.Confidential) is { } m ? VisionMedicationMapper.Map(m, context) : null,
        T.Practitioner => record.Patient.UsualGp is { } gp && gp.SdsUserId == itemId ? VisionPractitionerMapper.Map(gp, context) : null,
        _ => null,
    };

    /// <summary>The interface has no organisation query: the practice is the directory entry itself.</summary>
    protected override Task<SupplierReadResult?> ReadUnscopedAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        if (resourceType != T.Organization)
        {
            return Task.FromResult<SupplierReadResult?>(null);
        }

        if (!string.Equals(nativeId, organisation.OdsCode, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult<SupplierReadResult?>(SupplierReadResult.NotFound);
        }

        var organisationContext = Context(organisation, string.Empty);
        return Task.FromResult<SupplierReadResult?>(Single(VisionOrganizationMapper.Map(new VisionPractice(organisation.Name, organisation.OdsCode), organisationContext), nativeId, null, organisationContext));
    }

    /// <summary>
    /// A Patient search by family name (+ birth date): the demographic query (VDQ), then each match's exists query, mapped
    /// as the NHS-number search maps it. Patients held elsewhere, who dissented or are flagged sensitive are left out
    /// without a word, so a name search cannot reveal them; the gateway applies the other criteria (given, gender, date prefixes).
    /// A match whose record names no NHS number is left out with a <c>VISION-UNMAPPABLE</c> warning (as EMIS and TPP do),
    /// not refused as malformed: that would fail the whole answer and hide every other match.
    /// </summary>
    protected override async Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
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
                var context = CreateContext(organisation, record);
                var patient = VisionPatientMapper.Map(record.Patient, context);
                return (patient is null ? null : ToSupplierResource(patient, context.NhsNumber, null, context), context.Issues);
            },
            found.Truncated ? new Issue("VISION-SEARCH-TRUNCATED", IssueSeverity.Warning, IssueType.TooCostly, $"{VisionCodeSystems.DisplayName} at {SupplierCallRunner.OrganisationLabel(organisation)} found more patients than it returns; narrow the search (add given, birthdate or gender).") : null,
            cancellationToken);
    }

    /// <summary>The birth date Vision can filter on natively (<c>yyyyMMdd</c>): one <c>eq</c> value of day precision; anything else is filtered by the gateway.</summary>
    internal static string? ExactBirthDate(SearchRequest request) =>
        request.ExactBirthDate()?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

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

    private VisionMappingContext Context(OrganisationEndpoint organisation, string nhsNumber) =>
        new(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), nhsNumber, ids, timeProvider.GetUtcNow());
}
