using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision;

/// <summary>
/// The INPS Vision adapter: asks the HL7 v2.5 interface for only the record area a search needs (the exists query
/// for demographics), takes the record only when PD1-3 names the organisation asked, refuses dissenting and
/// sensitive patients, maps to UK Core through one mapper per resource type, leaves out items marked confidential
/// (ZCF, with a <c>confidential-items</c> warning) and reports items it cannot map instead of failing.
/// </summary>
internal sealed class VisionSupplierAdapter(VisionClient client, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider)
    : SupplierAdapterBase<VisionRecord, VisionMappingContext>(Declared, model, Lists)
{
    /// <summary>
    /// The Vision query filters by record area only: every other criterion is applied by the gateway. The usual GP
    /// (PD1-4) is readable as a Practitioner; other clinicians are only named by SDS user id.
    /// </summary>
    public static readonly SupplierDeclaration Declared = new(VisionCodeSystems.SupplierId, VisionCodeSystems.DisplayName, "Vision", SupplierDeclaration.PatientRecordCapabilities(practitioners: true));

    /// <summary>Problems, allergies and medications by their row ids (ZCF marks the confidential ones); the usual GP of PD1-4 by SDS user id.</summary>
    private static readonly RecordLists Lists = new RecordLists()
        .Add(T.Condition, r => r.Problems, p => p.Confidential, p => p.Id, VisionConditionMapper.Map)
        .Add(T.AllergyIntolerance, r => r.Allergies, a => a.Confidential, a => a.Id, VisionAllergyIntoleranceMapper.Map)
        .AddMedications(r => r.Medications, m => m.Confidential, m => m.Id, VisionMedicationStatementMapper.Map, VisionMedicationMapper.Map)
        .AddOne(T.Practitioner, r => r.Patient.UsualGp, gp => gp.SdsUserId, VisionPractitionerMapper.Map);

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

    protected override Resource? MapPatient(VisionRecord record, VisionMappingContext context) => VisionPatientMapper.Map(record.Patient, context);

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
    /// The demographic query (VDQ) by family name (+ birth date); each match is then read with its exists query, mapped as
    /// the NHS-number search maps it. A match whose record names no NHS number is left out with a <c>VISION-UNMAPPABLE</c>
    /// warning (as EMIS and TPP do), not refused as malformed: that would fail the whole answer and hide every other match.
    /// </summary>
    protected override bool SearchesByName => true;

    protected override async Task<PatientMatches> FindPatientsAsync(OrganisationEndpoint organisation, string family, SearchRequest request, CancellationToken cancellationToken)
    {
        var found = await client.SearchPatientsAsync(organisation, family, ExactBirthDate(request), cancellationToken);
        return new(found.NhsNumbers, found.Truncated);
    }

    /// <summary>A match's exists query, taken only when PD1-3 names the organisation asked.</summary>
    protected override async Task<VisionRecord?> FetchMatchAsync(OrganisationEndpoint organisation, string nhsNumber, CancellationToken cancellationToken)
    {
        var record = await client.GetMatchAsync(organisation, nhsNumber, cancellationToken);
        return IsAt(record, organisation) ? record : null;
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
