using System.Text.Json;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.FhirPath.Tests.Conformance;

/// <summary>
/// The constraint expressions of the R4 core and UK Core STU2 StructureDefinitions, read straight from
/// the packages: every distinct expression, and per core type its constraints by element path.
/// </summary>
internal static class ProfileInvariants
{
    private static readonly Lazy<Catalog> Loaded = new(Load);

    public static IReadOnlyList<string> Expressions => Loaded.Value.Expressions;

    /// <summary>Core type name → element path → error-severity constraints (key, expression).</summary>
    public static IReadOnlyDictionary<string, Dictionary<string, List<(string Key, string Expression)>>> CoreByType => Loaded.Value.CoreByType;

    private static Catalog Load()
    {
        var expressions = new SortedSet<string>(StringComparer.Ordinal);
        var coreByType = new Dictionary<string, Dictionary<string, List<(string, string)>>>(StringComparer.Ordinal);
        var ukCorePackage = Path.GetFullPath(Path.Combine(TestFhir.UkCoreExamplesFolder, ".."));
        foreach (var (folder, isCore) in new[] { (TestFhir.CorePackageFolderPath, true), (ukCorePackage, false) })
        {
            foreach (var file in Directory.EnumerateFiles(folder, "StructureDefinition-*.json"))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                var root = document.RootElement;
                if (!root.TryGetProperty("snapshot", out var snapshot))
                {
                    continue;
                }

                var byPath = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
                foreach (var element in snapshot.GetProperty("element").EnumerateArray())
                {
                    if (!element.TryGetProperty("constraint", out var constraints))
                    {
                        continue;
                    }

                    var path = element.GetProperty("path").GetString()!;
                    foreach (var constraint in constraints.EnumerateArray())
                    {
                        if (constraint.TryGetProperty("expression", out var expression))
                        {
                            var text = expression.GetString()!;
                            expressions.Add(text);
                            if (!byPath.TryGetValue(path, out var list))
                            {
                                byPath[path] = list = [];
                            }

                            if (constraint.TryGetProperty("severity", out var severity) && severity.GetString() == "error")
                            {
                                list.Add((constraint.GetProperty("key").GetString()!, text));
                            }
                        }
                    }
                }

                if (isCore && root.TryGetProperty("derivation", out var derivation) && derivation.GetString() == "specialization")
                {
                    coreByType[root.GetProperty("type").GetString()!] = byPath;
                }
            }
        }

        return new Catalog([.. expressions], coreByType);
    }

    private sealed record Catalog(IReadOnlyList<string> Expressions, Dictionary<string, Dictionary<string, List<(string Key, string Expression)>>> CoreByType);
}
