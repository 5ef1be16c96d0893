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
    public static FhirGateway Create(
        FakeSupplierAdapter adapter,
        TimeSpan? supplierTimeout = null,
        IResourceValidator? validator = null,
        ValidationPolicy policy = ValidationPolicy.Enforce,
        OrganisationSharingOptions? sharingAtB2 = null,
        IRequestingOrganisation? requester = null,
        IAccessPolicy? access = null,
        IProcessLoad? load = null,
        Func<IRecordLocator, IRecordLocator>? wrapLocator = null)
    {
        var directory = new ConfiguredOrganisationDirectory(Options.Create(new OrganisationDirectoryOptions
        {
            Organisations =
            [
                new OrganisationEndpoint { OdsCode = "B2", Name = "Practice B", Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/"), Sharing = sharingAtB2 ?? new() },
                new OrganisationEndpoint { OdsCode = "A1", Name = "Practice A", Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/") },
            ],
        }));
        var registry = new SupplierAdapterRegistry([adapter]);
        var runner = Runner(new GatewayOptions { SupplierTimeout = supplierTimeout ?? TimeSpan.FromSeconds(2), OverallBudget = TimeSpan.FromSeconds(5) }, load);
        var validation = new ResourceValidationStep(
            validator ?? new FakeResourceValidator(),
            Options.Create(new ValidationOptions { Policy = policy }),
            new ValidationMetrics(TestMeters.Factory),
            NullLogger<ResourceValidationStep>.Instance);
        return new FhirGateway(
            registry,
            directory,
            (wrapLocator ?? (l => l))(new DirectoryRecordLocator(directory, registry, runner)),
            runner,
            validation,
            new ResourceMerger(registry, directory, FhirKernel.Default, TestResourceIds.Codec, validation),
            access ?? new AllowAllAccessPolicy(),
            new SharingPolicy(requester ?? new UnstatedRequestingOrganisation(), NullLogger<SharingPolicy>.Instance),
            TestResourceIds.Codec,
            TimeProvider.System,
            NullLogger<FhirGateway>.Instance);
    }

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
