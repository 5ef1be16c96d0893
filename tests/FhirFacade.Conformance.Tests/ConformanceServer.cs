using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace FhirFacade.Conformance.Tests;

/// <summary>
/// The real facade as a separate process (its build output, embedded simulators, development issuer,
/// an SQLite audit file of its own) on a free loopback port, with a bearer token fetched over HTTP from
/// the development issuer as the README does. Start-up waits at most 90 s; disposing kills the process.
/// </summary>
public sealed class ConformanceServer : IAsyncLifetime
{
    private readonly string _auditFolder = Directory.CreateTempSubdirectory("conformance-audit-").FullName;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;

    public string Root { get; private set; } = string.Empty;

    /// <summary>The FHIR base URL, e.g. <c>http://127.0.0.1:41234/fhir</c>.</summary>
    public string BaseUrl => Root + "/fhir";

    public string Token { get; private set; } = string.Empty;

    /// <summary>A token that may search Patient and Condition and nothing else (the suite's <c>narrowToken</c> variable).</summary>
    public string NarrowToken { get; private set; } = string.Empty;

    public static string Checkout { get; } = FindCheckout();

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Root = $"http://127.0.0.1:{port}";
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var serverDll = Path.Combine(Checkout, "src", "FhirFacade.Server", "bin", configuration, "net10.0", "FhirFacade.Server.dll");
        if (!File.Exists(serverDll))
        {
            throw new FileNotFoundException("build the server first", serverDll);
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(serverDll);
        start.Environment["Urls"] = Root;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Audit__SqlitePath"] = Path.Combine(_auditFolder, "audit.db");

        // The compartment script's scope test needs a token that may search Patient and Condition only: the demo
        // client (the first) may also ask for those two scopes here (list entries bind in order, whatever the index).
        start.Environment["DevAuthorization__Clients__0__AllowedScopes__90"] = "user/Patient.rs";
        start.Environment["DevAuthorization__Clients__0__AllowedScopes__91"] = "user/Condition.rs";

        // CI shares two cores with other builds: a demographic search fans out to every practice, and the
        // default 2 s per supplier would turn a slow machine into 504s. The suite checks behaviour, not speed.
        start.Environment["Facade__Gateway__SupplierTimeout"] = "00:00:20";
        start.Environment["Facade__Gateway__OverallBudget"] = "00:00:25";
        foreach (var supplier in new[] { "Emis", "Tpp", "Vision", "Microtest" })
        {
            start.Environment[$"Suppliers__{supplier}__AttemptTimeout"] = "00:00:10";
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await WaitUntilReadyAsync(client);
        Token = await TokenAsync(client, "user/*.rs user/AuditEvent.rs");
        NarrowToken = await TokenAsync(client, "user/Patient.rs user/Condition.rs");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        Directory.Delete(_auditFolder, recursive: true);
        return Task.CompletedTask;
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

    private async Task<string> TokenAsync(HttpClient client, string scope)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-client",
            ["client_secret"] = "demo-secret",
            ["scope"] = scope,
        });
        using var response = await client.PostAsync(new Uri(Root + "/dev-auth/token"), form);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    private async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"the server exited during start-up with code {_process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, _output)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUrl + "/metadata"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the server did not become ready within 90 s");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
            while (_output.Count > 200 && _output.TryDequeue(out _))
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindCheckout()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FhirFacade.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FhirFacade.sln not found above " + AppContext.BaseDirectory);
    }
}
