using System.Text.Json;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Conformance.Tests;

/// <summary>
/// The real facade as a separate process (the demo host's build output: embedded simulators, development issuer,
/// an SQLite audit file of its own; <see cref="FacadeProcess"/>) on a free loopback port, with a bearer token
/// fetched over HTTP from the development issuer as the README does. Start-up waits at most 90 s.
/// </summary>
public sealed class ConformanceServer : IAsyncLifetime
{
    private FacadeProcess? _process;

    public string Root { get; private set; } = string.Empty;

    /// <summary>The FHIR base URL, e.g. <c>http://127.0.0.1:41234/fhir</c>.</summary>
    public string BaseUrl => Root + "/fhir";

    public string Token { get; private set; } = string.Empty;

    /// <summary>A token that may search Patient and Condition and nothing else (the suite's <c>narrowToken</c> variable).</summary>
    public string NarrowToken { get; private set; } = string.Empty;

    public static string Checkout => FacadeProcess.Checkout;

    public async Task InitializeAsync()
    {
        // CI shares two cores with other builds: a demographic search fans out to every practice, and the
        // default 2 s per supplier would turn a slow machine into 504s. The suite checks behaviour, not speed.
        // The compartment script's scope test needs a token that may search Patient and Condition only: the demo
        // client (the first) may also ask for those two scopes here (list entries bind in order, whatever the index).
        _process = await FacadeProcess.StartAsync(
            new FacadeProcessOptions
            {
                GenerousSupplierBudgets = true,
                Settings = new Dictionary<string, string>
                {
                    ["DevAuthorization:Clients:0:AllowedScopes:90"] = "user/Patient.rs",
                    ["DevAuthorization:Clients:0:AllowedScopes:91"] = "user/Condition.rs",
                },
            },
            CancellationToken.None);
        Root = _process.Root;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Token = await _process.TokenAsync(client, "user/*.rs user/AuditEvent.rs", CancellationToken.None);
        NarrowToken = await _process.TokenAsync(client, "user/Patient.rs user/Condition.rs", CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }

    /// <summary>The facade id of a demo patient, found by NHS number (for the specification examples' variables).</summary>
    public async Task<string> PatientIdAsync(string nhsNumber)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{BaseUrl}/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|{nhsNumber}");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var bundle = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return bundle.RootElement.GetProperty("entry")[0].GetProperty("resource").GetProperty("id").GetString()!;
    }
}
