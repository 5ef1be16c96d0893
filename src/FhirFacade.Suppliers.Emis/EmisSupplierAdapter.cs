using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Emis;

/// <summary>
/// The EMIS Web adapter: fetches the XML record (only the section a search needs) and maps it to UK Core through one
/// mapper per resource type. The screening, confidential items and the answer's shape are
/// <see cref="SupplierAdapterBase{TRecord, TContext}"/>'s.
/// </summary>
internal sealed class EmisSupplierAdapter(EmisClient client, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider)
    : SupplierAdapterBase<EmisPatientRecord, EmisMappingContext>(Declared, model, Lists)
{
    /// <summary>The EMIS API filters by record section only: every other criterion is applied by the gateway.</summary>
    public static readonly SupplierDeclaration Declared = new(EmisCodeSystems.SupplierId, "EMIS Web", "EMIS", SupplierDeclaration.PatientRecordCapabilities(practitioners: true));

    /// <summary>Problems, allergies and medications are lists of events, each with its EMIS event id.</summary>
    private static readonly RecordLists Lists = new RecordLists()
        .Add(T.Condition, r => r.Problems, p => p.Confidential, p => p.Id, EmisConditionMapper.Map)
        .Add(T.AllergyIntolerance, r => r.Allergies, a => a.Confidential, a => a.Id, EmisAllergyIntoleranceMapper.Map)
        .AddMedications(r => r.Medications, m => m.Confidential, m => m.Id, EmisMedicationStatementMapper.Map, EmisMedicationMapper.Map);

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

    protected override Resource? MapPatient(EmisPatientRecord record, EmisMappingContext context) => EmisPatientMapper.Map(record, context);

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

    /// <summary>EMIS's demographic search: family name (starts-with) and an exact birth date; a summary without its patient is not listed.</summary>
    protected override bool SearchesByName => true;

    protected override async Task<PatientMatches> FindPatientsAsync(OrganisationEndpoint organisation, string family, SearchRequest request, CancellationToken cancellationToken) =>
        await client.SearchPatientsAsync(organisation, family, ExactBirthDate(request), cancellationToken) is { } found ? new(found.NhsNumbers, found.Truncated) : PatientMatches.None;

    protected override bool ListedInNameSearch(OrganisationEndpoint organisation, EmisPatientRecord record) => record.Patient is not null;

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
