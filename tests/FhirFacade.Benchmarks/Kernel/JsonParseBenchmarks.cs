using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Xml;

namespace FhirFacade.Benchmarks.Kernel;

/// <summary>
/// Typed FHIR parse and canonical serialize of a UK Core Patient and of a 100-entry Bundle, against
/// raw <see cref="JsonDocument"/> parsing of the same bytes as the baseline (goal: typed parse within 3×).
/// </summary>
[MemoryDiagnoser]
public class JsonParseBenchmarks
{
    private FhirKernel _kernel = null!;
    private byte[] _input = null!;
    private ElementNode _parsed = null!;

    [Params("Patient", "Bundle100")]
    public string Input { get; set; } = "Patient";

    [GlobalSetup]
    public void Setup()
    {
        _kernel = FhirKernel.Default;
        _input = Input == "Patient" ? BenchmarkData.Patient() : BenchmarkData.Bundle100();
        _parsed = _kernel.JsonParser.Parse(_input).Root ?? throw new InvalidOperationException("benchmark input does not parse");
        Console.WriteLine($"// {Input}: {_input.Length} bytes");
    }

    [Benchmark(Baseline = true)]
    public int RawJsonDocument()
    {
        using var document = JsonDocument.Parse(_input);
        return document.RootElement.GetArrayLength_OrPropertyCount();
    }

    [Benchmark]
    public ElementNode? TypedParse() => _kernel.JsonParser.Parse(_input).Root;

    [Benchmark]
    public byte[] CanonicalSerialize() => _kernel.JsonSerializer.SerializeToUtf8Bytes(_parsed);

    [Benchmark]
    public byte[] TypedParseAndSerialize() => _kernel.JsonSerializer.SerializeToUtf8Bytes(_kernel.JsonParser.Parse(_input).Root!);

    [Benchmark]
    public byte[] XmlSerialize() => FhirXmlSerializer.SerializeToBytes(_parsed);
}

internal static class JsonElementExtensions
{
    public static int GetArrayLength_OrPropertyCount(this JsonElement element)
    {
        var count = 0;
        foreach (var unused in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }
}
