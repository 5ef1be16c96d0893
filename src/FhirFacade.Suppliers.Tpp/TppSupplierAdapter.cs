using System.Globalization;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Terminology;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Tpp;

/// <summary>
/// The TPP SystmOne adapter: queries the JSON API for only the record area a search needs, takes the record
/// of the organisation asked (a patient may be held by several units), maps it to UK Core through one mapper
/// per resource type, leaves out private items (with a <c>confidential-items</c> warning), reports areas the
/// unit withholds (a <c>SHARING-AREA-WITHHELD</c> warning in a search, 403 for a read), and turns a
/// third-party-sharing refusal into a <see cref="SupplierFailureKind.Refused"/> the gateway reports — never an empty answer.
/// </summary>
internal sealed class TppSupplierAdapter(TppClient client, [FromKeyedServices(TppCodeSystems.SupplierId)] SnomedConceptMap ctv3Map, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider)
    : SupplierAdapterBase<TppRecord, TppMappingContext>(Declared, model, Lists)
{
    /// <summary>The TPP query API filters by record area only: every other criterion is applied by the gateway.</summary>
    public static readonly SupplierDeclaration Declared = new(TppCodeSystems.SupplierId, "TPP SystmOne", "TPP", SupplierDeclaration.PatientRecordCapabilities(practitioners: true));

    /// <summary>
    /// Items by SystmOne row id (private ones are confidential); the "no known allergies" entry after the allergies, and
    /// the usual GP of the registration by staff row id.
    /// </summary>
    private static readonly RecordLists Lists = new RecordLists()
        .Add(T.Condition, r => r.Problems, p => p.Private, p => RowId(p.RowId), TppConditionMapper.Map)
        .Add(T.AllergyIntolerance, r => r.Allergies, a => a.Private, a => RowId(a.RowId), TppAllergyIntoleranceMapper.Map)
        .AddOne(T.AllergyIntolerance, r => r.NoKnownAllergies, n => RowId(n.RowId), TppAllergyIntoleranceMapper.Map)
        .AddMedications(r => r.Medications, m => m.Private, m => RowId(m.RowId), TppMedicationStatementMapper.Map, TppMedicationMapper.Map)
        .AddOne(T.Practitioner, r => r.Patient?.Registration?.UsualGp, gp => RowId(gp.StaffRowId), TppPractitionerMapper.Map);

    public override async Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        // A unit with sharing switched off still holds the patient: the refusal is reported when the record is asked for.
        var answer = await client.PatientExistsAsync(organisation, nhsNumber.Value, cancellationToken);
        return answer is { Held: true } && (answer.Units ?? []).Any(u => IsOrganisation(u, organisation));
    }

    /// <summary>The record of <paramref name="organisation"/> (a refusal there throws); <see langword="null"/> when the unit does not hold the patient.</summary>
    protected override Task<TppRecord?> FetchRecordAsync(OrganisationEndpoint organisation, string patientId, string resourceType, CancellationToken cancellationToken) =>
        Area(resourceType) is { } area ? GetRecordAsync(organisation, patientId, area, cancellationToken) : Task.FromResult<TppRecord?>(null);

    protected override RecordFacts Facts(TppRecord record) =>
        new(record.Patient?.NhsNumber, record.Patient?.Sensitive == true, record.Patient?.Dissent == true, record.RecordVersion?.ToString(CultureInfo.InvariantCulture));

    /// <summary>The mapping context of an answer TPP has just given: its resources say they were retrieved now.</summary>
    protected override TppMappingContext CreateContext(OrganisationEndpoint organisation, TppRecord record) =>
        Context(organisation, record.Patient?.NhsNumber);

    /// <summary>An area the unit does not share: a search answers with the warning alone, a read is refused 403.</summary>
    protected override Issue? WithheldArea(OrganisationEndpoint organisation, TppRecord record, string resourceType) =>
        Area(resourceType) is { } area && (record.WithheldAreas ?? []).Contains(area, StringComparer.Ordinal)
            ? SharingIssues.AreaWithheldBySupplier(organisation, DisplayName, area)
            : null;

    protected override Resource? MapPatient(TppRecord record, TppMappingContext context) => TppPatientMapper.Map(record, context);

    /// <summary>A row id is a SystmOne row number; anything else names no row (checked before TPP is asked).</summary>
    protected override bool IsItemId(string resourceType, string itemId) =>
        resourceType == T.Patient || long.TryParse(itemId, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>A row id is read as a number (<c>007</c> is row 7).</summary>
    protected override Resource? MapItem(TppRecord record, string resourceType, string itemId, TppMappingContext context) =>
        base.MapItem(record, resourceType, resourceType == T.Patient ? itemId : RowId(long.Parse(itemId, NumberStyles.None, CultureInfo.InvariantCulture))!, context);

    /// <summary>A unit is read by its ODS code, through TPP's organisation query.</summary>
    protected override async Task<SupplierReadResult?> ReadUnscopedAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        if (resourceType != T.Organization)
        {
            return null;
        }

        var unit = (await client.GetOrganisationAsync(organisation, nativeId, cancellationToken))?.Unit;
        var unitContext = Context(organisation, null);
        return unit is null || !string.Equals(unit.OdsCode, nativeId, StringComparison.OrdinalIgnoreCase)
            ? SupplierReadResult.NotFound
            : Single(TppOrganizationMapper.Map(unit, unitContext), nativeId, null, unitContext);
    }

    /// <summary>
    /// TPP's <c>PatientSearch</c> by family name (+ date of birth), then each match's demographics; records whose
    /// demographics the unit withholds are left out without a word, as restricted patients are.
    /// </summary>
    protected override bool SearchesByName => true;

    protected override async Task<PatientMatches> FindPatientsAsync(OrganisationEndpoint organisation, string family, SearchRequest request, CancellationToken cancellationToken) =>
        await client.SearchPatientsAsync(organisation, family, ExactBirthDate(request), cancellationToken) is { NhsNumbers: { } found } answer ? new(found, answer.Truncated) : PatientMatches.None;

    protected override bool ListedInNameSearch(OrganisationEndpoint organisation, TppRecord record) =>
        record.Patient is not null && WithheldArea(organisation, record, T.Patient) is null;

    /// <summary>The date of birth TPP can filter on natively: one <c>eq</c> value of day precision; anything else is filtered by the gateway.</summary>
    private static string? ExactBirthDate(SearchRequest request) =>
        request.ExactBirthDate()?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Area(string resourceType) => resourceType switch
    {
        T.Patient or T.Practitioner => TppCodeSystems.AreaDemographics,
        T.Condition => TppCodeSystems.AreaProblems,
        T.AllergyIntolerance => TppCodeSystems.AreaAllergies,
        T.MedicationStatement or T.Medication => TppCodeSystems.AreaMedications,
        _ => null,
    };

    private static bool IsOrganisation(TppUnit? unit, OrganisationEndpoint organisation) =>
        string.Equals(unit?.OdsCode, organisation.OdsCode, StringComparison.OrdinalIgnoreCase);

    private static string? RowId(long? rowId) => rowId?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The record of <paramref name="organisation"/> (a refusal there throws); <see langword="null"/> when the unit does not hold the patient.</summary>
    private async Task<TppRecord?> GetRecordAsync(OrganisationEndpoint organisation, string nhsNumber, string area, CancellationToken cancellationToken)
    {
        var answer = await client.GetPatientRecordAsync(organisation, nhsNumber, [area], cancellationToken);
        var record = answer?.Records?.FirstOrDefault(r => IsOrganisation(r.Unit, organisation));
        return record?.SharingStatus switch
        {
            null => null,
            TppCodeSystems.SharingShared => record,
            TppCodeSystems.SharingRefused => throw TppClient.SharingRefused(),
            _ => throw new SupplierException(SupplierFailureKind.Malformed, "TPP sent a record with an unknown sharing status."),
        };
    }

    private TppMappingContext Context(OrganisationEndpoint organisation, string? nhsNumber) =>
        new(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), nhsNumber ?? string.Empty, ctv3Map, ids, timeProvider.GetUtcNow());
}
