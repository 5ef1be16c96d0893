using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Xml;
using FhirFacade.Fhir.Validation;
using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Validation.DifferentialTests.Engines;

/// <summary>The project's kernel (parser and validator), as the facade runs it.</summary>
internal sealed class KernelEngine
{
    public const string Name = "Kernel";

    private static readonly Lazy<KernelEngine> SharedEngine = new(() => new KernelEngine());

    private readonly FhirXmlParser _xml = new(TestFhir.Model);

    private KernelEngine()
    {
        Validator = FhirValidation.CreateValidator(TestFhir.Packages, TestFhir.Model, cacheOptions: new SnapshotCacheOptions { Enabled = false });
    }

    public static KernelEngine Shared => SharedEngine.Value;

    public FhirValidator Validator { get; }

    public EngineVerdict ValidateJson(string json, string? profile = null)
    {
        var parsed = TestFhir.JsonParser.Parse(json);
        return Verdict(parsed.Root, parsed.Issues, profile);
    }

    public EngineVerdict ValidateXml(string xml, string? profile = null)
    {
        var parsed = _xml.Parse(xml);
        return Verdict(parsed.Root, parsed.Issues, profile);
    }

    private EngineVerdict Verdict(ElementNode? root, IReadOnlyList<FhirFacade.Fhir.Issues.Issue> parseIssues, string? profile)
    {
        var errors = parseIssues.Where(i => i.IsError).Select(i => $"{i.Code} {i.Location} (parser): {i.Message}").ToList();
        if (root is null)
        {
            return new EngineVerdict(Name, errors.Count > 0 ? errors : ["(parser): no resource"]);
        }

        var result = Validator.Validate(root, profile);
        errors.AddRange(result.Errors.Select(i => $"{i.Code} {i.Location}: {i.Message}"));
        return new EngineVerdict(Name, errors);
    }
}
