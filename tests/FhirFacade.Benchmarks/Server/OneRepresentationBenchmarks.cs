using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Merging;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Emis.Mapping;
using FhirFacade.Suppliers.Emis.Native;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Benchmarks.Server;

/// <summary>
/// Issue #16 item 4 (docs/adr/0022-one-representation-on-the-hot-path.md), old and new in the same run, on the demo
/// patient's four EMIS MedicationStatements (as <see cref="ServerStageBenchmarks"/> maps them):
/// <list type="bullet">
/// <item><c>tag</c>: a merged resource's record-source tags (two sources) added through a typed round trip, as
/// <c>ResourceMerger.Tagged</c> did (baseline), against added to the tree in place, and in place plus the validation of
/// the tagged form that the merger now runs;</item>
/// <item><c>attach</c>: moving each resource tree under its Bundle entry by removing its children one by one, as
/// <c>SearchBundleBuilder.Attach</c> did (baseline), against <see cref="ElementNode.MoveChildrenTo"/>.</item>
/// </list>
/// Both sides change the trees they are given, so every operation starts from fresh copies; <c>Copy</c> prices the
/// copying alone (it is inside every other figure).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class OneRepresentationBenchmarks
{
    private const string Tag = "tag";
    private const string Attach = "attach";
    private const string Copy = "copy";

    private BenchmarkFacadeFactory _factory = null!;
    private IFhirModel _model = null!;
    private IResourceValidator _validator = null!;
    private List<ElementNode> _statements = null!;
    private (string Code, string Display)[] _sources = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _factory.Dispose();

    [Benchmark]
    [BenchmarkCategory(Copy)]
    public int CopyMedicationStatements() => Copies().Sum(c => c.Children.Count);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Tag)]
    public int TagByTypedRoundTrip()
    {
        var count = 0;
        foreach (var copy in Copies())
        {
            var typed = FhirResource.FromElementNode(copy);
            typed.Meta ??= new Meta();
            foreach (var (code, display) in _sources)
            {
                typed.Meta.Tag.Add(new Coding(RecordSourceTags.System, code, display));
            }

            count += typed.ToElementNode(_model).Children.Count;
        }

        return count;
    }

    [Benchmark]
    [BenchmarkCategory(Tag)]
    public int TagInPlace()
    {
        var count = 0;
        foreach (var copy in Copies())
        {
            RecordSourceTags.AddTo(copy, _model, _sources);
            count += copy.Children.Count;
        }

        return count;
    }

    [Benchmark]
    [BenchmarkCategory(Tag)]
    public int TagInPlaceAndValidate()
    {
        var count = 0;
        foreach (var copy in Copies())
        {
            RecordSourceTags.AddTo(copy, _model, _sources);
            count += _validator.Validate(copy).Count;
        }

        return count;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Attach)]
    public int AttachByRemovingChildren()
    {
        var (bundle, entries) = Shell();
        var copies = Copies();
        for (var i = 0; i < copies.Count; i++)
        {
            var resource = copies[i];
            var nested = new ElementNode("resource", resource.InstanceType, resource.Type, entries[i].Type?.FindChild("resource"));
            foreach (var child in resource.Children.ToList())
            {
                resource.RemoveChild(child);
                nested.AddChild(child);
            }

            entries[i].AddChild(nested);
        }

        return bundle.Children.Count;
    }

    [Benchmark]
    [BenchmarkCategory(Attach)]
    public int AttachByMovingChildren()
    {
        var (bundle, entries) = Shell();
        var copies = Copies();
        for (var i = 0; i < copies.Count; i++)
        {
            var resource = copies[i];
            var nested = new ElementNode("resource", resource.InstanceType, resource.Type, entries[i].Type?.FindChild("resource"));
            resource.MoveChildrenTo(nested);
            entries[i].AddChild(nested);
        }

        return bundle.Children.Count;
    }

    private List<ElementNode> Copies() => _statements.ConvertAll(s => s.DeepCopy());

    private (ElementNode Bundle, List<ElementNode> Entries) Shell()
    {
        var bundle = Bundle.SearchSet(_statements.Count);
        foreach (var statement in _statements)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = "https://facade.example.org/fhir/MedicationStatement/" + statement.Child("id")!.Text,
                Search = new Bundle.SearchComponent { Mode = BundleCodes.SearchModeMatch },
            });
        }

        var node = bundle.ToElementNode(_model);
        return (node, [.. node.ChildrenNamed("entry")]);
    }

    private async Task SetupAsync()
    {
        _factory = new BenchmarkFacadeFactory(new Dictionary<string, string?>());
        using (_factory.CreateClient())
        {
            // Starting a client starts the host and the embedded simulators.
        }

        var services = _factory.Services;
        var ids = services.GetRequiredService<ResourceIdCodec>();
        _model = services.GetRequiredService<IFhirModel>();
        _validator = services.GetRequiredService<IResourceValidator>();
        using var native = new HttpClient { BaseAddress = _factory.EmisBaseAddress };
        native.DefaultRequestHeaders.Add("X-Api-Key", _factory.EmisApiKey);
        var xml = await native.GetByteArrayAsync(new Uri($"api/patients/{BenchmarkFacadeFactory.DemoNhsNumber}/record?sections=medications", UriKind.Relative));
        using var stream = new MemoryStream(xml, writable: false);
        var record = EmisXmlReader.ReadRecord(stream);
        var context = new EmisMappingContext(record.Organisation!.OdsCode, "Riverside Medical Practice (" + record.Organisation.OdsCode + ")", record.Patient!.NhsNumber!, ids);
        _statements = [.. record.Medications.Where(m => !m.Confidential).Select(m => EmisMedicationStatementMapper.Map(m, context)!.ToElementNode(_model))];
        _sources =
        [
            (RecordSourceTags.Code("emis", record.Organisation.OdsCode), "EMIS Web at Riverside Medical Practice (" + record.Organisation.OdsCode + ")"),
            (RecordSourceTags.Code("tpp", "Y01234"), "TPP SystmOne at Riverside Community Services (Y01234)"),
        ];
        Console.WriteLine($"// {_statements.Count} MedicationStatements, {_statements.Sum(s => s.Descendants().Count() + 1)} nodes; validation errors on the tagged form: {_statements.Sum(s => Tagged(s).Count(i => i.IsError))}");
    }

    private IReadOnlyList<FhirFacade.Fhir.Issues.Issue> Tagged(ElementNode statement)
    {
        var copy = statement.DeepCopy();
        RecordSourceTags.AddTo(copy, _model, _sources);
        return _validator.Validate(copy);
    }
}
