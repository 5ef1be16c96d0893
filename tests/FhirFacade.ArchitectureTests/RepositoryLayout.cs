namespace FhirFacade.ArchitectureTests;

/// <summary>Finds the checkout the tests run from, so that tests can read project files as text.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> SourceProjects() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories);

    public static IEnumerable<string> TestProjectDirectories() =>
        Directory.EnumerateDirectories(Path.Combine(Root, "tests"))
            .Where(d => d.EndsWith("Tests", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FhirFacade.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FhirFacade.sln not found above " + AppContext.BaseDirectory);
    }
}
