using System.Diagnostics.Metrics;
using FhirFacade.Core.Access;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Location;
using FhirFacade.Core.Merging;
using FhirFacade.Core.Search;
using FhirFacade.Core.Sharing;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Model;
using FhirFacade.TestKit.Metrics;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Gateway;

/// <summary>The gateway wired by hand over a fake adapter at two organisations, A1 and B2, for the gateway tests.</summary>
internal static class TestGateway
{
    /// <summary>A request with no caller (no security layer) under a five-second budget.</summary>
    public static RequestContext Context(string? requester = null, string? patientContext = null) => requester is null && patientContext is null
        ? RequestContext.WithoutCaller("test-request", TimeSpan.FromSeconds(5))
        : new RequestContext(new Caller("test-app", [], patientContext, requester), "test-request", TimeSpan.FromSeconds(5));

    /// <summary>The gateway, called as one caller: every search and read is given the same <see cref="RequestContext"/>.</summary>
    public static GatewayUnderTest Create(
        FakeSupplierAdapter adapter,
        TimeSpan? supplierTimeout = null,
        IResourceValidator? validator = null,
        ValidationPolicy policy = ValidationPolicy.Enforce,
        OrganisationSharingOptions? sharingAtB2 = null,
        string? requester = null,
        IAccessPolicy? access = null,
        IProcessLoad? load = null,
        Func<IRecordLocator, IRecordLocator>? wrapLocator = null)
    {
        var directory = Directory(adapter, sharingAtB2);
        var registry = new SupplierAdapterRegistry([adapter]);
        var runner = Runner(new GatewayOptions { SupplierTimeout = supplierTimeout ?? TimeSpan.FromSeconds(2), OverallBudget = TimeSpan.FromSeconds(5) }, load);
        var validation = Validation(validator, policy);
        var gateway = new FhirGateway(
            registry,
            directory,
            (wrapLocator ?? (l => l))(new DirectoryRecordLocator(directory, registry, runner)),
            runner,
            validation,
            new ResourceMerger(registry, directory, FhirKernel.Default, TestResourceIds.Codec, validation),
            access ?? new AllowAllAccessPolicy(),
            new SharingPolicy(NullLogger<SharingPolicy>.Instance),
            TestResourceIds.Codec,
            TimeProvider.System,
            NullLogger<FhirGateway>.Instance);
        return new GatewayUnderTest(gateway, Context(requester));
    }

    /// <summary>Two organisations served by <paramref name="adapter"/>: B2 ("Practice B", with <paramref name="sharingAtB2"/>) listed before A1 ("Practice A").</summary>
    public static ConfiguredOrganisationDirectory Directory(FakeSupplierAdapter adapter, OrganisationSharingOptions? sharingAtB2 = null) =>
        new(Options.Create(new OrganisationDirectoryOptions
        {
            Organisations =
            [
                new OrganisationEndpoint { OdsCode = "B2", Name = "Practice B", Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/"), Sharing = sharingAtB2 ?? new() },
                new OrganisationEndpoint { OdsCode = "A1", Name = "Practice A", Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/") },
            ],
        }));

    /// <summary>The validation step over <paramref name="validator"/> (a fake that finds nothing, when not given) under <paramref name="policy"/>.</summary>
    public static ResourceValidationStep Validation(IResourceValidator? validator = null, ValidationPolicy policy = ValidationPolicy.Enforce) => new(
        validator ?? new FakeResourceValidator(),
        Options.Create(new ValidationOptions { Policy = policy }),
        new ValidationMetrics(TestMeters.Factory),
        NullLogger<ResourceValidationStep>.Instance);

    /// <summary>A runner over <paramref name="load"/> (never starved when not given), recording to <paramref name="meters"/>.</summary>
    public static SupplierCallRunner Runner(GatewayOptions options, IProcessLoad? load = null, IMeterFactory? meters = null)
    {
        load ??= new FakeProcessLoad();
        return new SupplierCallRunner(
            Options.Create(options),
            load,
            new GatewayMetrics(meters ?? TestMeters.Factory, load),
            TimeProvider.System,
            NullLogger<SupplierCallRunner>.Instance);
    }

    public static SearchRequest Search(string type, string query) =>
        SearchRequestParser.Parse(type, query.Split('&').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])), strict: false, TestResourceIds.Codec);
}

/// <summary>A gateway and the context its calls are made in (the edge's part, which the server plays in production).</summary>
internal sealed class GatewayUnderTest(FhirGateway gateway, RequestContext context)
{
    public FhirGateway Gateway => gateway;

    public RequestContext Context => context;

    public Task<GatewaySearchResult> SearchAsync(SearchRequest request, CancellationToken cancellationToken) => gateway.SearchAsync(context, request, cancellationToken);

    public Task<GatewayReadResult> ReadAsync(string resourceType, string id, CancellationToken cancellationToken) => gateway.ReadAsync(context, resourceType, id, cancellationToken);
}
