using System.Text;
using System.Text.Json.Nodes;

namespace FhirFacade.Benchmarks.Kernel;

/// <summary>Inputs for the kernel benchmarks, built from the UK Core STU2 examples in ../shared/fhir-packages.</summary>
internal static class BenchmarkData
{
    public static string UkCoreExamples { get; } = Path.Combine(SharedFolder(), "fhir-packages", "fhir.r4.ukcore.stu2#2.0.2", "package", "examples");

    /// <summary>A typical UK Core Patient (NHS number with verification status, names, address, GP).</summary>
    public static byte[] Patient() => File.ReadAllBytes(Path.Combine(UkCoreExamples, "Patient-UKCore-Patient-RichardSmith-Example.json"));

    /// <summary>A searchset Bundle of 100 entries cycling over the UK Core examples of the four record areas.</summary>
    public static byte[] Bundle100()
    {
        var sources = Directory.EnumerateFiles(UkCoreExamples, "*.json")
            .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("Patient-", StringComparison.Ordinal) || n.StartsWith("MedicationStatement-", StringComparison.Ordinal)
                || n.StartsWith("AllergyIntolerance-", StringComparison.Ordinal) || n.StartsWith("Condition-", StringComparison.Ordinal) || n.StartsWith("Medication-", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
            .ToList();
        var entries = new JsonArray();
        for (var i = 0; i < 100; i++)
        {
            var resource = sources[i % sources.Count].DeepClone();
            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"https://facade.example/fhir/{resource["resourceType"]}/{i}",
                ["resource"] = resource,
                ["search"] = new JsonObject { ["mode"] = "match" },
            });
        }

        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = 100, ["entry"] = entries };
        return Encoding.UTF8.GetBytes(bundle.ToJsonString());
    }

    private static string SharedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fhir-packages")))
            {
                return candidate;
            }
        }

        // BenchmarkDotNet runs from a generated folder; fall back to the checkout's working directory.
        var fromCwd = Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", "shared"));
        return Directory.Exists(fromCwd) ? fromCwd : throw new InvalidOperationException("shared/fhir-packages not found.");
    }
}
