using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Serialization.Json;

namespace FhirFacade.TestKit.Fhir;

/// <summary>
/// The project's FHIR kernel for tests: packages, model, JSON parser and serializer opened once per
/// process (through <see cref="FhirKernel.Default"/>), plus the UK Core STU2 examples.
/// </summary>
public static class TestFhir
{
    private const string UkCorePackageFolder = "fhir.r4.ukcore.stu2#2.0.2";
    private const string CorePackageFolder = "hl7.fhir.r4.core#4.0.1";

    /// <summary>The process-wide kernel over the project's packages.</summary>
    public static FhirKernel Kernel => FhirKernel.Default;

    /// <summary>The project's packages (hl7.fhir.r4.core 4.0.1 + fhir.r4.ukcore.stu2 2.0.2).</summary>
    public static FhirPackageSet Packages => Kernel.Packages;

    /// <summary>The R4 type model.</summary>
    public static FhirModel Model => Kernel.Model;

    /// <summary>The shared JSON parser.</summary>
    public static FhirJsonParser JsonParser => Kernel.JsonParser;

    /// <summary>The shared JSON serializer.</summary>
    public static FhirJsonSerializer JsonSerializer => Kernel.JsonSerializer;

    /// <summary>The shared packages folder (<c>../shared/fhir-packages</c> beside the checkout).</summary>
    public static string SharedPackagesFolder
    {
        get
        {
            var checkout = FhirPackageLocator.FindCheckoutRoot()
                ?? throw new InvalidOperationException("The FhirFacade checkout (FhirFacade.sln) was not found above the test directory.");
            return Path.GetFullPath(Path.Combine(checkout, "..", "shared", "fhir-packages"));
        }
    }

    /// <summary>The <c>package</c> folder of hl7.fhir.r4.core 4.0.1.</summary>
    public static string CorePackageFolderPath => Path.Combine(SharedPackagesFolder, CorePackageFolder, "package");

    /// <summary>The <c>package/examples</c> folder of UK Core STU2 2.0.2.</summary>
    public static string UkCoreExamplesFolder => Path.Combine(SharedPackagesFolder, UkCorePackageFolder, "package", "examples");

    /// <summary>The file names of every UK Core STU2 example, sorted.</summary>
    public static IReadOnlyList<string> UkCoreExampleFileNames() =>
        Directory.EnumerateFiles(UkCoreExamplesFolder, "*.json")
            .Select(Path.GetFileName)
            .Where(name => name is not null && !name.StartsWith('.'))
            .Select(name => name!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads one UK Core example (by file name) as text.</summary>
    public static string ReadUkCoreExample(string fileName) => File.ReadAllText(Path.Combine(UkCoreExamplesFolder, fileName));

    /// <summary>Parses JSON, returning the full result (issues included).</summary>
    public static FhirParseResult ParseJsonResult(string json, FhirJsonParserOptions? options = null) => JsonParser.Parse(json, options);

    /// <summary>Parses JSON that must be valid; throws (failing the test) listing the issues otherwise.</summary>
    public static ElementNode ParseJson(string json, FhirJsonParserOptions? options = null)
    {
        var result = JsonParser.Parse(json, options);
        if (result.HasErrors || result.Root is null)
        {
            throw new InvalidOperationException("The JSON did not parse cleanly:" + Environment.NewLine + string.Join(Environment.NewLine, result.Issues));
        }

        return result.Root;
    }

    /// <summary>Parses one UK Core example that must be valid.</summary>
    public static ElementNode ParseUkCoreExample(string fileName) => ParseJson(ReadUkCoreExample(fileName));

    /// <summary>Serializes a tree to JSON (compact unless <paramref name="pretty"/>).</summary>
    public static string SerializeJson(ElementNode node, bool pretty = false) =>
        JsonSerializer.Serialize(node, pretty ? FhirJsonSerializerOptions.Indented : FhirJsonSerializerOptions.Compact);
}
