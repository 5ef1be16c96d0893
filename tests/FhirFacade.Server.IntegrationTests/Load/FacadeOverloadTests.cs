using System.Net;
using FhirFacade.Core.Audit;
using FhirFacade.Core.Gateway;
using FhirFacade.Server.IntegrationTests.Faults;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.Hosting;
using FhirFacade.Simulators.World;
using FhirFacade.TestKit.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirFacade.Server.IntegrationTests.Load;

/// <summary>
/// Over the real server and simulators: when a supplier call runs out of time while the facade's own
/// process is starved, the answer names the facade's overload (<c>FACADE-OVERLOADED</c>, naming the
/// supplier and organisation it could not wait for), never a supplier timeout; with nothing else to
/// answer it is 503 with <c>Retry-After</c>, audited. The process's starvation is set through
/// <see cref="IProcessLoad"/> (the probe that measures it for real has its own tests).
/// </summary>
[Trait("Category", "Integration")]
public sealed class FacadeOverloadTests(FacadeOverloadTests.StarvableFactory factory) : IClassFixture<FacadeOverloadTests.StarvableFactory>, IAsyncLifetime
{
    private ISupplierSimulator? _faulted;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        factory.Load.StarvedShare = 0;
        if (_faulted is not null)
        {
            await _faulted.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Search_WhenOneOfFourSuppliersTimesOutWhileTheFacadeIsStarved_Returns200NamingTheFacadeNotTheSupplier()
    {
        await HangAsync(SupplierKind.Emis, TestPatients.AllFourSuppliers);
        factory.Load.StarvedShare = 1;

        var response = await factory.CreateClient().FhirGetAsync("/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + TestPatients.AllFourSuppliers);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().NotBeEmpty("the other suppliers answered");
        var issue = response.Issues().Should().ContainSingle(i => i["diagnostics"]!.GetValue<string>() == SupplierCallRunner.FacadeOverloadedCode).Subject;
        issue["code"]!.GetValue<string>().Should().Be("throttled");
        issue["details"]!["text"]!.GetValue<string>().Should().Contain("(emis)").And.Contain("A81002").And.Contain("not a failure of that system");
        response.Issues().Should().NotContain(i => i["diagnostics"]!.GetValue<string>().StartsWith("SUPPLIER-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_WhenTheOnlySupplierTimesOutWhileTheFacadeIsStarved_Returns503WithRetryAfterAndIsAudited()
    {
        await HangAsync(SupplierKind.Emis, TestPatients.EmisRich);
        factory.Load.StarvedShare = 1;
        var correlationId = Guid.NewGuid().ToString("D");

        var response = await factory.CreateClient().FhirGetAsync(
            "/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + TestPatients.EmisRich,
            headers: new Dictionary<string, string> { ["X-Request-Id"] = correlationId });

        response.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Header("Retry-After").Should().Be("1");
        response.Issues().Should().ContainSingle().Which["diagnostics"]!.GetValue<string>().Should().Be(SupplierCallRunner.FacadeOverloadedCode);
        var entries = await factory.Services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        var outcome = entries.Should().ContainSingle().Subject.Record.Outcome;
        outcome.HttpStatus.Should().Be(503);
        outcome.IssueCode.Should().Be("throttled");
    }

    [Fact]
    public async Task Search_WhenTheOnlySupplierTimesOutAndTheFacadeKeepsUp_Returns504NamingTheSupplier()
    {
        await HangAsync(SupplierKind.Emis, TestPatients.EmisRich);
        factory.Load.StarvedShare = 0;

        var response = await factory.CreateClient().FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + TestPatients.EmisRich);

        response.Status.Should().Be(HttpStatusCode.GatewayTimeout);
        response.Issues().Should().ContainSingle().Which["diagnostics"]!.GetValue<string>().Should().Be("SUPPLIER-TIMEOUT");
    }

    private async Task HangAsync(SupplierKind supplier, string nhsNumber)
    {
        _faulted = factory.Simulators.Get(supplier);
        await _faulted.ApplyAsync(SupplierFault.Hang, nhsNumber);
    }

    /// <summary>Short supplier time limits, locations kept for the run, and a process load the tests set.</summary>
    public sealed class StarvableFactory : FacadeServerFactory, IAsyncLifetime
    {
        public FakeProcessLoad Load { get; } = new();

        protected override Dictionary<string, string?> Settings => new()
        {
            ["Facade:Gateway:SupplierTimeout"] = "00:00:00.800",
            ["Facade:Gateway:OverallBudget"] = "00:00:01",
            ["Facade:Gateway:LocationCacheTtl"] = "00:10:00",
        };

        public async Task InitializeAsync()
        {
            using var client = CreateClient();
            foreach (var nhs in new[] { TestPatients.AllFourSuppliers, TestPatients.EmisRich })
            {
                // Warm every adapter's path and cache the location, so a hang set later meets the record call.
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    var response = await client.FhirGetAsync("/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + nhs);
                    if (response.Status == HttpStatusCode.OK && !response.Issues().Any(LoadSheddingTests.IsFailureReport))
                    {
                        break;
                    }
                }
            }
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IProcessLoad>(Load)));
        }
    }
}
