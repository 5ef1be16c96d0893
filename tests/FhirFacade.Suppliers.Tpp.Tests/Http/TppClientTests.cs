using System.Net;
using FhirFacade.Core.Suppliers;
using FhirFacade.Suppliers.Tpp.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Suppliers.Tpp.Tests.Http;

/// <summary>The client's edge cases over a stub handler, through the registered named HttpClient and its resilience handler.</summary>
[Trait("Category", "Unit")]
public sealed class TppClientTests : IDisposable
{
    private static readonly OrganisationEndpoint Moorland = new() { OdsCode = "B82005", Supplier = "tpp", Endpoint = new Uri("http://127.0.0.1:9/") };

    private ServiceProvider? _services;

    public static TheoryData<string, HttpStatusCode, string, SupplierFailureKind> Failures => new()
    {
        { "sharing switched off", HttpStatusCode.Forbidden, """{"error":{"code":"THIRD_PARTY_SHARING_DISABLED","message":"off","odsCodes":["B82010"]}}""", SupplierFailureKind.Refused },
        { "other 403", HttpStatusCode.Forbidden, """{"error":{"code":"FORBIDDEN","message":"no"}}""", SupplierFailureKind.Unauthorized },
        { "403 with unreadable body", HttpStatusCode.Forbidden, "<html>", SupplierFailureKind.Unauthorized },
        { "wrong API key", HttpStatusCode.Unauthorized, """{"error":{"code":"UNAUTHORISED","message":"key"}}""", SupplierFailureKind.Unauthorized },
        { "bad request", HttpStatusCode.BadRequest, """{"error":{"code":"INVALID_QUERY","message":"?"}}""", SupplierFailureKind.Unavailable },
        { "server error", HttpStatusCode.InternalServerError, """{"error":{"code":"INTERNAL_ERROR","message":"boom"}}""", SupplierFailureKind.Unavailable },
        { "cut JSON", HttpStatusCode.OK, """{"queryType":"PatientRecord","records":[{"unit":{"odsCode":"B8""", SupplierFailureKind.Malformed },
        { "wrong JSON types", HttpStatusCode.OK, """{"records":[{"recordVersion":"twelve"}]}""", SupplierFailureKind.Malformed },
        { "JSON null", HttpStatusCode.OK, "null", SupplierFailureKind.Malformed },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task GetPatientRecord_FailedAnswer_ThrowsSupplierExceptionOfKind(string scenario, HttpStatusCode status, string body, SupplierFailureKind expected)
    {
        var client = CreateSut(new StubHandler(StubHandler.Json(status, body)));

        var act = () => client.GetPatientRecordAsync(Moorland, "9990000026", ["problems"], CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>(scenario)).Which.Kind.Should().Be(expected, scenario);
    }

    [Fact]
    public async Task GetPatientRecord_NotFound_ReturnsNull()
    {
        var client = CreateSut(new StubHandler(StubHandler.Json(HttpStatusCode.NotFound, """{"error":{"code":"PATIENT_NOT_FOUND","message":"?"}}""")));

        var answer = await client.GetPatientRecordAsync(Moorland, "9990000017", ["problems"], CancellationToken.None);

        answer.Should().BeNull();
    }

    [Fact]
    public async Task GetPatientRecord_TransientServerError_RetriesOnceAndSucceeds()
    {
        var stub = new StubHandler(
            StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"SERVICE_UNAVAILABLE","message":"busy"}}"""),
            StubHandler.Json(HttpStatusCode.OK, """{"queryType":"PatientRecord","nhsNumber":"9990000026","records":[]}"""));
        var client = CreateSut(stub);

        var answer = await client.GetPatientRecordAsync(Moorland, "9990000026", ["problems"], CancellationToken.None);

        answer!.Records.Should().BeEmpty();
        stub.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task GetPatientRecord_AttemptTimesOut_ThrowsTimeout()
    {
        var client = CreateSut(new StubHandler(StubHandler.Never()));

        var act = () => client.GetPatientRecordAsync(Moorland, "9990000026", ["problems"], CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Timeout);
    }

    [Fact]
    public async Task GetPatientRecord_ConnectionFails_ThrowsUnavailable()
    {
        var client = CreateSut(new StubHandler(_ => throw new HttpRequestException("refused")));

        var act = () => client.GetPatientRecordAsync(Moorland, "9990000026", ["problems"], CancellationToken.None);

        (await act.Should().ThrowAsync<SupplierException>()).Which.Kind.Should().Be(SupplierFailureKind.Unavailable);
    }

    public void Dispose() => _services?.Dispose();

    private TppClient CreateSut(StubHandler stub)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Suppliers:Tpp:ApiKey"] = "key",
                ["Suppliers:Tpp:AttemptTimeout"] = "00:00:00.050",
                ["Suppliers:Tpp:RetryDelay"] = "00:00:00",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTppSupplier(configuration);
        services.AddHttpClient(TppClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => stub);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<TppClient>();
    }
}
