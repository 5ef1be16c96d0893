using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Microtest;
using FhirFacade.Simulators.Tests.Microtest;

namespace FhirFacade.Simulators.Tests.Faults;

[Trait("Category", "Integration")]
public sealed class MicrotestFaultTests
{
    [Fact]
    public async Task TokenRejected_Set_RejectsAValidToken()
    {
        await using var simulator = await MicrotestSimulator.StartAsync(new MicrotestSimulatorOptions(), TestTimeout.Token());
        using var client = new HttpClient { BaseAddress = simulator.BaseAddress };
        using var tokenResponse = await client.PostAsync("oauth/token", MicrotestSimulatorTests.Form(simulator.ClientSecret), TestTimeout.Token());
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        simulator.Faults.Set(FaultSpec.Of(FaultKind.TokenRejected));

        using var response = await client.GetAsync("api/v1/patients/9990000042", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("invalid_token");
    }
}
