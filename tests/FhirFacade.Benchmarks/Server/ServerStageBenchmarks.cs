using BenchmarkDotNet.Attributes;
using FhirFacade.Audit;
using FhirFacade.Core.Audit;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Server.Bundles;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Http;
using FhirFacade.Server.Security;
using FhirFacade.Suppliers.Emis.Mapping;
using FhirFacade.Suppliers.Emis.Native;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirFacade.Benchmarks.Server;

/// <summary>
/// Prices each stage of a facade request for the demo patient 9990000018 on one thread, so the
/// load benchmark's overhead (docs/benchmarks.md "Server") can be explained: EMIS XML parse, mapping
/// to UK Core, validation, Bundle build + serialization, JWT validation, and one durable audit append.
/// The EMIS documents are fetched once from the real simulator; every stage then runs in memory.
/// </summary>
[MemoryDiagnoser]
public class ServerStageBenchmarks
{
    private BenchmarkFacadeFactory _factory = null!;
    private ResourceIdCodec _ids = null!;
    private IFhirModel _model = null!;
    private IResourceValidator _validator = null!;
    private FhirJsonSerializer _serializer = null!;
    private SmartTokenValidator _tokens = null!;
    private IAuditStore _audit = null!;
    private string _auditDirectory = null!;
    private string _token = null!;
    private byte[] _summaryXml = null!;
    private byte[] _medicationsXml = null!;
    private EmisPatientRecord _summary = null!;
    private EmisPatientRecord _medications = null!;
    private ElementNode _patient = null!;
    private List<ElementNode> _medicationStatements = null!;
    private ElementNode _bundle = null!;
    private int _sequence;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _audit.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _factory.Dispose();
        Directory.Delete(_auditDirectory, recursive: true);
    }

    /// <summary>Reference: only the DOM load the adapter used before its forward-only reader (async XmlReader into an XDocument), without reading DTOs.</summary>
    [Benchmark]
    public int LoadMedicationsXDocumentAsync()
    {
        using var stream = new MemoryStream(_medicationsXml, writable: false);
        using var reader = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { Async = true, DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        return System.Xml.Linq.XDocument.LoadAsync(reader, System.Xml.Linq.LoadOptions.None, CancellationToken.None).GetAwaiter().GetResult().Root!.Elements().Count();
    }

    [Benchmark]
    public int ParsePatientSummaryXml() => Parse(_summaryXml).Practitioners.Count;

    [Benchmark]
    public int ParseMedicationsXml() => Parse(_medicationsXml).Medications.Count;

    [Benchmark]
    public ElementNode MapPatient() => EmisPatientMapper.Map(_summary, Context(_summary))!.ToElementNode(_model);

    [Benchmark]
    public int MapMedicationStatements()
    {
        var context = Context(_medications);
        return _medications.Medications.Count(m => EmisMedicationStatementMapper.Map(m, context)?.ToElementNode(_model) is not null);
    }

    [Benchmark]
    public int ValidatePatient() => _validator.Validate(_patient).Count;

    [Benchmark]
    public int ValidateMedicationStatements() => _medicationStatements.Sum(m => _validator.Validate(m).Count);

    [Benchmark]
    public int SerializePatient() => _serializer.SerializeToUtf8Bytes(_patient, FhirJsonSerializerOptions.Compact).Length;

    [Benchmark]
    public int SerializeMedicationStatementBundle() => _serializer.SerializeToUtf8Bytes(_bundle, FhirJsonSerializerOptions.Compact).Length;

    /// <summary>Baseline for <see cref="DeriveMedicationStatementVersions"/>: serializing the same resources one by one.</summary>
    [Benchmark]
    public int SerializeMedicationStatements() => _medicationStatements.Sum(m => _serializer.SerializeToUtf8Bytes(m, FhirJsonSerializerOptions.Compact).Length);

    /// <summary>
    /// The version a Vision resource gets (Vision gives none, ADR 0014): SHA-256 over each mapped resource's tree, here on
    /// the same MedicationStatements <see cref="SerializeMedicationStatements"/> serializes.
    /// </summary>
    [Benchmark]
    public int DeriveMedicationStatementVersions() => _medicationStatements.Sum(m => ResourceVersions.Derive(m).Length);

    /// <summary>The released-text scan every answer gets before it is serialized (ADR 0012), on a Bundle with nothing to replace.</summary>
    [Benchmark]
    public int RepairMedicationStatementBundle() => ReleasedText.Repair(_bundle);

    [Benchmark]
    public async Task<bool> ValidateJwt() =>
        (await _tokens.ValidateAsync(_token, BenchmarkFacadeFactory.Issuer, BenchmarkFacadeFactory.Audience, CancellationToken.None)).IsValid;

    /// <summary>One request's audit record, alone: the writer is idle, so this is one whole durable commit (fsync).</summary>
    [Benchmark]
    public async Task<long> AuditAppendDurable() => (await _audit.AppendAsync(Record(), CancellationToken.None)).Sequence;

    private static EmisPatientRecord Parse(byte[] xml)
    {
        using var stream = new MemoryStream(xml, writable: false);
        return EmisXmlReader.ReadRecord(stream);
    }

    private EmisMappingContext Context(EmisPatientRecord record) =>
        new(record.Organisation!.OdsCode, "Riverside Medical Practice (" + record.Organisation.OdsCode + ")", record.Patient!.NhsNumber!, _ids);

    private AuditRecord Record() => new()
    {
        Recorded = TimeProvider.System.GetUtcNow(),
        CorrelationId = "bench-" + Interlocked.Increment(ref _sequence),
        Agent = new AuditAgent("demo-client", "demo-user", null, "A81001"),
        Interaction = AuditInteractions.Read,
        Method = "GET",
        PathTemplate = "/fhir/{type}/{id}",
        ResourceTypes = ["Patient"],
        PatientNhsNumber = BenchmarkFacadeFactory.DemoNhsNumber,
        Sources = [new AuditSource("emis", "A81001")],
        ResourceCount = 1,
        Outcome = new AuditOutcome(200),
        SourceIp = "127.0.0.1",
    };

    private async Task SetupAsync()
    {
        _factory = new BenchmarkFacadeFactory(new Dictionary<string, string?>());
        using (_factory.CreateClient())
        {
            // Starting a client starts the host and the embedded simulators.
        }

        var services = _factory.Services;
        _ids = services.GetRequiredService<ResourceIdCodec>();
        _model = services.GetRequiredService<IFhirModel>();
        _validator = services.GetRequiredService<IResourceValidator>();
        _serializer = services.GetRequiredService<FhirJsonSerializer>();
        _tokens = services.GetRequiredService<SmartTokenValidator>();
        _token = _factory.ClinicianToken();
        _auditDirectory = Directory.CreateTempSubdirectory("ffaudit-stage-").FullName;
        _audit = AuditStores.Create(new AuditOptions { SqlitePath = Path.Combine(_auditDirectory, "audit.db") }, TimeProvider.System);
        await _audit.InitializeAsync(CancellationToken.None);

        using var native = new HttpClient { BaseAddress = _factory.EmisBaseAddress };
        native.DefaultRequestHeaders.Add("X-Api-Key", _factory.EmisApiKey);
        _summaryXml = await native.GetByteArrayAsync(new Uri($"api/patients/{BenchmarkFacadeFactory.DemoNhsNumber}", UriKind.Relative));
        _medicationsXml = await native.GetByteArrayAsync(new Uri($"api/patients/{BenchmarkFacadeFactory.DemoNhsNumber}/record?sections=medications", UriKind.Relative));
        _summary = Parse(_summaryXml);
        _medications = Parse(_medicationsXml);
        _patient = MapPatient();
        var context = Context(_medications);
        _medicationStatements = [.. _medications.Medications.Where(m => !m.Confidential).Select(m => EmisMedicationStatementMapper.Map(m, context)!.ToElementNode(_model))];

        var request = SearchRequestParser.Parse("MedicationStatement", [KeyValuePair.Create("patient.identifier", SearchRequestParser.NhsNumberSystem + "|" + BenchmarkFacadeFactory.DemoNhsNumber)], strict: false, _ids);
        var gatewayContext = RequestContext.WithoutCaller("benchmark", services.GetRequiredService<IOptions<GatewayOptions>>().Value.OverallBudget);
        var result = await services.GetRequiredService<FhirGateway>().SearchAsync(gatewayContext, request, CancellationToken.None);
        _bundle = services.GetRequiredService<SearchBundleBuilder>().Build(request, result, BenchmarkFacadeFactory.Audience).Bundle;
        Console.WriteLine($"// summary {_summaryXml.Length} B, medications {_medicationsXml.Length} B ({_medications.Medications.Count} items), bundle of {result.Matches.Count} matches");
    }
}
