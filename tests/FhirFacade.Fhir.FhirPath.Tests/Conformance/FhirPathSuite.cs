using System.Xml.Linq;

namespace FhirFacade.Fhir.FhirPath.Tests.Conformance;

/// <summary>Reads <c>fhir-test-cases/r4/fhirpath/tests-fhir-r4.xml</c> from the shared checkout.</summary>
internal static class FhirPathSuite
{
    private static readonly Lazy<IReadOnlyDictionary<string, FhirPathSuiteCase>> Cases = new(Load);

    public static string TestCasesRoot
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("FHIR_TEST_CASES");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "fhir-test-cases");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }

                candidate = Path.Combine(dir.FullName, "..", "shared", "fhir-test-cases");
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }

            return "/work/shared/fhir-test-cases";
        }
    }

    public static IReadOnlyDictionary<string, FhirPathSuiteCase> All => Cases.Value;

    private static Dictionary<string, FhirPathSuiteCase> Load()
    {
        var document = XDocument.Load(Path.Combine(TestCasesRoot, "r4", "fhirpath", "tests-fhir-r4.xml"));
        var cases = new Dictionary<string, FhirPathSuiteCase>(StringComparer.Ordinal);
        foreach (var group in document.Root!.Elements("group"))
        {
            foreach (var test in group.Elements("test"))
            {
                var key = $"{group.Attribute("name")!.Value}/{test.Attribute("name")!.Value}";
                if (cases.ContainsKey(key))
                {
                    key += "#2";
                }

                var expression = test.Element("expression")!;
                var outputs = test.Elements("output").Select(o => (o.Attribute("type")?.Value, o.Value)).ToList();
                cases[key] = new FhirPathSuiteCase(
                    key,
                    test.Attribute("inputfile")?.Value,
                    expression.Value,
                    expression.Attribute("invalid")?.Value,
                    test.Attribute("predicate")?.Value == "true",
                    outputs);
            }
        }

        return cases;
    }
}
