using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FhirFacade.ArchitectureTests;

/// <summary>
/// Dependencies point one way (docs/architecture.md, "Solution layout"): the kernel never sees ASP.NET
/// or the gateway, suppliers never see each other, simulators see nothing of the facade. Every project in
/// the repository, source and test, has a row in <see cref="Allowed"/> naming exactly the projects it may
/// reference, or is a supplier project that the supplier rule (<see cref="RowOf"/>) covers; a project with
/// neither fails, and so does a row or an entry naming a project that does not exist.
/// </summary>
[Trait("Category", "Unit")]
public sealed partial class ProjectReferenceTests
{
    /// <summary>
    /// Marks a reference the project only builds first (<c>ReferenceOutputAssembly="false"</c>): it may start
    /// the other project's build output, never use its types. A row must say which of the two it allows.
    /// </summary>
    private const string BuiltFirst = "built first: ";

    /// <summary>
    /// In a row: any supplier project <c>FhirFacade.Suppliers.{Name}</c> (never its tests), so that a fifth
    /// supplier needs no edit here. Not a wildcard: it admits only projects that the supplier rule itself
    /// confines to Core and Fhir (<see cref="RowOf"/>).
    /// </summary>
    private const string AnySupplier = "FhirFacade.Suppliers.{Name}";

    /// <summary>
    /// In the architecture tests' row only: every other test project (<c>tests/*Tests</c>), built first and never
    /// referenced, because the hazard-log and convention checks read their assemblies
    /// (<c>HazardLogTests.TestCatalogue_EveryTestProject_IsBuiltFirstAndRead</c> requires exactly these).
    /// </summary>
    private const string EveryOtherTestProject = BuiltFirst + "every other test project";

    private const string Fhir = "FhirFacade.Fhir";
    private const string FhirPath = "FhirFacade.Fhir.FhirPath";
    private const string FhirValidation = "FhirFacade.Fhir.Validation";
    private const string Core = "FhirFacade.Core";
    private const string Audit = "FhirFacade.Audit";
    private const string Cli = "FhirFacade.Cli";
    private const string Server = "FhirFacade.Server";
    private const string Demo = "FhirFacade.Demo";
    private const string Simulators = "FhirFacade.Simulators";
    private const string TestKit = "FhirFacade.TestKit";

    /// <summary>
    /// The allowed references of every project, by project name. No row holds a wildcard: an entry is a project,
    /// a project built first (<see cref="BuiltFirst"/>), or one of the two named rules (<see cref="AnySupplier"/>,
    /// <see cref="EveryOtherTestProject"/>). The supplier projects and their tests have no rows: <see cref="RowOf"/>
    /// gives them theirs.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        // Source projects.
        [Fhir] = [],
        [FhirPath] = [Fhir],
        [FhirValidation] = [Fhir, FhirPath],
        [Core] = [Fhir, FhirPath, FhirValidation],
        [Audit] = [Core],
        [Simulators] = [],

        // The CLI may read the audit store to verify its hash chain (docs/adr/0004-cli-audit-verify.md).
        [Cli] = [Fhir, FhirPath, FhirValidation, Audit],

        // The production server composes the product and nothing else: never the simulators (issue #16 item 5).
        [Server] = [Fhir, FhirPath, FhirValidation, Core, Audit, AnySupplier],

        // The demo host: the production server's composition plus the simulators it starts in-process.
        [Demo] = [Server, Simulators],

        // Test projects: each its project under test and TestKit, plus what it needs for a reason given here.
        // The adapter contract suite (TestKit/Suppliers) runs each adapter against its simulator.
        [TestKit] = [Fhir, Core, Simulators],
        ["FhirFacade.Fhir.Tests"] = [Fhir, TestKit],
        ["FhirFacade.Fhir.FhirPath.Tests"] = [Fhir, FhirPath, TestKit],
        ["FhirFacade.Fhir.Validation.Tests"] = [Fhir, FhirPath, FhirValidation, TestKit],
        ["FhirFacade.Core.Tests"] = [Core, TestKit],

        // The durability test runs `fhirfacade audit stress` in a child process.
        ["FhirFacade.Audit.Tests"] = [Audit, TestKit, BuiltFirst + Cli],

        // Also the benchmarks project: the tests of its mllp mode (Bench/MllpLoadCommandTests, VisionLoadQueryTests)
        // stayed here when `fhirfacade bench mllp` moved there. A test project compiling against another
        // test-side project is the one exception in this table.
        ["FhirFacade.Cli.Tests"] = [Cli, TestKit, "FhirFacade.Benchmarks"],
        ["FhirFacade.Simulators.Tests"] = [Simulators],
        ["FhirFacade.Server.Tests"] = [Server, TestKit],

        // The whole server in process (the demo host's composition) and as a process, against the real simulators.
        ["FhirFacade.Server.IntegrationTests"] = [Server, Demo, Simulators, TestKit],

        // The CLI's TestScript runner against the demo host started as a process (docs/adr/0011-conformance-test-project.md).
        ["FhirFacade.Conformance.Tests"] = [Cli, BuiltFirst + Demo, TestKit],

        // The viewer in a browser against the demo host started as a process.
        ["FhirFacade.Viewer.Tests"] = [BuiltFirst + Demo, TestKit],

        // The kernel's validator against Firely's on resources the demo server answers (docs/adr/0008).
        ["FhirFacade.Validation.DifferentialTests"] = [Fhir, FhirPath, FhirValidation, Server, Demo, Simulators, TestKit],

        // The kernel, the server in process, and the mllp mode (the Vision adapter's framing and HL7 encoder, the CLI's bounded run).
        ["FhirFacade.Benchmarks"] = [Fhir, FhirPath, FhirValidation, Server, Demo, "FhirFacade.Suppliers.Vision", Cli],
        ["FhirFacade.ArchitectureTests"] = [Server, Cli, EveryOtherTestProject],
    };

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var project in RepositoryLayout.SourceProjects().Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
        {
            data.Add(project!);
        }

        return data;
    }

    public static TheoryData<string> TestTreeProjects()
    {
        var data = new TheoryData<string>();
        foreach (var project in RepositoryLayout.TestTreeProjects().Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal))
        {
            data.Add(project!);
        }

        return data;
    }

    /// <summary>Forbidden references, each of which the rules must report: one row per rule.</summary>
    public static TheoryData<string, string> ForbiddenReferences() => new()
    {
        { "FhirFacade.Suppliers.Emis", "FhirFacade.Suppliers.Tpp" },
        { "FhirFacade.Suppliers.Quill", "FhirFacade.Suppliers.Emis" },
        { "FhirFacade.Suppliers.Quill", Simulators },
        { "FhirFacade.Suppliers.Emis.Tests", "FhirFacade.Suppliers.Tpp" },
        { "FhirFacade.Suppliers.Emis.Tests", "FhirFacade.Suppliers.Emis.Tests" },
        { Server, Simulators },
        { Server, "FhirFacade.Suppliers.Emis.Tests" },
        { Fhir, Core },
        { Core, Server },
        { "FhirFacade.Conformance.Tests", Demo },
        { "FhirFacade.Audit.Tests", Cli },
        { "FhirFacade.ArchitectureTests", "FhirFacade.Core.Tests" },
        { "FhirFacade.ArchitectureTests", BuiltFirst + Demo },
        { "FhirFacade.ArchitectureTests", BuiltFirst + "FhirFacade.ArchitectureTests" },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferences_OfSourceProject_StayWithinTheAllowedDirection(string project)
    {
        var references = ReferencesOf(RepositoryLayout.ProjectFile(project));

        Violations(project, references).Should().BeEmpty("every source project references only what its row in the dependency table allows");
    }

    [Theory]
    [MemberData(nameof(TestTreeProjects))]
    public void ProjectReferences_OfTestProject_StayWithinTheAllowedDirection(string project)
    {
        var references = ReferencesOf(RepositoryLayout.ProjectFile(project));

        Violations(project, references).Should().BeEmpty("every project under tests/ references only what its row in the dependency table allows");
    }

    [Fact]
    public void DependencyTable_EveryProject_HasARowOrFollowsTheSupplierRule()
    {
        var projects = RepositoryLayout.AllProjectNames();

        projects.Should().Contain([Fhir, Server, TestKit, "FhirFacade.Suppliers.Emis", "FhirFacade.Suppliers.Emis.Tests"], "the scan finds the projects under src/ and tests/");
        projects.Where(p => RowOf(p) is null)
            .Should().BeEmpty("every project needs a row in ProjectReferenceTests.Allowed (or a name FhirFacade.Suppliers.{Name}[.Tests] under the supplier rule)");
    }

    [Fact]
    public void DependencyTable_EveryRowAndEntry_NamesAProjectThatExists()
    {
        var projects = RepositoryLayout.AllProjectNames();

        var stale = Allowed.Keys.Where(p => !projects.Contains(p)).Select(p => $"row {p}: no such project")
            .Concat(Allowed.SelectMany(row => row.Value
                .Where(entry => entry is not AnySupplier and not EveryOtherTestProject && !projects.Contains(entry.StartsWith(BuiltFirst, StringComparison.Ordinal) ? entry[BuiltFirst.Length..] : entry))
                .Select(entry => $"row {row.Key}: entry {entry} names no project")));

        stale.Should().BeEmpty("a stale row or entry would let a future project with that name in unchecked");
    }

    // A reference declared in a shared .props/.targets file (or one a project imports, like the viewer's) would escape the table.
    [Fact]
    public void ProjectReferences_InSharedBuildFiles_AreNeverDeclared()
    {
        var buildFiles = new[] { RepositoryLayout.Root, Path.Combine(RepositoryLayout.Root, "src"), Path.Combine(RepositoryLayout.Root, "tests") }
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", d == RepositoryLayout.Root ? SearchOption.TopDirectoryOnly : SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".targets", StringComparison.OrdinalIgnoreCase))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        buildFiles.Should().Contain(f => Path.GetFileName(f) == "FhirFacade.Viewer.targets", "the scan reads the build files projects import");
        buildFiles.Where(f => XDocument.Load(f).Descendants("ProjectReference").Any())
            .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f))
            .Should().BeEmpty("every project reference is in a project file, where the dependency table checks it");
    }

    [Theory]
    [MemberData(nameof(ForbiddenReferences))]
    public void Violations_ForbiddenReference_NamesTheProjectAndTheReference(string project, string reference)
    {
        var violations = Violations(project, [reference]);

        violations.Should().ContainSingle().Which.Should().Contain(project).And.Contain(reference + ", which its row does not allow");
    }

    [Fact]
    public void Violations_FifthSupplierWithinTheSupplierRule_NeedsNoRow()
    {
        Violations("FhirFacade.Suppliers.Quill", [Core, Fhir]).Should().BeEmpty();
        Violations("FhirFacade.Suppliers.Quill.Tests", ["FhirFacade.Suppliers.Quill", Simulators, TestKit]).Should().BeEmpty();
        Violations(Server, [Core, "FhirFacade.Suppliers.Quill"]).Should().BeEmpty();
    }

    [Fact]
    public void Violations_ProjectWithoutARow_IsReported()
    {
        var violations = Violations("FhirFacade.Reporting", []);

        violations.Should().ContainSingle().Which.Should().Contain("FhirFacade.Reporting has no row");
    }

    // The production server's build carries no simulator: not as a reference of its assembly, not in the dependencies its
    // build output loads (FhirFacade.Server.deps.json beside the binaries, which a publish copies as it is).
    [Fact]
    public void ProductionServer_BuildOutput_HoldsNoSimulators()
    {
        var server = typeof(FhirFacade.Server.Hosting.FacadeServer).Assembly;
        server.GetReferencedAssemblies().Select(a => a.Name).Should().NotContain("FhirFacade.Simulators");

        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var output = Path.Combine(RepositoryLayout.Root, "src", "FhirFacade.Server", "bin", testBin.Parent!.Name, testBin.Name);
        var deps = Path.Combine(output, "FhirFacade.Server.deps.json");
        File.Exists(deps).Should().BeTrue($"the server is built before its architecture tests ({deps})");
        File.ReadAllText(deps).Should().NotContain("FhirFacade.Simulators", "the production server's build output must not load the simulators");
    }

    // Firely's SDK and validator are the reference the kernel is checked against in the tests, never a
    // dependency of the product (docs/adr/0008-kernel-on-the-hot-path-firely-as-reference.md).
    [Theory]
    [MemberData(nameof(Projects))]
    public void PackageReferences_OfSourceProject_NeverIncludeFirely(string project)
    {
        var path = Path.Combine(RepositoryLayout.Root, "src", project, project + ".csproj");

        var packages = XDocument.Load(path).Descendants("PackageReference")
            .Select(e => e.Attribute("Include")?.Value ?? e.Attribute("Update")?.Value ?? string.Empty)
            .ToList();

        packages.Should().NotContain(p => p.StartsWith("Hl7.Fhir", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Firely", StringComparison.OrdinalIgnoreCase),
            $"{project} is product code; Firely is referenced only from tests");
    }

    [Fact]
    public void SourceTree_NeverImportsFirelyNamespaces()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f).Any(l => l.StartsWith("using Hl7.Fhir", StringComparison.Ordinal) || l.StartsWith("using Firely", StringComparison.Ordinal)))
            .ToList();

        offenders.Should().BeEmpty("src/ never uses Firely's SDK or validator");
    }

    [Fact]
    public void Kernel_DoesNotReferenceAspNetCore()
    {
        var kernel = new[] { "FhirFacade.Fhir", "FhirFacade.Fhir.FhirPath", "FhirFacade.Fhir.Validation", "FhirFacade.Core" };

        foreach (var project in kernel)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "src", project, project + ".csproj"));
            text.Should().NotContain("Microsoft.AspNetCore", $"{project} is kernel code and must not see ASP.NET Core");
        }
    }

    /// <summary>
    /// The row of <paramref name="project"/>: its own in <see cref="Allowed"/>, or the supplier rule's. Every
    /// <c>FhirFacade.Suppliers.{Name}</c> may reference exactly Core and Fhir, never another supplier; its tests
    /// <c>FhirFacade.Suppliers.{Name}.Tests</c> exactly that supplier, the simulators and TestKit. Null when neither.
    /// </summary>
    private static string[]? RowOf(string project)
    {
        if (Allowed.TryGetValue(project, out var row))
        {
            return row;
        }

        var supplier = SupplierProject().Match(project);
        if (!supplier.Success)
        {
            return null;
        }

        return supplier.Groups["tests"].Success
            ? ["FhirFacade.Suppliers." + supplier.Groups["name"].Value, Simulators, TestKit]
            : [Core, Fhir];
    }

    private static List<string> Violations(string project, IEnumerable<string> references)
    {
        var row = RowOf(project);
        if (row is null)
        {
            return [$"{project} has no row in ProjectReferenceTests.Allowed and is no supplier project (FhirFacade.Suppliers.{{Name}}[.Tests])"];
        }

        return [.. references.Where(r => !Allows(project, row, r)).Select(r => $"{project} references {r}, which its row does not allow (allowed: {string.Join(", ", row)})")];
    }

    private static bool Allows(string project, string[] row, string reference)
    {
        if (row.Contains(reference, StringComparer.Ordinal))
        {
            return true;
        }

        if (row.Contains(AnySupplier, StringComparer.Ordinal) && SupplierProject().Match(reference) is { Success: true } supplier && !supplier.Groups["tests"].Success)
        {
            return true;
        }

        return row.Contains(EveryOtherTestProject, StringComparer.Ordinal)
            && reference.StartsWith(BuiltFirst, StringComparison.Ordinal)
            && reference[BuiltFirst.Length..] is var built
            && built != project
            && RepositoryLayout.TestProjectDirectories().Select(Path.GetFileName).Contains(built, StringComparer.Ordinal);
    }

    /// <summary>The project's <c>ProjectReference</c>s by project name, prefixed <see cref="BuiltFirst"/> when the assembly is not referenced.</summary>
    private static List<string> ReferencesOf(string projectFile) =>
        [.. XDocument.Load(projectFile).Descendants("ProjectReference")
            .Where(e => e.Attribute("Include") is not null)
            .Select(e => (Name: Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')),
                BuildOnly: string.Equals((string?)e.Attribute("ReferenceOutputAssembly") ?? (string?)e.Element("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase)))
            .Select(r => r.BuildOnly ? BuiltFirst + r.Name : r.Name)];

    [GeneratedRegex(@"^FhirFacade\.Suppliers\.(?<name>[A-Z][A-Za-z0-9]*)(?<tests>\.Tests)?$")]
    private static partial Regex SupplierProject();
}
