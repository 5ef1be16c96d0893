using System.Text.RegularExpressions;

namespace FhirFacade.ArchitectureTests;

/// <summary>Every test class declares its category (docs/style.md, "Testing conventions").</summary>
[Trait("Category", "Unit")]
public sealed partial class TestConventionTests
{
    public static TheoryData<string> TestProjects()
    {
        var data = new TheoryData<string>();
        foreach (var dir in RepositoryLayout.TestProjectDirectories().Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void TestClasses_InProject_DeclareACategoryTrait(string project)
    {
        var dir = Path.Combine(RepositoryLayout.Root, "tests", project);
        var offenders = new List<string>();

        foreach (var file in Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var hasTests = FactOrTheory().IsMatch(text);
            if (hasTests && !text.Contains("[Trait(\"Category\",", StringComparison.Ordinal) && !text.Contains("[Trait(TestCategories.", StringComparison.Ordinal))
            {
                offenders.Add(Path.GetRelativePath(dir, file));
            }
        }

        offenders.Should().BeEmpty("every file with tests carries [Trait(\"Category\", \"Unit|Integration|Conformance\")]");
    }

    /// <summary>
    /// The same rule read from the built assemblies rather than the source text: a file-level search passes a file
    /// where any class carries a trait, so a second class in it, or a trait with another name or an unknown
    /// category, would slip through. Here every class that runs a test must carry the category itself or inherit it, and
    /// every category on it, a base class or one of its tests must be one of Unit, Integration and Conformance.
    /// </summary>
    [Fact]
    public void TestClasses_InEveryBuiltTestAssembly_DeclareAKnownCategoryOnTheClass()
    {
        Safety.TestCatalogue.NotBuilt.Should().BeEmpty("the check reads every test project's assembly");

        Safety.TestCatalogue.Uncategorised.Should().BeEmpty(
            "every class with tests carries [Trait(\"Category\", \"Unit|Integration|Conformance\")] on itself or a base class, and no other category there or on a test");
    }

    [GeneratedRegex(@"\[(Fact|Theory)\b")]
    private static partial Regex FactOrTheory();
}
