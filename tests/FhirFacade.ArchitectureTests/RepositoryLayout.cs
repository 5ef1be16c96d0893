namespace FhirFacade.ArchitectureTests;

/// <summary>Finds the checkout the tests run from, so that tests can read project files as text.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<string> SourceProjects() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories);

    /// <summary>The project files under <c>tests/</c>: the test projects, TestKit and the benchmarks.</summary>
    public static IEnumerable<string> TestTreeProjects() =>
        Directory.EnumerateFiles(Path.Combine(Root, "tests"), "*.csproj", SearchOption.AllDirectories);

    /// <summary>Every .NET project in the repository (<c>src/</c> and <c>tests/</c>), by file name without extension.</summary>
    public static IReadOnlyList<string> AllProjectNames() =>
        [.. SourceProjects().Concat(TestTreeProjects()).Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal)];

    /// <summary>The project file of a project in <c>src/</c> or <c>tests/</c>, found by its name.</summary>
    public static string ProjectFile(string project) =>
        SourceProjects().Concat(TestTreeProjects()).Single(p => Path.GetFileNameWithoutExtension(p) == project);

    /// <summary>The C# files of the projects in <c>src/</c>, without build output (<c>bin/</c>, <c>obj/</c>).</summary>
    public static IReadOnlyList<string> SourceCodeFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))];

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
