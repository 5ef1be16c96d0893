using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FhirFacade.Viewer.Tests;

/// <summary>
/// The real facade as a process of its own (its build output with the embedded default: simulators,
/// development issuer, viewer) on a free loopback port, an SQLite audit file of its own, and the
/// simulators' addresses read from its start-up banner (for their fault controls). Start-up waits
/// at most 90 s; disposing kills the process.
/// </summary>
public sealed partial class FacadeServerProcess : IAsyncDisposable
{
    private readonly string _auditFolder = Directory.CreateTempSubdirectory("viewer-audit-").FullName;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, Uri> _simulators = new(StringComparer.Ordinal);
    private Process? _process;

    private FacadeServerProcess(string root) => Root = root;

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Root { get; }

    /// <summary>The FHIR base URL.</summary>
    public string FhirBase => Root + "/fhir";

    public static string Checkout { get; } = FindCheckout();

    /// <summary>Starts the server with the embedded defaults plus the settings (configuration keys, ':' separated) made for its root URL.</summary>
    public static async Task<FacadeServerProcess> StartAsync(Func<string, IReadOnlyDictionary<string, string>>? settings = null)
    {
        var server = new FacadeServerProcess($"http://127.0.0.1:{FreePort()}");
        await server.StartProcessAsync(settings?.Invoke(server.Root) ?? new Dictionary<string, string>());
        return server;
    }

    /// <summary>The base address of an HTTP simulator (<c>emis</c>, <c>tpp</c>, <c>microtest</c>), from the banner.</summary>
    public Uri Simulator(string supplier) =>
        _simulators.TryGetValue(supplier, out var address) ? address : throw new InvalidOperationException($"the banner named no {supplier} simulator");

    /// <summary>The last lines the server wrote (for failure messages).</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_auditFolder, recursive: true);
    }

    private async Task StartProcessAsync(IReadOnlyDictionary<string, string> settings)
    {
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
        // The banner (simulator addresses) is logged at Information under "FhirFacade".
        start.Environment["Logging__LogLevel__FhirFacade"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Audit__SqlitePath"] = Path.Combine(_auditFolder, "audit.db");

        // CI shares two cores with other builds: generous supplier budgets, so that a busy machine does
        // not turn into timeouts the tests did not ask for. Faults are injected explicitly.
        start.Environment["Facade__Gateway__SupplierTimeout"] = "00:00:20";
        start.Environment["Facade__Gateway__OverallBudget"] = "00:00:25";
        foreach (var supplier in new[] { "Emis", "Tpp", "Vision", "Microtest" })
        {
            start.Environment[$"Suppliers__{supplier}__AttemptTimeout"] = "00:00:10";
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"the server exited during start-up with code {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(FhirBase + "/metadata"));
                if (response.StatusCode == HttpStatusCode.OK && _simulators.ContainsKey("microtest"))
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

        throw new TimeoutException($"the server did not become ready within 90 s:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (SimulatorLine().Match(line) is { Success: true } match)
        {
            _simulators[match.Groups["supplier"].Value] = new Uri(match.Groups["address"].Value);
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
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

    [GeneratedRegex(@"Embedded (?<supplier>[a-z]+) simulator: (?<address>http://\S+)")]
    private static partial Regex SimulatorLine();
}
