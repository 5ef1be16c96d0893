using System.Xml.Linq;

namespace FhirFacade.ArchitectureTests.Safety;

/// <summary>
/// The hazard log (docs/safety/hazard-log.md) is tied to the tests: every test a control names exists in the built test
/// assemblies, every control names one, every hazard is controlled or marked open, and the hazards the safety case must
/// cover are there. The tests themselves run in the same suite, so a control whose test fails fails the build.
/// </summary>
[Trait("Category", "Unit")]
public sealed class HazardLogTests
{
    /// <summary>The hazards issue #15 requires the log to hold at least.</summary>
    private static readonly string[] RequiredHazards = ["H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "H11"];

    /// <summary>A test that exists (in this assembly) and the same name misspelt.</summary>
    private const string RealTest = "FhirFacade.ArchitectureTests.ProjectReferenceTests.Kernel_DoesNotReferenceAspNetCore";
    private const string MisspeltTest = "FhirFacade.ArchitectureTests.ProjectReferenceTests.Kernel_DoesNotReferenceAspNetCor";

    [Fact]
    public void TestCatalogue_EveryTestProject_IsBuiltFirstAndRead()
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryLayout.Root, "tests", "FhirFacade.ArchitectureTests", "FhirFacade.ArchitectureTests.csproj"));
        var builtFirst = csproj.Descendants("ProjectReference")
            .Where(e => (string?)e.Attribute("ReferenceOutputAssembly") == "false")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')));

        builtFirst.Should().BeEquivalentTo(
            RepositoryLayout.TestProjectDirectories().Select(Path.GetFileName),
            "the hazard-log check reads every test project's assembly, so this project must build each one first (add a ProjectReference with ReferenceOutputAssembly=\"false\")");
        TestCatalogue.NotBuilt.Should().BeEmpty("the check can only vouch for tests in assemblies it can read");
        TestCatalogue.Tests.Should().Contain(RealTest)
            .And.Contain("FhirFacade.Suppliers.Emis.Tests.EmisSupplierAdapterContractTests.SearchAsync_UnderEachSimulatorFault_AnswersAsTheContractSays", "a test inherited from a TestKit base is named after the class that runs it");
    }

    [Fact]
    public void HazardLog_EveryTestItNames_ExistsAndEveryControlNamesOne()
    {
        var hazards = HazardLog.Read();

        var problems = HazardLog.Problems(hazards, TestCatalogue.Tests);

        problems.Should().BeEmpty("every control of {0} must be verified by tests that exist", HazardLog.RelativePath);
    }

    [Fact]
    public void HazardLog_Hazards_IncludeEveryOneTheSafetyCaseRequires()
    {
        var hazards = HazardLog.Read();

        hazards.Select(h => h.Id).Should().Contain(RequiredHazards).And.OnlyHaveUniqueItems();
        hazards.Where(h => RequiredHazards.Contains(h.Id)).Should().OnlyContain(h => !h.Open && h.Controls.Count > 0, "each required hazard is controlled");
    }

    [Fact]
    public void Problems_MisspeltTestName_IsReportedAsNotATest()
    {
        var log = Log("| H1.C1 | a control | `" + RealTest + "`<br>`" + MisspeltTest + "` |");

        var problems = HazardLog.Problems(HazardLog.Parse(log), TestCatalogue.Tests);

        problems.Should().ContainSingle().Which.Should().Contain(MisspeltTest).And.Contain("H1.C1");
    }

    [Fact]
    public void Problems_ControlNamingNoTest_IsReported()
    {
        var log = Log("| H1.C1 | a control | covered elsewhere |");

        var problems = HazardLog.Problems(HazardLog.Parse(log), TestCatalogue.Tests);

        problems.Should().ContainSingle().Which.Should().Contain("H1.C1 names no test");
    }

    [Fact]
    public void Problems_HazardWithoutControlsNotMarkedOpen_IsReported()
    {
        var log = "### H7 — Dose text dropped\n\n| | |\n|---|---|\n| Status | Controlled |\n";

        var problems = HazardLog.Problems(HazardLog.Parse(log), TestCatalogue.Tests);

        problems.Should().ContainSingle().Which.Should().Contain("H7 has no control");
    }

    [Fact]
    public void Parse_TheLog_ReadsEachHazardsControlsAndTests()
    {
        var hazards = HazardLog.Parse(Log("| H1.C1 | a control | `" + RealTest + "` |") + "\n### H2 — Another\n\n| | |\n|---|---|\n| Status | Open: owned elsewhere |\n");

        hazards.Should().HaveCount(2);
        hazards[0].Should().Match<Hazard>(h => h.Id == "H1" && !h.Open && h.Controls.Count == 1 && h.Controls[0].Tests.Single() == RealTest);
        hazards[1].Should().Match<Hazard>(h => h.Id == "H2" && h.Open && h.Controls.Count == 0);
    }

    private static string Log(string controlRow) =>
        "### H1 — Wrong patient's data shown\n\n| | |\n|---|---|\n| Status | Controlled |\n\n" +
        "| control | what it does | Verified by |\n|---|---|---|\n" + controlRow + "\n";
}
