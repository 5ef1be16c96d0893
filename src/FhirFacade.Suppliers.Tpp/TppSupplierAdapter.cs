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
    : SupplierAdapterBase<TppRecord, TppMappingContext>(Declared, model)
{
    /// <summary>The TPP query API filters by record area only: every other criterion is applied by the gateway.</summary>
    public static readonly SupplierDeclaration Declared = new(TppCodeSystems.SupplierId, "TPP SystmOne", "TPP", SupplierDeclaration.PatientRecordCapabilities(practitioners: true));

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

    protected override void MapSearch(TppRecord record, string resourceType, MappedItems items)
    {
        var context = items.Context;
        switch (resourceType)
        {
            case T.Patient:
                items.Match(TppPatientMapper.Map(record, context), context.NhsNumber);
                break;
            case T.Condition:
                foreach (var problem in items.Shareable(record.Problems, p => p.Private))
                {
                    items.Match(TppConditionMapper.Map(problem, context), RowId(context, problem.RowId));
                }

                break;
            case T.AllergyIntolerance:
                foreach (var allergy in items.Shareable(record.Allergies, a => a.Private))
                {
                    items.Match(TppAllergyIntoleranceMapper.Map(allergy, context), RowId(context, allergy.RowId));
                }

                if (record.NoKnownAllergies is { } noKnownAllergies)
                {
                    items.Match(TppAllergyIntoleranceMapper.Map(noKnownAllergies, context), RowId(context, noKnownAllergies.RowId));
                }

                break;
            default:
                foreach (var medication in items.Shareable(record.Medications, m => m.Private))
                {
                    if (items.Match(TppMedicationStatementMapper.Map(medication, context), RowId(context, medication.RowId)))
                    {
                        items.Include(TppMedicationMapper.Map(medication, context), RowId(context, medication.RowId));
                    }
                }

                break;
        }
    }

    /// <summary>A row id is a SystmOne row number; anything else names no row (checked before TPP is asked).</summary>
    protected override bool IsItemId(string resourceType, string itemId) =>
        resourceType == T.Patient || long.TryParse(itemId, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    protected override Resource? MapItem(TppRecord record, string resourceType, string itemId, TppMappingContext context)
    {
        if (resourceType == T.Patient)
        {
            return TppPatientMapper.Map(record, context);
        }

        var rowId = long.Parse(itemId, NumberStyles.None, CultureInfo.InvariantCulture);
        return resourceType switch
        {
            T.Condition => record.Problems?.FirstOrDefault(p => p.RowId == rowId && !p.Private) is { } p ? TppConditionMapper.Map(p, context) : null,
            T.AllergyIntolerance => record.Allergies?.FirstOrDefault(a => a.RowId == rowId && !a.Private) is { } a
                ? TppAllergyIntoleranceMapper.Map(a, context)
                : record.NoKnownAllergies is { } nka && nka.RowId == rowId ? TppAllergyIntoleranceMapper.Map(nka, context) : null,
            T.MedicationStatement => record.Medications?.FirstOrDefault(m => m.RowId == rowId && !m.Private) is { } m ? TppMedicationStatementMapper.Map(m, context) : null,
            T.Medication => record.Medications?.FirstOrDefault(m => m.RowId == rowId && !m.Private) is { } m ? TppMedicationMapper.Map(m, context) : null,
            T.Practitioner => record.Patient?.Registration?.UsualGp is { } gp && gp.StaffRowId == rowId ? TppPractitionerMapper.Map(gp, context) : null,
            _ => null,
        };
    }

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
    /// A Patient search by family name (+ date of birth): TPP's <c>PatientSearch</c>, then each match's demographics.
    /// Patients who dissented or are flagged sensitive, and records whose demographics the unit withholds, are left
    /// out without a word, so a name search cannot reveal them; the gateway applies the other criteria.
    /// </summary>
    protected override async Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        var family = query.Request.PlainFamily();
        if (query.ResourceType != T.Patient || family is null)
        {
            return new SupplierSearchResult([], [], [new Issue("TPP-NO-DEMOGRAPHIC-SEARCH", IssueSeverity.Information, IssueType.NotSupported, $"TPP SystmOne at {SupplierCallRunner.OrganisationLabel(organisation)} searches patients by NHS number, or by family name (starts-with, no modifier) and date of birth.")]);
        }

        var found = await client.SearchPatientsAsync(organisation, family, ExactBirthDate(query.Request), cancellationToken);
        if (found?.NhsNumbers is not { Count: > 0 } nhsNumbers)
        {
            return SupplierSearchResult.Empty;
        }

        return await DemographicSearch.CollectAsync(
            nhsNumbers,
            (nhsNumber, token) => GetRecordAsync(organisation, nhsNumber, TppCodeSystems.AreaDemographics, token),
            record => record.Patient is { Sensitive: false, Dissent: false } && WithheldArea(organisation, record, T.Patient) is null,
            record =>
            {
                var context = CreateContext(organisation, record);
                var patient = TppPatientMapper.Map(record, context);
                return (patient is null ? null : ToSupplierResource(patient, context.NhsNumber, Facts(record).Version, context), context.Issues);
            },
            found.Truncated ? new Issue("TPP-SEARCH-TRUNCATED", IssueSeverity.Warning, IssueType.TooCostly, $"TPP SystmOne at {SupplierCallRunner.OrganisationLabel(organisation)} found more patients than it returns; narrow the search (add given, birthdate or gender).") : null,
            cancellationToken);
    }

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

    private static string RowId(TppMappingContext context, long? rowId) =>
        rowId is { } id ? context.RowNativeId(id) : string.Empty;

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
