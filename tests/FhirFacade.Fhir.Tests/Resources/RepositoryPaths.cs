namespace FhirFacade.Fhir.Tests.Resources;

/// <summary>Locates the checkout and the shared FHIR packages beside it (ARCHITECTURE.md: <c>../shared/fhir-packages</c>).</summary>
internal static class RepositoryPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PackagesFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "fhir-packages"));

    public static string CorePackage => Path.Combine(PackagesFolder, "hl7.fhir.r4.core#4.0.1", "package");

    public static string UkCoreExamples => Path.Combine(PackagesFolder, "fhir.r4.ukcore.stu2#2.0.2", "package", "examples");

    public static string GeneratedSources => Path.Combine(RepositoryRoot, "src", "FhirFacade.Fhir", "Resources", "Generated");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FhirFacade.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FhirFacade.sln not found above " + AppContext.BaseDirectory);
    }
}
