using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Emis;

/// <summary>
/// The EMIS Web adapter: fetches the XML record (only the section a search needs) and maps it to UK Core through one
/// mapper per resource type. The screening, confidential items and the answer's shape are
/// <see cref="SupplierAdapterBase{TRecord, TContext}"/>'s.
/// </summary>
internal sealed class EmisSupplierAdapter(EmisClient client, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider)
    : SupplierAdapterBase<EmisPatientRecord, EmisMappingContext>(Declared, model)
{
    /// <summary>The EMIS API filters by record section only: every other criterion is applied by the gateway.</summary>
    public static readonly SupplierDeclaration Declared = new(EmisCodeSystems.SupplierId, "EMIS Web", "EMIS", SupplierDeclaration.PatientRecordCapabilities(practitioners: true));

    public override async Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        var summary = await client.GetPatientSummaryAsync(organisation, nhsNumber.Value, cancellationToken);
        return IsAt(summary, organisation);
    }

    protected override async Task<EmisPatientRecord?> FetchRecordAsync(OrganisationEndpoint organisation, string patientId, string resourceType, CancellationToken cancellationToken)
    {
        var section = Section(resourceType);
        var record = section is null
            ? await client.GetPatientSummaryAsync(organisation, patientId, cancellationToken)
            : await client.GetRecordAsync(organisation, patientId, section, cancellationToken);
        return IsAt(record, organisation) ? record : null;
    }

    protected override RecordFacts Facts(EmisPatientRecord record) =>
        new(record.Patient?.NhsNumber, record.Patient?.Sensitive == true, record.Patient?.Dissent == true, record.Version);

    /// <summary>The mapping context of an answer EMIS has just given: its resources say they were retrieved now.</summary>
    protected override EmisMappingContext CreateContext(OrganisationEndpoint organisation, EmisPatientRecord record) => Context(organisation, record);

    protected override void MapSearch(EmisPatientRecord record, string resourceType, MappedItems items)
    {
        var context = items.Context;
        switch (resourceType)
        {
            case T.Patient:
                items.Match(EmisPatientMapper.Map(record, context), context.NhsNumber);
                break;
            case T.Condition:
                foreach (var problem in items.Shareable(record.Problems, p => p.Confidential))
                {
                    items.Match(EmisConditionMapper.Map(problem, context), context.EventNativeId(problem.Id));
                }

                break;
            case T.AllergyIntolerance:
                foreach (var allergy in items.Shareable(record.Allergies, a => a.Confidential))
                {
                    items.Match(EmisAllergyIntoleranceMapper.Map(allergy, context), context.EventNativeId(allergy.Id));
                }

                break;
            default:
                foreach (var medication in items.Shareable(record.Medications, m => m.Confidential))
                {
                    if (items.Match(EmisMedicationStatementMapper.Map(medication, context), context.EventNativeId(medication.Id)))
                    {
                        items.Include(EmisMedicationMapper.Map(medication, context), context.EventNativeId(medication.Id));
                    }
                }

                break;
        }
    }

    protected override Resource? MapItem(EmisPatientRecord record, string resourceType, string itemId, EmisMappingContext context) => resourceType switch
    {
        T.Patient => EmisPatientMapper.Map(record, context),
        T.Condition => record.Problems.FirstOrDefault(p => p.Id == itemId && !p.Confidential) is { } p ? EmisConditionMapper.Map(p, context) : null,
        T.AllergyIntolerance => record.Allergies.FirstOrDefault(a => a.Id == itemId && !a.Confidential) is { } a ? EmisAllergyIntoleranceMapper.Map(a, context) : null,
        T.MedicationStatement => record.Medications.FirstOrDefault(m => m.Id == itemId && !m.Confidential) is { } m ? EmisMedicationStatementMapper.Map(m, context) : null,
        T.Medication => record.Medications.FirstOrDefault(m => m.Id == itemId && !m.Confidential) is { } m ? EmisMedicationMapper.Map(m, context) : null,
        _ => null,
    };

    /// <summary>Organisations and practitioners are EMIS resources of their own, read by ODS code and SDS user id.</summary>
    protected override async Task<SupplierReadResult?> ReadUnscopedAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        switch (resourceType)
        {
            case T.Organization:
                var ods = await client.GetOrganisationAsync(organisation, nativeId, cancellationToken);
                var organisationContext = Context(organisation, null);
                return ods is null ? SupplierReadResult.NotFound : Single(EmisOrganizationMapper.Map(ods, organisationContext), nativeId, null, organisationContext);
            case T.Practitioner:
                var practitioner = await client.GetPractitionerAsync(organisation, nativeId, cancellationToken);
                var practitionerContext = Context(organisation, null);
                return practitioner is null ? SupplierReadResult.NotFound : Single(EmisPractitionerMapper.Map(practitioner, practitionerContext), nativeId, null, practitionerContext);
            default:
                return null;
        }
    }

    /// <summary>
    /// A Patient search by family name (+ birth date): EMIS's demographic search, then each match's
    /// summary. Patients who dissented or are flagged sensitive are left out without a word, so a name
    /// search cannot reveal them; the gateway applies the other criteria (given, gender, date prefixes).
    /// </summary>
    protected override async Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
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
                return (patient is null ? null : ToSupplierResource(patient, context.NhsNumber, summary.Version, context), context.Issues);
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

    private EmisMappingContext Context(OrganisationEndpoint organisation, EmisPatientRecord? record) =>
        new(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), record?.Patient?.NhsNumber ?? string.Empty, ids, timeProvider.GetUtcNow());
}
