using FhirFacade.Fhir.FhirPath;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Validation.Schema;
using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.Fhir.Validation.Terminology;

namespace FhirFacade.Fhir.Validation;

/// <summary>Builds the process-wide <see cref="FhirValidator"/> from the loaded packages.</summary>
public static class FhirValidation
{
    /// <summary>
    /// A validator over <paramref name="packages"/>: snapshots from the packages (generated and disk-cached
    /// for differential-only profiles such as UK Core), bindings over the local terminology, invariants
    /// through the FHIRPath engine.
    /// </summary>
    /// <param name="packages">The loaded FHIR packages.</param>
    /// <param name="model">The R4 type model (FHIRPath <c>is</c>/<c>as</c>/<c>ofType</c>).</param>
    /// <param name="options">Validator options.</param>
    /// <param name="cacheOptions">Snapshot disk cache options; the provider's defaults when omitted.</param>
    public static FhirValidator CreateValidator(
        IConformanceResolver packages,
        IFhirModel model,
        FhirValidatorOptions? options = null,
        SnapshotCacheOptions? cacheOptions = null)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var definitions = new StructureDefinitionProvider(packages, cacheOptions ?? new SnapshotCacheOptions());
        var invariants = new FhirPathInvariantCompiler(FhirPathEngine.Default, new FhirPathContext { Model = model });
        return new FhirValidator(definitions, new LocalTerminology(packages), invariants, options);
    }
}
