using System.Collections.Concurrent;
using FhirFacade.Fhir.Model;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.FhirPath.Tests.Conformance;

/// <summary>
/// The suite's input resources, parsed once from their JSON forms (<c>r4/converted-json/*.json</c> for
/// the XML originals, <c>r4/*.json</c> otherwise), and the evaluation context the suite expects.
/// </summary>
internal static class SuiteInputs
{
    private static readonly ConcurrentDictionary<string, ElementNode> Parsed = new(StringComparer.Ordinal);

    public static ElementNode Load(string inputFile) => Parsed.GetOrAdd(inputFile, Parse);

    public static FhirPathContext CreateContext() => new()
    {
        Model = TestFhir.Model,
        ProfileChecker = new CoreProfileChecker(),
    };

    private static ElementNode Parse(string inputFile)
    {
        var root = Path.Combine(FhirPathSuite.TestCasesRoot, "r4");
        var jsonName = Path.ChangeExtension(inputFile, ".json");
        var path = inputFile.EndsWith(".xml", StringComparison.Ordinal)
            ? Path.Combine(root, "converted-json", jsonName)
            : Path.Combine(root, jsonName);
        var result = TestFhir.JsonParser.Parse(File.ReadAllText(path));
        return result.Root ?? throw new InvalidOperationException($"{inputFile} did not parse: {string.Join("; ", result.Issues)}");
    }

    /// <summary>
    /// <c>conformsTo</c> for the suite: a resource conforms to its own core StructureDefinition and to no
    /// other; a URL that names no core StructureDefinition is an error.
    /// </summary>
    private sealed class CoreProfileChecker : IFhirPathProfileChecker
    {
        private const string CoreBase = "http://hl7.org/fhir/StructureDefinition/";

        public bool? ConformsTo(ElementNode node, string profileUrl)
        {
            if (!profileUrl.StartsWith(CoreBase, StringComparison.Ordinal) || TestFhir.Model.FindType(profileUrl[CoreBase.Length..]) is null)
            {
                throw new FhirPathEvaluationException($"Unknown profile {profileUrl}.");
            }

            return TestFhir.Model.IsSubtypeOf(node.InstanceType, profileUrl[CoreBase.Length..]);
        }
    }
}
