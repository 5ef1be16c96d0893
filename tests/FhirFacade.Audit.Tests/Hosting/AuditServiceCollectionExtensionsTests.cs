using FhirFacade.Audit.Benchmarking;
using FhirFacade.Audit.Postgres;
using FhirFacade.Audit.Sqlite;
using FhirFacade.Audit.Tests.Support;
using FhirFacade.Core.Audit;
using FhirFacade.TestKit.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirFacade.Audit.Tests.Hosting;

[Trait("Category", "Unit")]
public sealed class AuditServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ffaudit-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task AddFhirFacadeAudit_WithSqliteConfiguration_ResolvesOneSqliteStoreForEveryPort()
    {
        var path = Path.Combine(_directory, "audit.db");
        await using var provider = CreateProvider(new() { ["Audit:Store"] = "Sqlite", ["Audit:SqlitePath"] = path, ["Audit:MaxBatchSize"] = "32" });

        var trail = provider.GetRequiredService<IAuditTrail>();
        var reader = provider.GetRequiredService<IAuditChainReader>();
        var options = provider.GetRequiredService<IOptions<AuditOptions>>().Value;
        var entry = await trail.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None);

        trail.Should().BeOfType<SqliteAuditTrail>().Which.Path.Should().Be(path);
        reader.Should().BeSameAs(trail);
        options.MaxBatchSize.Should().Be(32);
        entry.Sequence.Should().Be(1);
    }

    [Fact]
    public async Task AddFhirFacadeAudit_WithPostgresConfiguration_ResolvesPostgresStore()
    {
        await using var provider = CreateProvider(new() { ["Audit:Store"] = "Postgres", ["Audit:PostgresConnectionString"] = "Host=127.0.0.1;Port=1;Database=none" });

        var trail = provider.GetRequiredService<IAuditTrail>();

        trail.Should().BeOfType<PostgresAuditTrail>();
    }

    [Fact]
    public async Task AddFhirFacadeAudit_PostgresWithoutConnectionString_FailsOptionsValidation()
    {
        await using var provider = CreateProvider(new() { ["Audit:Store"] = "Postgres" });

        var resolve = () => provider.GetRequiredService<IOptions<AuditOptions>>().Value;

        resolve.Should().Throw<OptionsValidationException>().WithMessage("*PostgresConnectionString*");
    }

    [Fact]
    public async Task StartHost_StoreNoneWithoutBenchmarkSwitch_IsRefusedAtStartUp()
    {
        using var host = CreateHost(new() { ["Audit:Store"] = "None" });

        var start = () => host.StartAsync(CancellationToken.None);

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage("*AllowNoneForBenchmarks*");
    }

    [Fact]
    public async Task StartHost_StoreNoneWithBenchmarkSwitchFalse_IsRefusedAtStartUp()
    {
        using var host = CreateHost(new() { ["Audit:Store"] = "None", ["Audit:AllowNoneForBenchmarks"] = "false" });

        var start = () => host.StartAsync(CancellationToken.None);

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage("*benchmarks only*");
    }

    [Fact]
    public async Task AddFhirFacadeAudit_StoreNoneWithBenchmarkSwitch_ResolvesTheNoAuditStoreWhichRecordsNothing()
    {
        await using var provider = CreateProvider(new() { ["Audit:Store"] = "None", ["Audit:AllowNoneForBenchmarks"] = "true" });

        var trail = provider.GetRequiredService<IAuditTrail>();
        var entry = await trail.AppendAsync(AuditTestRecords.Create(1), CancellationToken.None);
        var found = await trail.SearchAsync(new AuditQuery(), CancellationToken.None);

        trail.Should().BeOfType<NoAuditStore>();
        entry.Sequence.Should().Be(1);
        found.Should().BeEmpty();
    }

    [Fact]
    public void AuditStoresCreate_StoreNoneWithoutBenchmarkSwitch_Throws()
    {
        var create = () => AuditStores.Create(new AuditOptions { Store = AuditStoreKind.None }, TimeProvider.System);

        create.Should().Throw<InvalidOperationException>().WithMessage("*AllowNoneForBenchmarks*");
    }

    [Fact]
    public async Task AddFhirFacadeAudit_WithoutAuditSection_DefaultsToSqliteInAppData()
    {
        await using var provider = CreateProvider([]);

        var options = provider.GetRequiredService<IOptions<AuditOptions>>().Value;

        options.Store.Should().Be(AuditStoreKind.Sqlite);
        options.ResolvedSqlitePath.Should().Be(AuditOptions.DefaultSqlitePath).And.EndWith(Path.Combine("FhirFacade", "audit.db"));
        provider.GetServices<IHostedService>().Should().ContainSingle();
    }

    [Fact]
    public async Task StartHostedServices_WithSqliteStore_CreatesTheDatabase()
    {
        var path = Path.Combine(_directory, "audit.db");
        await using var provider = CreateProvider(new() { ["Audit:SqlitePath"] = path });

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        File.Exists(path).Should().BeTrue();
    }

    [Fact]
    public async Task StartHostedServices_WhenTheTrailIsReplacedInMemory_NeverTouchesTheConfiguredDatabase()
    {
        var path = Path.Combine(_directory, "audit.db");
        await using var provider = CreateProvider(
            new() { ["Audit:SqlitePath"] = path },
            services => services.AddSingleton<IAuditTrail, InMemoryAuditTrail>());

        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }

        provider.GetRequiredService<IAuditTrail>().Should().BeOfType<InMemoryAuditTrail>();
        File.Exists(path).Should().BeFalse();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static IHost CreateHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddFhirFacadeAudit(builder.Configuration);
        return builder.Build();
    }

    private static ServiceProvider CreateProvider(Dictionary<string, string?> settings, Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFhirFacadeAudit(configuration);
        replace?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
