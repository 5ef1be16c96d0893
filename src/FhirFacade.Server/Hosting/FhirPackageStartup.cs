using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;

namespace FhirFacade.Server.Hosting;

/// <summary>
/// Opens the FHIR packages the server needs before it is built: the folders named by
/// <c>Facade:Fhir:PackageFolders</c> are searched first, then <c>../shared/fhir-packages</c> beside a
/// checkout and <c>~/.fhir/packages</c> (<see cref="FhirPackageLocator.CreateDefault"/>).
/// </summary>
internal static class FhirPackageStartup
{
    /// <summary>The configuration key of the package folders (an array; environment <c>Facade__Fhir__PackageFolders__0</c>, ...).</summary>
    public const string PackageFoldersKey = "Facade:Fhir:PackageFolders";

    /// <summary>The configured package folders, in order (empty when none is configured).</summary>
    public static IReadOnlyList<string> ConfiguredFolders(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return [.. configuration.GetSection(PackageFoldersKey).GetChildren()
            .Select(c => c.Value)
            .OfType<string>()
            .Where(v => !string.IsNullOrWhiteSpace(v))];
    }

    /// <summary>
    /// The kernel over the project's packages: the process-wide default when no folder is configured,
    /// otherwise one opened with the configured folders first.
    /// </summary>
    /// <exception cref="FhirPackageException">When the project's manifest or a package cannot be found; the message names the package, its version, every folder searched and how to get it.</exception>
    public static FhirKernel OpenKernel(IConfiguration configuration)
    {
        var folders = ConfiguredFolders(configuration);
        return folders.Count == 0 ? FhirKernel.Default : FhirKernel.Create(FhirPackageSet.OpenProject(folders));
    }
}
