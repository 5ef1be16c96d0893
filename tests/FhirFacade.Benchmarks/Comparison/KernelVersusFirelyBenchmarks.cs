using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Fhir.Validation;
using FhirFacade.Validation.DifferentialTests.Engines;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace FhirFacade.Benchmarks.Comparison;

/// <summary>
/// The kernel against Firely (issue #14, ADR 0008), in one run on the same resources: the 62 UK Core
/// STU2 examples of the seven profiles the facade emits. One operation is one resource (the loop over all
/// 62 counts as 62 operations). <c>validate</c>: warm validation, one thread, against the resource's UK Core
/// profile, each engine with its own parsed form (kernel element tree, Firely POCO); <c>json</c>: parse
/// the UTF-8 bytes and serialize again. Firely is the baseline of each category.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class KernelVersusFirelyBenchmarks
{
    private const string Validate = "validate";
    private const string Json = "json";
    private const int Examples = 62;
    private static readonly string[] FacadeTypes = ["Patient", "MedicationStatement", "Medication", "AllergyIntolerance", "Condition", "Organization", "Practitioner"];

    private readonly ArrayBufferWriter<byte> _firelyOutput = new(64 * 1024);
    private readonly MemoryStream _kernelOutput = new(64 * 1024);
    private FhirKernel _kernel = null!;
    private FhirValidator _kernelValidator = null!;
    private Validator _firelyValidator = null!;
    private FhirJsonDeserializer _firelyDeserializer = null!;
    private BaseFhirJsonSerializer _firelySerializer = null!;
    private byte[][] _json = [];
    private string[] _profiles = [];
    private ElementNode[] _kernelResources = [];
    private Resource[] _firelyResources = [];

    [GlobalSetup]
    public void Setup()
    {
        _kernel = FhirKernel.Create(FhirPackageSet.OpenProject());
        _kernelValidator = FhirValidation.CreateValidator(_kernel.Packages, _kernel.Model);

        var checkout = FhirPackageLocator.FindCheckoutRoot() ?? throw new InvalidOperationException("Checkout not found.");
        var packages = Path.GetFullPath(Path.Combine(checkout, "..", "shared", "fhir-packages"));
        var ukCore = Path.Combine(packages, "fhir.r4.ukcore.stu2#2.0.2", "package");
        var resolver = new CachedResolver(new SnapshotSource(new CachedResolver(new PackageFolderResolver([Path.Combine(packages, "hl7.fhir.r4.core#4.0.1", "package"), ukCore]))));
        _firelyValidator = new Validator(resolver, LocalTerminologyService.CreateDefaultForCore(resolver));
        _firelyDeserializer = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));
        _firelySerializer = new BaseFhirJsonSerializer(ModelInfo.ModelInspector);

        var files = Directory.EnumerateFiles(Path.Combine(ukCore, "examples"), "*.json")
            .Where(f => FacadeTypes.Contains(Path.GetFileName(f).Split('-')[0]))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count != Examples)
        {
            throw new InvalidOperationException($"Expected {Examples} UK Core examples of the seven profiles, found {files.Count}.");
        }

        _json = [.. files.Select(File.ReadAllBytes)];
        _profiles = [.. files.Select(f => "https://fhir.hl7.org.uk/StructureDefinition/UKCore-" + Path.GetFileName(f).Split('-')[0])];
        _kernelResources = [.. _json.Select(bytes => _kernel.JsonParser.Parse(bytes).Root ?? throw new InvalidOperationException("kernel parse"))];
        _firelyResources = [.. _json.Select(FirelyParse)];

        // Warm both: every profile and data type compiled, every snapshot generated, before measuring.
        KernelValidate();
        FirelyValidate();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Examples)]
    [BenchmarkCategory(Validate)]
    public int FirelyValidate()
    {
        var issues = 0;
        for (var i = 0; i < _firelyResources.Length; i++)
        {
            issues += _firelyValidator.Validate(_firelyResources[i], _profiles[i]).Issue.Count;
        }

        return issues;
    }

    [Benchmark(OperationsPerInvoke = Examples)]
    [BenchmarkCategory(Validate)]
    public int KernelValidate()
    {
        var issues = 0;
        for (var i = 0; i < _kernelResources.Length; i++)
        {
            issues += _kernelValidator.Validate(_kernelResources[i], _profiles[i]).Issues.Count;
        }

        return issues;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Examples)]
    [BenchmarkCategory(Json)]
    public long FirelyJsonRoundTrip()
    {
        long written = 0;
        foreach (var bytes in _json)
        {
            var resource = FirelyParse(bytes);
            _firelyOutput.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_firelyOutput))
            {
                _firelySerializer.Serialize(resource, writer);
            }

            written += _firelyOutput.WrittenCount;
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = Examples)]
    [BenchmarkCategory(Json)]
    public long KernelJsonRoundTrip()
    {
        long written = 0;
        foreach (var bytes in _json)
        {
            var resource = _kernel.JsonParser.Parse(bytes).Root!;
            _kernelOutput.SetLength(0);
            _kernel.JsonSerializer.Serialize(resource, _kernelOutput, FhirJsonSerializerOptions.Compact);
            written += _kernelOutput.Length;
        }

        return written;
    }

    private Resource FirelyParse(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        _firelyDeserializer.TryDeserializeResource(ref reader, out var resource, out _);
        return resource ?? throw new InvalidOperationException("Firely parse: " + Encoding.UTF8.GetString(bytes, 0, Math.Min(80, bytes.Length)));
    }
}
