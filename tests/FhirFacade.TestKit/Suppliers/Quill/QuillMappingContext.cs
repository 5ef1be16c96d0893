using FhirFacade.Core.Identity;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Terminology;

namespace FhirFacade.TestKit.Suppliers.Quill;

/// <summary>The <see cref="SupplierMappingContext"/> of Quill's mappers: everything is inherited but the code map and how issues are worded.</summary>
public sealed class QuillMappingContext(string odsCode, string organisationLabel, string nhsNumber, SnomedConceptMap localMap, ResourceIdCodec ids, DateTimeOffset? retrieved)
    : SupplierMappingContext(QuillSupplierAdapter.Declared, odsCode, organisationLabel, nhsNumber, ids, retrieved)
{
    /// <summary>Quill local code → SNOMED CT.</summary>
    public SnomedConceptMap LocalMap { get; } = localMap;

    public void Unmappable(string what, string itemId, string reason) => ReportUnmappable(what, itemId, reason);

    public void Degraded(string what, string itemId, string reason) => ReportDegraded(what, itemId, reason);

    public void UnmappedCode(string what, string itemId, string code) => ReportUnmappedCode(what, itemId, "Quill local", code);
}
