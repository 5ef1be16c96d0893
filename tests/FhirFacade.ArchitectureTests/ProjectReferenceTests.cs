using System.Xml.Linq;

namespace FhirFacade.ArchitectureTests;

/// <summary>
/// Dependencies point one way (docs/architecture.md, "Solution layout"): the kernel never sees ASP.NET
/// or the gateway, suppliers never see each other, simulators see nothing of the facade.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ProjectReferenceTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["FhirFacade.Fhir"] = [],
        ["FhirFacade.Fhir.FhirPath"] = ["FhirFacade.Fhir"],
        ["FhirFacade.Fhir.Validation"] = ["FhirFacade.Fhir", "FhirFacade.Fhir.FhirPath"],
        ["FhirFacade.Core"] = ["FhirFacade.Fhir", "FhirFacade.Fhir.FhirPath", "FhirFacade.Fhir.Validation"],
        ["FhirFacade.Suppliers.Emis"] = ["FhirFacade.Core", "FhirFacade.Fhir"],
        ["FhirFacade.Suppliers.Tpp"] = ["FhirFacade.Core", "FhirFacade.Fhir"],
        ["FhirFacade.Suppliers.Vision"] = ["FhirFacade.Core", "FhirFacade.Fhir"],
        ["FhirFacade.Suppliers.Microtest"] = ["FhirFacade.Core", "FhirFacade.Fhir"],
        ["FhirFacade.Audit"] = ["FhirFacade.Core"],
        ["FhirFacade.Simulators"] = [],
        // The CLI may read the audit store to verify its hash chain (docs/adr/0004-cli-audit-verify.md).
        ["FhirFacade.Cli"] = ["FhirFacade.Fhir", "FhirFacade.Fhir.FhirPath", "FhirFacade.Fhir.Validation", "FhirFacade.Audit"],
        // The production server composes the product and nothing else: never the simulators (issue #16 item 5).
        ["FhirFacade.Server"] =
        [
            "FhirFacade.Fhir", "FhirFacade.Fhir.FhirPath", "FhirFacade.Fhir.Validation", "FhirFacade.Core", "FhirFacade.Audit",
            "FhirFacade.Suppliers.Emis", "FhirFacade.Suppliers.Tpp", "FhirFacade.Suppliers.Vision", "FhirFacade.Suppliers.Microtest",
        ],
        // The demo host: the production server's composition plus the simulators it starts in-process.
        ["FhirFacade.Demo"] = ["FhirFacade.Server", "FhirFacade.Simulators"],
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

    [Theory]
    [MemberData(nameof(Projects))]
    public void ProjectReferences_OfSourceProject_StayWithinTheAllowedDirection(string project)
    {
        var path = Path.Combine(RepositoryLayout.Root, "src", project, project + ".csproj");

        var references = XDocument.Load(path).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Allowed.Should().ContainKey(project, "every source project needs an entry in the dependency table");
        references.Should().BeSubsetOf(Allowed[project], $"{project} may only reference {string.Join(", ", Allowed[project])}");
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
}
