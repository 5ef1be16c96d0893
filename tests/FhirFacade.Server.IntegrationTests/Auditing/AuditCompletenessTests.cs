using System.Text;
using FhirFacade.Core.Audit;
using FhirFacade.Server.Http;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Robustness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirFacade.Server.IntegrationTests.Auditing;

/// <summary>
/// Every way a request can end inside the application leaves exactly one audit record and an
/// OperationOutcome: the exception handler failing in turn, a response that fails part-way through
/// being written, and an audit trail that fails in an unexpected way (the request fails closed).
/// The client-abort paths need a real socket (KestrelProcessTests).
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditCompletenessTests(AuditCompletenessTests.Factory factory) : IClassFixture<AuditCompletenessTests.Factory>
{
    private const string FailHandlerHeader = "X-Test-Fail-Exception-Handler";
    private const string FailMidwayPath = "/test/fail-midway";
    private const string PartialBody = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[";

    [Theory]
    [InlineData(FhirMediaTypes.Json)]
    [InlineData(FhirMediaTypes.Xml)]
    public async Task Request_WhenTheExceptionHandlerItselfFails_Answers500OperationOutcomeAndIsAuditedOnce(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient?identifier={FhirHttp.Nhs}123");
        request.Headers.Add(FailHandlerHeader, "1");
        request.Headers.Accept.ParseAdd(accept);

        var call = await SendAsync(request);

        call.Status.Should().Be(500);
        call.ContentType.Should().StartWith(accept);
        call.IsOperationOutcome.Should().BeTrue(call.Body);
        call.Body.Should().Contain("INTERNAL_SERVER_ERROR").And.NotContain("handler failed");
        var record = call.Audit.Should().ContainSingle().Subject;
        record.Outcome.HttpStatus.Should().Be(500);
        record.PathTemplate.Should().Contain("{type", "the record names the endpoint routing chose, even after the handler cleared it");
    }

    [Fact]
    public async Task Response_WhenWritingFailsPartWay_Answers500WithoutThePartialBodyAndIsAuditedOnce()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FailMidwayPath);

        var call = await SendAsync(request);

        call.Status.Should().Be(500);
        call.IsOperationOutcome.Should().BeTrue(call.Body);
        call.Body.Should().NotContain("searchset");
        call.Audit.Should().ContainSingle().Which.Outcome.HttpStatus.Should().Be(500);
    }

    [Fact]
    public async Task Request_WhenTheAuditTrailFailsUnexpectedly_FailsClosedWith503AndReleasesNothing()
    {
        await using var broken = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAuditTrail>();
            services.AddSingleton<IAuditTrail, FaultyAuditTrail>();
        }));
        using var client = broken.CreateClient();

        using var response = await client.GetAsync($"/fhir/Patient?identifier={FhirHttp.Nhs}{TestPatients.EmisRich}");

        ((int)response.StatusCode).Should().Be(503);
        response.Headers.RetryAfter.Should().NotBeNull();
        var body = await response.Content.ReadAsStringAsync();
        FuzzOracle.IsOperationOutcome(Encoding.UTF8.GetBytes(body), FhirFormat.Json).Should().BeTrue(body);
        body.Should().NotContain(TestPatients.EmisRich).And.NotContain("searchset");
    }

    private async Task<AuditedCall> SendAsync(HttpRequestMessage request)
    {
        using var client = factory.CreateClient();
        return await AuditedCall.SendAsync(client, factory.Services, request);
    }

    /// <summary>
    /// The server in memory with two faults a test can trigger: an exception handler, ahead of the
    /// facade's, that throws when a request carries <see cref="FailHandlerHeader"/>; and, at
    /// <see cref="FailMidwayPath"/>, an endpoint-like step that writes part of a Bundle and then throws.
    /// </summary>
    public sealed class Factory : FacadeServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler, FailingExceptionHandler>());
                services.AddSingleton<IStartupFilter, FailMidwayStartupFilter>();
            });
        }
    }

    private sealed class FailingExceptionHandler : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
            httpContext.Request.Headers.ContainsKey(FailHandlerHeader)
                ? throw new InvalidOperationException("The test's exception handler failed.")
                : ValueTask.FromResult(false);
    }

    // After the application's own pipeline: reached only by paths no endpoint matched, inside the audit and the exception handler.
    private sealed class FailMidwayStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (HttpContext context, RequestDelegate rest) =>
            {
                if (context.Request.Path != FailMidwayPath)
                {
                    await rest(context);
                    return;
                }

                context.Response.ContentType = FhirMediaTypes.ContentType(FhirFormat.Json);
                await context.Response.WriteAsync(PartialBody, context.RequestAborted);
                throw new IOException("The test's writer failed part-way.");
            });
        };
    }

    private sealed class FaultyAuditTrail : IAuditTrail
    {
        public ValueTask<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken) => throw new InvalidCastException("not an audit failure the middleware knew by name");

        public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken) => throw new InvalidCastException();
    }
}
