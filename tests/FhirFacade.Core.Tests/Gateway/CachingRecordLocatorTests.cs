using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Core.Location;
using FhirFacade.Core.Suppliers;
using FhirFacade.TestKit.Server;
using FhirFacade.TestKit.Time;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Gateway;

[Trait("Category", "Unit")]
public sealed class CachingRecordLocatorTests
{
    private static readonly NhsNumber Nhs = NhsNumber.TryParse("9000000009", out var n) ? n : default;

    [Fact]
    public async Task LocateAsync_WithinTtl_AsksSuppliersOnce()
    {
        var adapter = new CountingAdapter();
        var (sut, _) = CreateSut(adapter);

        await sut.LocateAsync(Nhs, CancellationToken.None);
        var second = await sut.LocateAsync(Nhs, CancellationToken.None);

        adapter.Calls.Should().Be(1);
        second.Holders.Should().ContainSingle();
    }

    [Fact]
    public async Task LocateAsync_AfterTtl_AsksAgain()
    {
        var adapter = new CountingAdapter();
        var (sut, clock) = CreateSut(adapter);

        await sut.LocateAsync(Nhs, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(31));
        await sut.LocateAsync(Nhs, CancellationToken.None);

        adapter.Calls.Should().Be(2);
    }

    [Fact]
    public async Task Forget_WithinTtl_MakesTheNextLocateAskAgain()
    {
        var adapter = new CountingAdapter();
        var (sut, _) = CreateSut(adapter);
        await sut.LocateAsync(Nhs, CancellationToken.None);

        sut.Forget(Nhs);
        await sut.LocateAsync(Nhs, CancellationToken.None);

        adapter.Calls.Should().Be(2);
    }

    [Fact]
    public async Task LocateAsync_WhenAnOrganisationFailed_DoesNotCache()
    {
        var adapter = new CountingAdapter { Fail = true };
        var (sut, _) = CreateSut(adapter);

        await sut.LocateAsync(Nhs, CancellationToken.None);
        await sut.LocateAsync(Nhs, CancellationToken.None);

        adapter.Calls.Should().Be(2);
    }

    private static (CachingRecordLocator Sut, FakeTimeProvider Clock) CreateSut(ISupplierAdapter adapter)
    {
        var clock = new FakeTimeProvider();
        var options = Options.Create(new GatewayOptions());
        var directory = new ConfiguredOrganisationDirectory(Options.Create(new OrganisationDirectoryOptions
        {
            Organisations = [new OrganisationEndpoint { OdsCode = "A1", Supplier = adapter.SupplierId, Endpoint = new Uri("http://127.0.0.1:1/") }],
        }));
        var runner = TestGateway.Runner(options.Value);
        var inner = new DirectoryRecordLocator(directory, new SupplierAdapterRegistry([adapter]), runner);
        return (new CachingRecordLocator(inner, options, clock), clock);
    }

    private sealed class CountingAdapter : ISupplierAdapter
    {
        public int Calls { get; private set; }

        public bool Fail { get; init; }

        public string SupplierId => "count";

        public string DisplayName => "Counting";

        public IReadOnlyList<SupplierResourceCapability> Capabilities => [];

        public Task<bool> HoldsPatientAsync(OrganisationEndpoint organisation, NhsNumber nhsNumber, CancellationToken cancellationToken)
        {
            Calls++;
            return Fail ? throw new SupplierException(SupplierFailureKind.Unavailable, "down") : Task.FromResult(true);
        }

        public Task<SupplierSearchResult> SearchAsync(OrganisationEndpoint organisation, SupplierQuery query, CancellationToken cancellationToken) => Task.FromResult(SupplierSearchResult.Empty);

        public Task<SupplierReadResult> ReadAsync(OrganisationEndpoint organisation, string resourceType, string nativeId, CancellationToken cancellationToken) => Task.FromResult(SupplierReadResult.NotFound);
    }
}
