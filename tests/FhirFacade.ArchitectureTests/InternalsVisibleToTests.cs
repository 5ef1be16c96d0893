using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FhirFacade.ArchitectureTests;

/// <summary>
/// A project's internals are visible to its own tests only (docs/architecture.md, "Solution layout"): <c>X</c> to
/// <c>X.Tests</c>, and the production server also to <c>FhirFacade.Server.IntegrationTests</c>. Anything else (a
/// benchmark, another project's tests) goes through the project's public API. Every form a friend can be declared in
/// is read: <c>&lt;InternalsVisibleTo&gt;</c> items and <c>&lt;AssemblyAttribute&gt;</c> items in the project file,
/// <c>[assembly: InternalsVisibleTo(…)]</c> in its sources, and nowhere in the shared build files.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class InternalsVisibleToTests
{
    /// <summary>The one project whose internals a second test project may see: the server, by its integration tests.</summary>
    private static readonly Dictionary<string, string[]> ExtraFriends = new(StringComparer.Ordinal)
    {
        ["FhirFacade.Server"] = ["FhirFacade.Server.IntegrationTests"],
    };

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in RepositoryLayout.AllProjectNames())
        {
            data.Add(project);
        }

        return data;
    }

    /// <summary>Friends that break the rule, one row per kind: a benchmark, a neighbour's tests, another test project.</summary>
    public static TheoryData<string, string> ForeignFriends() => new()
    {
        { "FhirFacade.Server", "FhirFacade.Benchmarks" },
        { "FhirFacade.Suppliers.Emis", "FhirFacade.Suppliers.Tpp.Tests" },
        { "FhirFacade.Cli", "FhirFacade.Conformance.Tests" },
        { "FhirFacade.Benchmarks", "FhirFacade.Cli.Tests" },
        { "FhirFacade.Core", "FhirFacade.Server.IntegrationTests" },
        { "FhirFacade.Core", "FhirFacade.Core.Tests.Extra" },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void InternalsVisibleTo_OfProject_NamesOnlyItsOwnTests(string project)
    {
        var projectFile = RepositoryLayout.ProjectFile(project);

        var foreign = FriendsOf(projectFile).Where(f => !IsOwnTests(project, f.Friend)).Select(f => $"{f.DeclaredIn}: {project} -> {f.Friend}");

        foreign.Should().BeEmpty($"{project}'s internals may be visible to {string.Join(" and ", OwnTests(project))} only; others use its public API");
    }

    [Fact]
    public void InternalsVisibleTo_InSharedBuildFiles_IsNeverDeclared()
    {
        var buildFiles = new[] { RepositoryLayout.Root, Path.Combine(RepositoryLayout.Root, "src"), Path.Combine(RepositoryLayout.Root, "tests") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", d == RepositoryLayout.Root ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".targets", StringComparison.OrdinalIgnoreCase))
            .Where(f => !IsBuildOutput(f))
            .ToList();

        buildFiles.Should().Contain(f => Path.GetFileName(f) == "Directory.Build.props", "the scan reads the shared build files");
        buildFiles.Where(f => File.ReadAllText(f).Contains("InternalsVisibleTo", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f))
            .Should().BeEmpty("a friend declared for many projects at once would escape the per-project check");
    }

    [Theory]
    [MemberData(nameof(ForeignFriends))]
    public void IsOwnTests_ForeignFriend_IsFalse(string project, string friend) =>
        IsOwnTests(project, friend).Should().BeFalse();

    [Theory]
    [InlineData("FhirFacade.Core", "FhirFacade.Core.Tests")]
    [InlineData("FhirFacade.Server", "FhirFacade.Server.Tests")]
    [InlineData("FhirFacade.Server", "FhirFacade.Server.IntegrationTests")]
    [InlineData("FhirFacade.Suppliers.Quill", "FhirFacade.Suppliers.Quill.Tests")]
    public void IsOwnTests_ProjectsOwnTests_IsTrue(string project, string friend) =>
        IsOwnTests(project, friend).Should().BeTrue();

    [Fact]
    public void FriendsOf_EveryFormOfDeclaration_IsFound()
    {
        var directory = Directory.CreateTempSubdirectory("arch-ivt-").FullName;
        try
        {
            var projectFile = Path.Combine(directory, "Sample.csproj");
            File.WriteAllText(projectFile, """
                <Project Sdk="Microsoft.NET.Sdk">
                  <ItemGroup>
                    <InternalsVisibleTo Include="Item.Friend" />
                    <AssemblyAttribute Include="System.Runtime.CompilerServices.InternalsVisibleToAttribute">
                      <_Parameter1>Attribute.Friend</_Parameter1>
                    </AssemblyAttribute>
                  </ItemGroup>
                </Project>
                """);
            Directory.CreateDirectory(Path.Combine(directory, "Properties"));
            // Written in pieces so that this file does not declare the friends it tests with.
            const string Friend = "InternalsVisibleTo";
            File.WriteAllText(Path.Combine(directory, "Properties", "AssemblyInfo.cs"), $"""
                using System.Runtime.CompilerServices;
                [assembly: {Friend}("Source.Friend, PublicKey=0024000004800000")]
                [assembly: System.Runtime.CompilerServices.{Friend}Attribute( "Qualified.Friend" )]
                """);
            Directory.CreateDirectory(Path.Combine(directory, "obj"));
            File.WriteAllText(Path.Combine(directory, "obj", "Sample.AssemblyInfo.cs"), $"""[assembly: {Friend}("Generated.Friend")]""");

            var friends = FriendsOf(projectFile).Select(f => f.Friend);

            friends.Should().BeEquivalentTo(["Item.Friend", "Attribute.Friend", "Source.Friend", "Qualified.Friend"], "the compiler's own generated copy in obj/ is not read twice");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IEnumerable<string> OwnTests(string project) => [project + ".Tests", .. ExtraFriends.GetValueOrDefault(project, [])];

    private static bool IsOwnTests(string project, string friend) => OwnTests(project).Contains(friend, StringComparer.Ordinal);

    /// <summary>Every friend the project declares, with where (relative to the repository, or the project folder for a temporary one).</summary>
    private static IEnumerable<(string Friend, string DeclaredIn)> FriendsOf(string projectFile)
    {
        var directory = Path.GetDirectoryName(projectFile)!;
        var document = XDocument.Load(projectFile);
        var items = document.Descendants("InternalsVisibleTo")
            .Select(e => (Friend: (string?)e.Attribute("Include") ?? string.Empty, DeclaredIn: Relative(projectFile)));
        var attributes = document.Descendants("AssemblyAttribute")
            .Where(e => ((string?)e.Attribute("Include") ?? string.Empty).Contains("InternalsVisibleTo", StringComparison.Ordinal))
            .Select(e => (Friend: FriendName((string?)e.Element("_Parameter1") ?? string.Empty), DeclaredIn: Relative(projectFile)));
        var sources = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .SelectMany(f => AssemblyAttribute().Matches(File.ReadAllText(f)).Select(m => (Friend: FriendName(m.Groups["friend"].Value), DeclaredIn: Relative(f))));
        return [.. items, .. attributes, .. sources];
    }

    // "Name, PublicKey=…" names the assembly Name.
    private static string FriendName(string value) => value.Split(',')[0].Trim();

    private static bool IsBuildOutput(string path)
    {
        var separator = Path.DirectorySeparatorChar;
        return path.Contains($"{separator}obj{separator}", StringComparison.Ordinal)
            || path.Contains($"{separator}bin{separator}", StringComparison.Ordinal)
            || path.Contains($"{separator}node_modules{separator}", StringComparison.Ordinal);
    }

    private static string Relative(string path) =>
        path.StartsWith(RepositoryLayout.Root, StringComparison.Ordinal) ? Path.GetRelativePath(RepositoryLayout.Root, path) : Path.GetFileName(path);

    [GeneratedRegex(@"\[\s*assembly\s*:\s*(?:global::)?(?:System\.Runtime\.CompilerServices\.)?InternalsVisibleTo(?:Attribute)?\s*\(\s*""(?<friend>[^""]*)""")]
    private static partial Regex AssemblyAttribute();
}
