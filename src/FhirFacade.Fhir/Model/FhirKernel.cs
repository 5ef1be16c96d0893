using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Serialization.Json;

namespace FhirFacade.Fhir.Model;

/// <summary>
/// The kernel's shared, immutable services over one set of FHIR packages: the packages, the type
/// model, and the JSON parser and serializer. Create one per package set and share it; thread-safe.
/// </summary>
public sealed class FhirKernel
{
    private static readonly Lazy<FhirKernel> ProjectKernel = new(
        () => Create(FhirPackageSet.OpenProject()), LazyThreadSafetyMode.ExecutionAndPublication);

    private FhirKernel(FhirPackageSet packages)
    {
        Packages = packages;
        Model = FhirModel.Create(packages);
        JsonParser = new FhirJsonParser(Model);
        JsonSerializer = new FhirJsonSerializer();
    }

    /// <summary>
    /// The process-wide kernel over the project's packages (<c>profiles/package.json</c>, see
    /// <see cref="FhirPackageSet.OpenProject"/>), opened once on first use.
    /// </summary>
    /// <exception cref="FhirPackageException">On first use, when the project's packages cannot be opened.</exception>
    public static FhirKernel Default => ProjectKernel.Value;

    /// <summary>The loaded packages (also the <see cref="IConformanceResolver"/>).</summary>
    public FhirPackageSet Packages { get; }

    /// <summary>The R4 type model built from the packages' core StructureDefinitions.</summary>
    public FhirModel Model { get; }

    /// <summary>The JSON reader over <see cref="Model"/>.</summary>
    public FhirJsonParser JsonParser { get; }

    /// <summary>The canonical JSON writer.</summary>
    public FhirJsonSerializer JsonSerializer { get; }

    /// <summary>Creates a kernel over an opened package set (which must include <c>hl7.fhir.r4.core</c>).</summary>
    public static FhirKernel Create(FhirPackageSet packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        return new FhirKernel(packages);
    }
}
