using System.Globalization;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Terminology;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Tpp.Http;
using FhirFacade.Suppliers.Tpp.Mapping;
using FhirFacade.Suppliers.Tpp.Native;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Tpp;

/// <summary>
/// The TPP SystmOne adapter: queries the JSON API for only the record area a search needs, takes the record
/// of the organisation asked (a patient may be held by several units), maps it to UK Core through one mapper
/// per resource type, leaves out private items (with a <c>confidential-items</c> warning), reports areas the
/// unit withholds (a <c>SHARING-AREA-WITHHELD</c> warning in a search, 403 for a read), and turns a
/// third-party-sharing refusal into a <see cref="SupplierFailureKind.Refused"/> the gateway reports — never an empty answer.
/// </summary>
internal sealed class TppSupplierAdapter(TppClient client, SnomedConceptMap ctv3Map, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider) : ISupplierAdapter
{
    /// <summary>The supplier as exception messages name it.</summary>
    private const string Supplier = "TPP";

    private static readonly IReadOnlySet<string> NoNativeParameters = new HashSet<string>();

    public string SupplierId => TppCodeSystems.SupplierId;

    public string DisplayName => "TPP SystmOne";

    // The TPP query API filters by record area only: every other criterion is applied by the gateway.
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
        // A unit with sharing switched off still holds the patient: the refusal is reported when the record is asked for.
        var answer = await client.PatientExistsAsync(organisation, nhsNumber.Value, cancellationToken);
        return answer is { Held: true } && (answer.Units ?? []).Any(u => IsOrganisation(u, organisation));
    }

    public async Task<SupplierSearchResult> SearchAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
    {
        var nhsNumber = query.Patient.NhsNumber?.Value ?? query.Patient.NativePatientId;
        if (nhsNumber is null)
        {
            return await SearchByDemographicsAsync(organisation, query, cancellationToken);
        }

        var area = Area(query.ResourceType);
        if (area is null)
        {
            return SupplierSearchResult.Empty;
        }

        var record = await GetRecordAsync(organisation, nhsNumber, area, cancellationToken);
        if (record is null)
        {
            // 404, or no record of this unit among the patient's: the unit holds nothing for the patient (the gateway reports it).
            return SupplierSearchResult.NotHeld;
        }

        UnnamedRecord.ThrowIfNamesNoPatient(Supplier, record.Patient?.NhsNumber);
        if (PatientMismatch.IsAboutAnotherPatient(nhsNumber, record.Patient.NhsNumber))
        {
            return PatientMismatch.Search(this, organisation, query.ResourceType);
        }

        EnsureShareable(record);
        var context = Context(organisation, record);
        if (Withholds(record, area))
        {
            return new SupplierSearchResult([], [], [AreaWithheldIssue(organisation, area)]);
        }

        var matches = new List<SupplierResource>();
        var included = new List<SupplierResource>();
        var confidential = 0;
        switch (query.ResourceType)
        {
            case T.Patient:
                Add(matches, TppPatientMapper.Map(record, context), record, context, context.NhsNumber);
                break;
            case T.Condition:
                foreach (var problem in ConfidentialItems.Shareable(record.Problems, p => p.Private, ref confidential))
                {
                    Add(matches, TppConditionMapper.Map(problem, context), record, context, RowId(context, problem.RowId));
                }

                break;
            case T.AllergyIntolerance:
                foreach (var allergy in ConfidentialItems.Shareable(record.Allergies, a => a.Private, ref confidential))
                {
                    Add(matches, TppAllergyIntoleranceMapper.Map(allergy, context), record, context, RowId(context, allergy.RowId));
                }

                if (record.NoKnownAllergies is { } noKnownAllergies)
                {
                    Add(matches, TppAllergyIntoleranceMapper.Map(noKnownAllergies, context), record, context, RowId(context, noKnownAllergies.RowId));
                }

                break;
            default:
                foreach (var medication in ConfidentialItems.Shareable(record.Medications, m => m.Private, ref confidential))
                {
                    if (Add(matches, TppMedicationStatementMapper.Map(medication, context), record, context, RowId(context, medication.RowId)))
                    {
                        Add(included, TppMedicationMapper.Map(medication, context), record, context, RowId(context, medication.RowId));
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
        if (resourceType == T.Organization)
        {
            var unit = (await client.GetOrganisationAsync(organisation, nativeId, cancellationToken))?.Unit;
            var unitContext = new TppMappingContext(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), string.Empty, ctv3Map, ids, timeProvider.GetUtcNow());
            return unit is null || !string.Equals(unit.OdsCode, nativeId, StringComparison.OrdinalIgnoreCase)
                ? SupplierReadResult.NotFound
                : Single(TppOrganizationMapper.Map(unit, unitContext), nativeId, null, unitContext);
        }

        if (resourceType == T.Patient)
        {
            var record = await GetRecordAsync(organisation, nativeId, TppCodeSystems.AreaDemographics, cancellationToken);
            if (record is null)
            {
                return SupplierReadResult.NotFound;
            }

            UnnamedRecord.ThrowIfNamesNoPatient(Supplier, record.Patient?.NhsNumber);
            if (PatientMismatch.IsAboutAnotherPatient(nativeId, record.Patient.NhsNumber))
            {
                return PatientMismatch.Read(nativeId, record.Patient.NhsNumber);
            }

            EnsureShareable(record);
            var context = Context(organisation, record);
            ThrowIfWithheld(organisation, record, TppCodeSystems.AreaDemographics);
            return Single(TppPatientMapper.Map(record, context), nativeId, record, context) with { AskedAbout = PatientSelector.ForNativeId(nativeId), RecordNhsNumber = record.Patient.NhsNumber };
        }

        return await ReadRowAsync(organisation, resourceType, nativeId, cancellationToken);
    }

    /// <summary>
    /// A Patient search by family name (+ date of birth): TPP's <c>PatientSearch</c>, then each match's demographics.
    /// Patients who dissented or are flagged sensitive, and records whose demographics the unit withholds, are left
    /// out without a word, so a name search cannot reveal them; the gateway applies the other criteria.
    /// </summary>
    private async Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken)
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
            record => record.Patient is { Sensitive: false, Dissent: false } && !Withholds(record, TppCodeSystems.AreaDemographics),
            record =>
            {
                var context = Context(organisation, record);
                var patient = TppPatientMapper.Map(record, context);
                return (patient is null ? null : ToSupplierResource(patient, context.NhsNumber, record, context), context.Issues);
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

    private static bool Withholds(TppRecord record, string area) => (record.WithheldAreas ?? []).Contains(area, StringComparer.Ordinal);

    private static string RowId(TppMappingContext context, long? rowId) =>
        rowId is { } id ? context.RowNativeId(id) : string.Empty;

    private Issue AreaWithheldIssue(OrganisationEndpoint organisation, string area) =>
        SharingIssues.AreaWithheldBySupplier(organisation, DisplayName, area);

    // A read of a record in an area the unit does not share is refused like a read the configuration refuses.
    private void ThrowIfWithheld(OrganisationEndpoint organisation, TppRecord record, string area)
    {
        if (Withholds(record, area))
        {
            throw SharingIssues.Forbidden(AreaWithheldIssue(organisation, area));
        }
    }

    private static bool TryParseRowNativeId(string nativeId, out string nhsNumber, out long rowId)
    {
        var slash = nativeId.IndexOf('/', StringComparison.Ordinal);
        nhsNumber = slash > 0 ? nativeId[..slash] : string.Empty;
        rowId = 0;
        return slash > 0 && long.TryParse(nativeId.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out rowId);
    }

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

    /// <summary>The mapping context of an answer TPP has just given: its resources say they were retrieved now.</summary>
    private TppMappingContext Context(OrganisationEndpoint organisation, TppRecord record) =>
        new(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), record.Patient?.NhsNumber ?? string.Empty, ctv3Map, ids, timeProvider.GetUtcNow());

    private async Task<SupplierReadResult> ReadRowAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken)
    {
        var area = Area(resourceType);
        if (area is null || !TryParseRowNativeId(nativeId, out var nhsNumber, out var rowId))
        {
            return SupplierReadResult.NotFound;
        }

        var record = await GetRecordAsync(organisation, nhsNumber, area, cancellationToken);
        if (record is null)
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
        ThrowIfWithheld(organisation, record, area);
        Resource? resource = resourceType switch
        {
            T.Condition => record.Problems?.FirstOrDefault(p => p.RowId == rowId && !p.Private) is { } p ? TppConditionMapper.Map(p, context) : null,
            T.AllergyIntolerance => record.Allergies?.FirstOrDefault(a => a.RowId == rowId && !a.Private) is { } a
                ? TppAllergyIntoleranceMapper.Map(a, context)
                : record.NoKnownAllergies is { } nka && nka.RowId == rowId ? TppAllergyIntoleranceMapper.Map(nka, context) : null,
            T.MedicationStatement => record.Medications?.FirstOrDefault(m => m.RowId == rowId && !m.Private) is { } m ? TppMedicationStatementMapper.Map(m, context) : null,
            T.Medication => record.Medications?.FirstOrDefault(m => m.RowId == rowId && !m.Private) is { } m ? TppMedicationMapper.Map(m, context) : null,
            T.Practitioner => record.Patient.Registration?.UsualGp is { } gp && gp.StaffRowId == rowId ? TppPractitionerMapper.Map(gp, context) : null,
            _ => null,
        };
        return Single(resource, nativeId, record, context) with { AskedAbout = PatientSelector.ForNativeId(nhsNumber), RecordNhsNumber = record.Patient.NhsNumber };
    }

    private SupplierReadResult Single(Resource? resource, string nativeId, TppRecord? record, TppMappingContext context) =>
        resource is null ? new SupplierReadResult(null, context.Issues) : new(ToSupplierResource(resource, nativeId, record, context), context.Issues);

    private bool Add(List<SupplierResource> list, Resource? resource, TppRecord record, TppMappingContext context, string nativeId)
    {
        if (resource is null)
        {
            return false;
        }

        list.Add(ToSupplierResource(resource, nativeId, record, context));
        return true;
    }

    private SupplierResource ToSupplierResource(Resource resource, string nativeId, TppRecord? record, TppMappingContext context) =>
        new(
            resource.TypeName,
            nativeId,
            resource.ToElementNode(model),
            record?.RecordVersion?.ToString(CultureInfo.InvariantCulture),
            context.NhsNumber.Length == 0 ? null : context.NhsNumber,
            context.NhsNumber.Length == 0 ? null : context.NhsNumber);

    private static void EnsureShareable(TppRecord record) =>
        PatientRestrictedException.ThrowIfRestricted(sensitive: record.Patient?.Sensitive == true, dissent: record.Patient?.Dissent == true);
}
