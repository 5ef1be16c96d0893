using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Terminology;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.TestKit.Suppliers.Quill;

/// <summary>
/// The adapter of Quill, the test-only supplier: its declaration, its one native call, and which mapper maps what. Every
/// other step (screening, confidential items, the answer's shape) is <see cref="SupplierAdapterBase{TRecord, TContext}"/>'s.
/// </summary>
public sealed class QuillSupplierAdapter(QuillClient client, [FromKeyedServices(QuillSupplierAdapter.SupplierKey)] SnomedConceptMap localMap, IFhirModel model, ResourceIdCodec ids, TimeProvider timeProvider)
    : SupplierAdapterBase<QuillRecord, QuillMappingContext>(Declared, model, Lists)
{
    /// <summary>The supplier id (configuration, resource ids, keyed services).</summary>
    public const string SupplierKey = "quill";

    /// <summary>Quill filters by nothing: every criterion is applied by the gateway.</summary>
    public static readonly SupplierDeclaration Declared = new(
        SupplierKey,
        "Quill",
        "Quill",
        [
            SupplierResourceCapability.Searched(T.Patient),
            SupplierResourceCapability.Searched(T.AllergyIntolerance),
            SupplierResourceCapability.Searched(T.Condition),
            SupplierResourceCapability.Searched(T.MedicationStatement),
            SupplierResourceCapability.ReadOnly(T.Medication),
        ]);

    /// <summary>Which native list each resource type is mapped from (items by their Quill ids).</summary>
    private static readonly RecordLists Lists = new RecordLists()
        .Add(T.Condition, r => r.Problems, p => p.Confidential, p => p.Id, QuillMappers.Condition)
        .Add(T.AllergyIntolerance, r => r.Allergies, a => a.Confidential, a => a.Id, QuillMappers.AllergyIntolerance)
        .AddMedications(r => r.Medications, m => m.Confidential, m => m.Id, QuillMappers.MedicationStatement, QuillMappers.Medication);

    public override async Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken) =>
        await FetchRecordAsync(organisation, nhsNumber.Value, T.Patient, cancellationToken) is not null;

    protected override async Task<QuillRecord?> FetchRecordAsync(OrganisationEndpoint organisation, string patientId, string resourceType, CancellationToken cancellationToken)
    {
        var record = await client.GetRecordAsync(patientId, cancellationToken);
        return record is not null && string.Equals(record.PracticeOds, organisation.OdsCode, StringComparison.OrdinalIgnoreCase) ? record : null;
    }

    protected override RecordFacts Facts(QuillRecord record) =>
        new(record.Patient.NhsNumber, record.Patient.Sensitive, record.Patient.Dissent, record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));

    protected override QuillMappingContext CreateContext(OrganisationEndpoint organisation, QuillRecord record) =>
        new(organisation.OdsCode, SupplierCallRunner.OrganisationLabel(organisation), record.Patient.NhsNumber ?? string.Empty, localMap, ids, timeProvider.GetUtcNow());

    /// <summary>The patient. Quill has no demographic search: the skeleton answers that a Patient search must name the patient.</summary>
    protected override Resource? MapPatient(QuillRecord record, QuillMappingContext context) => QuillMappers.Patient(record.Patient, context);
}
