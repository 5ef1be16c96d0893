using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Core.Gateway;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FluentAssertions.Execution;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FhirFacade.Server.IntegrationTests.Operations;

/// <summary>
/// The OpenTelemetry pipeline (src/FhirFacade.Server/Telemetry) with in-memory exporters in place of OTLP:
/// the span tree of a four-supplier search, and that nothing exported (span names, tags, events, status,
/// metric names and tags) nor logged holds a demo patient's NHS number, name, date of birth or clinical text.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TelemetryTests
{
    private static readonly string[] ClinicalTypes = ["MedicationStatement", "AllergyIntolerance", "Condition"];

    [Fact]
    public async Task FourSupplierSearch_HasOneChildSpanPerSupplierCallUnderTheRequestSpan()
    {
        await using var factory = new TelemetryFactory(new CapturingLoggerProvider());
        var client = factory.CreateClient();
        const string Url = "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + TestPatients.AllFourSuppliers;
        (await client.FhirGetAsync(Url)).Status.Should().Be(HttpStatusCode.OK, "warm-up: the patient's holders are located");
        await factory.WaitForRootSpanAsync();
        factory.SpanList.Clear();

        (await client.FhirGetAsync(Url)).Status.Should().Be(HttpStatusCode.OK);
        var request = await factory.WaitForRootSpanAsync();

        var calls = factory.Spans.Where(s => s.Source.Name == SupplierCallRunner.ActivitySourceName).ToList();
        var searches = calls.Where(s => (string?)s.GetTagItem(SupplierCallRunner.SpanTags.Call) == "search MedicationStatement").ToList();
        using var scope = new AssertionScope();
        request.Kind.Should().Be(ActivityKind.Server);
        request.GetTagItem("http.route").Should().BeOfType<string>().Which.Should().StartWith("/fhir/{type");
        request.DisplayName.Should().Be("GET " + request.GetTagItem("http.route"));
        request.TagObjects.Select(t => t.Key).Should().NotContain(["url.path", "url.query", "url.full"]);
        request.Events.Select(e => e.Name).Should().Contain("fhirfacade.audit.committed");
        searches.Should().HaveCount(4, "one span per supplier call");
        searches.Select(s => s.GetTagItem(SupplierCallRunner.SpanTags.Supplier)).Distinct().Should().HaveCount(4, "the patient is held by all four suppliers");
        foreach (var span in calls)
        {
            span.TraceId.Should().Be(request.TraceId);
            span.ParentSpanId.Should().Be(request.SpanId, "a supplier call is a child of the request span");
            span.DisplayName.Should().StartWith("supplier ");
            span.GetTagItem(SupplierCallRunner.SpanTags.Organisation).Should().BeOfType<string>().Which.Should().MatchRegex("^[A-Z0-9]{3,8}$");
            span.GetTagItem(SupplierCallRunner.SpanTags.Outcome).Should().Be(GatewayMetrics.Outcome.Success);
            span.GetTagItem(SupplierCallRunner.SpanTags.DurationMs).Should().BeOfType<double>().Which.Should().BeGreaterThanOrEqualTo(0);
        }

        factory.Spans.Where(s => s.Kind == ActivityKind.Client)
            .Should().NotBeEmpty("the supplier calls go over HTTP to the simulators")
            .And.OnlyContain(s => calls.Any(c => c.SpanId == s.ParentSpanId), "every outgoing HTTP call is made inside a supplier-call span");
    }

    [Fact]
    public async Task RepresentativeTraffic_ExportsNoPatientIdentifierNameBirthDateOrClinicalText()
    {
        var capture = new CapturingLoggerProvider();
        await using var factory = new TelemetryFactory(capture);
        var client = factory.CreateClient();
        var identifying = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (nhsNumber, name) in LogScanTests.DemoPatientsList())
        {
            identifying.Add(nhsNumber);
            identifying.Add(string.Create(CultureInfo.InvariantCulture, $"{nhsNumber[..3]} {nhsNumber[3..6]} {nhsNumber[6..]}"));
            identifying.UnionWith(name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var patients = await client.FhirGetAsync($"/fhir/Patient?identifier={FhirHttp.Nhs}{nhsNumber}");
            foreach (var patient in patients.Entries())
            {
                identifying.UnionWith(LogScanTests.IdentifyingValues(patient));
                await client.FhirGetAsync($"/fhir/Patient/{patient["id"]!.GetValue<string>()}");
            }

            foreach (var type in ClinicalTypes)
            {
                var found = await client.FhirGetAsync($"/fhir/{type}?patient.identifier={FhirHttp.Nhs}{nhsNumber}");
                identifying.UnionWith(found.Entries().SelectMany(ClinicalText));
            }

            // A read with the NHS number in the path (not an id this facade issued: answered 404).
            await client.FhirGetAsync($"/fhir/Patient/{nhsNumber}");
        }

        await factory.WaitForRootSpanAsync();
        factory.FlushMetrics();
        var exported = factory.Spans.SelectMany(SpanTexts)
            .Concat(factory.Metrics.SelectMany(MetricTexts))
            .Concat(capture.Logs.Select(log => log.AllText))
            .ToList();
        var leaks = exported.SelectMany(text => identifying.Where(value => LogScanTests.Contains(text, value)).Select(value => $"'{value}' in: {text}")).Distinct().ToList();

        using var scope = new AssertionScope();
        identifying.Should().Contain(value => value.Contains('-', StringComparison.Ordinal), "the birth dates of the demo patients were read back");
        identifying.Should().Contain(value => value.Length > 12 && value.Contains(' ', StringComparison.Ordinal), "clinical text of the demo patients was read back");
        factory.Spans.Should().Contain(s => s.Source.Name == SupplierCallRunner.ActivitySourceName);
        factory.Metrics.Select(m => m.Name).Should().Contain(["fhirfacade.supplier.call.duration", "http.server.request.duration"]);
        leaks.Should().BeEmpty();
    }

    // What an exporter sends of a span: its name, status, tags, events and their tags, baggage and links.
    private static IEnumerable<string> SpanTexts(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription ?? string.Empty }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}").Append(e.Name)))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"))
            .Concat(span.Links.SelectMany(l => l.Tags?.Select(t => $"{t.Key}={t.Value}") ?? []));

    private static IEnumerable<string> MetricTexts(MetricSnapshot metric)
    {
        yield return metric.Name;
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return $"{metric.Name} {tag.Key}={tag.Value}";
            }
        }
    }

    // The clinical words a resource carries: code texts and displays, notes, reasons (whole phrases).
    private static IEnumerable<string> ClinicalText(JsonNode resource) =>
        Strings(resource)
            .Where(p => p.Path.EndsWith(".text", StringComparison.Ordinal) || p.Path.EndsWith(".display", StringComparison.Ordinal))
            .Where(p => !p.Path.Contains("meta", StringComparison.Ordinal) && !p.Path.Contains("reference", StringComparison.OrdinalIgnoreCase) && !p.Path.Contains("div", StringComparison.Ordinal))
            .Select(p => p.Value)
            .Where(v => v.Length > 12 && v.Contains(' ', StringComparison.Ordinal));

    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    foreach (var item in Strings(child, path + "." + key))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var item in Strings(child, path))
                    {
                        yield return item;
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return (path, text);
                break;
        }
    }

    /// <summary>The embedded default with telemetry on, OTLP off, in-memory exporters and a capturing logger.</summary>
    private sealed class TelemetryFactory(CapturingLoggerProvider capture) : FacadeServerFactory
    {
        public LockedList<Activity> SpanList { get; } = new();

        public LockedList<MetricSnapshot> MetricList { get; } = new();

        public IReadOnlyList<Activity> Spans => SpanList.Snapshot();

        public IReadOnlyList<MetricSnapshot> Metrics => MetricList.Snapshot();

        protected override Dictionary<string, string?> Settings => new() { ["Logging:LogLevel:FhirFacade"] = "Trace" };

        public void FlushMetrics() => Services.GetRequiredService<MeterProvider>().ForceFlush().Should().BeTrue();

        /// <summary>The request span ends after the answer was sent: wait for it (bounded).</summary>
        public async Task<Activity> WaitForRootSpanAsync()
        {
            for (var i = 0; i < 100; i++)
            {
                if (Spans.LastOrDefault(s => s.Kind == ActivityKind.Server && s.ParentSpanId == default) is { } root)
                {
                    return root;
                }

                await Task.Delay(50);
            }

            var seen = string.Join("; ", Spans.Select(s => $"{s.Source.Name} {s.Kind} parent={s.ParentSpanId}").Distinct().Take(10));
            throw new TimeoutException($"no request span was exported within 5 s; {Spans.Count} spans: {seen}");
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // Host settings: Program reads these while registering services, before the app configuration sources apply.
            builder.UseSetting("Facade:Telemetry:Enabled", "true");
            builder.UseSetting("Facade:Telemetry:OtlpExport", "false");
            builder.ConfigureServices(services => services
                .AddLogging(logging => logging.AddProvider(capture))
                .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(SpanList))
                .ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(MetricList)));
        }
    }

    /// <summary>A list the exporters add to from any thread while the test reads snapshots.</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public IReadOnlyList<T> Snapshot()
        {
            lock (_items)
            {
                return [.. _items];
            }
        }

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item) => Snapshot().Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
