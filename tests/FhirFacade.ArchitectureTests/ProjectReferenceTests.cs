using System.Xml.Linq;

namespace FhirFacade.ArchitectureTests;

/// <summary>
/// Dependencies point one way (ARCHITECTURE.md, "Solution layout"): the kernel never sees ASP.NET
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
        ["FhirFacade.Server"] = ["*"],
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
        if (Allowed[project] is ["*"])
        {
            return;
        }

        references.Should().BeSubsetOf(Allowed[project], $"{project} may only reference {string.Join(", ", Allowed[project])}");
    }

    [Fact]
    public void Kernel_DoesNotReferenceAspNetCore()
    {
        var kernel = new[] { "FhirFacade.Fhir", "FhirFacade.Fhir.FhirPath", "FhirFacade.Fhir.Validation" };

        foreach (var project in kernel)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "src", project, project + ".csproj"));
            text.Should().NotContain("Microsoft.AspNetCore", $"{project} is kernel code and must not see ASP.NET Core");
        }
    }
}
