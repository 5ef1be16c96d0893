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
    : SupplierAdapterBase<QuillRecord, QuillMappingContext>(Declared, model)
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

    protected override void MapSearch(QuillRecord record, string resourceType, MappedItems items)
    {
        var context = items.Context;
        switch (resourceType)
        {
            case T.Patient:
                items.Match(QuillMappers.Patient(record.Patient, context), context.NhsNumber);
                break;
            case T.Condition:
                foreach (var problem in items.Shareable(record.Problems, p => p.Confidential))
                {
                    items.Match(QuillMappers.Condition(problem, context), context.ItemNativeId(problem.Id));
                }

                break;
            case T.AllergyIntolerance:
                foreach (var allergy in items.Shareable(record.Allergies, a => a.Confidential))
                {
                    items.Match(QuillMappers.AllergyIntolerance(allergy, context), context.ItemNativeId(allergy.Id));
                }

                break;
            default:
                foreach (var medication in items.Shareable(record.Medications, m => m.Confidential))
                {
                    if (items.Match(QuillMappers.MedicationStatement(medication, context), context.ItemNativeId(medication.Id)))
                    {
                        items.Include(QuillMappers.Medication(medication, context), context.ItemNativeId(medication.Id));
                    }
                }

                break;
        }
    }

    protected override Resource? MapItem(QuillRecord record, string resourceType, string itemId, QuillMappingContext context) => resourceType switch
    {
        T.Patient => QuillMappers.Patient(record.Patient, context),
        T.Condition => record.Problems.FirstOrDefault(p => p.Id == itemId && !p.Confidential) is { } p ? QuillMappers.Condition(p, context) : null,
        T.AllergyIntolerance => record.Allergies.FirstOrDefault(a => a.Id == itemId && !a.Confidential) is { } a ? QuillMappers.AllergyIntolerance(a, context) : null,
        T.MedicationStatement => record.Medications.FirstOrDefault(m => m.Id == itemId && !m.Confidential) is { } m ? QuillMappers.MedicationStatement(m, context) : null,
        T.Medication => record.Medications.FirstOrDefault(m => m.Id == itemId && !m.Confidential) is { } m ? QuillMappers.Medication(m, context) : null,
        _ => null,
    };

    /// <summary>Quill has no demographic search: a Patient search must name the patient.</summary>
    protected override Task<SupplierSearchResult> SearchByDemographicsAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new SupplierSearchResult([], [], [new Issue("QUILL-NO-DEMOGRAPHIC-SEARCH", IssueSeverity.Information, IssueType.NotSupported, $"Quill at {SupplierCallRunner.OrganisationLabel(organisation)} searches patients by NHS number only.")]));
}
