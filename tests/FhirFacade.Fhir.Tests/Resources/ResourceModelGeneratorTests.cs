using System.Text;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Resources;

[Trait("Category", "Unit")]
public sealed class ResourceModelGeneratorTests
{
    private const string RegenerateVariable = "FHIRFACADE_REGENERATE";

    [Fact]
    public void Generate_FromR4CorePackage_MatchesCommittedSources()
    {
        var generator = new ResourceModelGenerator(TestFhir.CorePackageFolderPath);

        var files = generator.Generate();

        var folder = RepositoryPaths.GeneratedSources;
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            Rewrite(folder, files);
        }

        var differences = Compare(folder, files);
        differences.Should().BeEmpty(
            "src/FhirFacade.Fhir/Resources/Generated must be what the generator produces from the R4 core package; "
            + $"run this test with {RegenerateVariable}=1 to rewrite the files, then review the diff");
    }

    [Fact]
    public void Generate_FromR4CorePackage_IncludesEveryExtensionValueType()
    {
        var generator = new ResourceModelGenerator(TestFhir.CorePackageFolderPath);

        var files = generator.Generate();

        files.Keys.Should().Contain(["Patient.cs", "Bundle.cs", "HumanName.cs", "Dosage.cs", "Timing.cs", "Expression.cs",
            "TriggerDefinition.cs", "Age.cs", "Meta.cs", "FhirDateTime.cs", "FhirBase64Binary.cs", "FhirXhtml.cs", "ModelFactory.cs"]);
    }

    private static void Rewrite(string folder, SortedDictionary<string, string> files)
    {
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetFiles(folder, "*.cs").Where(f => !files.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), content, new UTF8Encoding(false));
        }
    }

    private static List<string> Compare(string folder, SortedDictionary<string, string> files)
    {
        var differences = new List<string>();
        var committed = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var (name, content) in files)
        {
            if (!committed.Contains(name))
            {
                differences.Add($"{name}: missing");
                continue;
            }

            var existing = File.ReadAllText(Path.Combine(folder, name));
            if (existing != content)
            {
                differences.Add($"{name}: differs, {FirstDifference(existing, content)}");
            }
        }

        differences.AddRange(committed.Where(n => !files.ContainsKey(n!)).Select(n => $"{n}: not generated any more"));
        return differences;
    }

    private static string FirstDifference(string existing, string generated)
    {
        var existingLines = existing.Split('\n');
        var generatedLines = generated.Split('\n');
        for (var i = 0; i < Math.Max(existingLines.Length, generatedLines.Length); i++)
        {
            var left = i < existingLines.Length ? existingLines[i] : "<end of file>";
            var right = i < generatedLines.Length ? generatedLines[i] : "<end of file>";
            if (left != right)
            {
                return $"first at line {i + 1}: committed \"{left.Trim()}\" but generated \"{right.Trim()}\"";
            }
        }

        return "line endings differ";
    }
}
