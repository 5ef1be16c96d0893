using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using FhirFacade.Fhir.Packages;

namespace FhirFacade.TestKit.Server;

/// <summary>How to start a <see cref="FacadeProcess"/>.</summary>
public sealed class FacadeProcessOptions
{
    /// <summary>The demo host: the production composition with the embedded simulators and the development issuer.</summary>
    public const string DemoHost = "FhirFacade.Demo";

    /// <summary>The production server, which starts from configuration alone.</summary>
    public const string ProductionServer = "FhirFacade.Server";

    /// <summary>The assembly to run (<see cref="DemoHost"/> unless said otherwise).</summary>
    public string Host { get; init; } = DemoHost;

    /// <summary>The folder holding the host's build; default: its build output in this checkout, in the tests' configuration.</summary>
    public string? AppFolder { get; init; }

    /// <summary>The process's current folder; default: <see cref="AppFolder"/>.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Configuration keys (<c>:</c>-separated), passed as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Settings made for the server's root URL (e.g. <c>http://127.0.0.1:41234</c>), once its port is chosen; they override <see cref="Settings"/>.</summary>
    public Func<string, IReadOnlyDictionary<string, string>>? SettingsForRoot { get; init; }

    /// <summary>Other environment variables; a <see langword="null"/> value removes one.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Supplier budgets for a busy machine (20 s per supplier, 25 s overall, 10 s per attempt): CI shares two cores with other
    /// builds, and the default 2 s would turn a slow machine into 504s the test did not ask for.
    /// </summary>
    public bool GenerousSupplierBudgets { get; init; }

    /// <summary>Ready when this answers 200 (default <c>/health/ready</c>).</summary>
    public string ReadyPath { get; init; } = "/health/ready";

    /// <summary>A further condition for ready, read from the process (e.g. the banner has named every simulator).</summary>
    public Func<FacadeProcess, bool>? ReadyWhen { get; init; }

    /// <summary>The longest start-up waited for.</summary>
    public TimeSpan StartBound { get; init; } = TimeSpan.FromSeconds(90);
}

/// <summary>
/// The facade as an OS process of its own (its build output; the demo host unless told otherwise) on a free
/// loopback port, for the tests that need a real process: SIGTERM and SIGKILL, Kestrel itself, a copied build, a
/// browser. Waits (bounded) for <c>/health/ready</c>; a start that fails throws with the process's last output. Audits
/// into a temporary SQLite file of its own unless the settings name a store. <see cref="DisposeAsync"/> stops it with
/// SIGTERM, then SIGKILL after 10 s.
/// </summary>
public sealed partial class FacadeProcess : IAsyncDisposable
{
    private const int KeptLines = 500;
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly string? _auditFolder;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, Uri> _simulators = new(StringComparer.Ordinal);

    private FacadeProcess(Process process, Uri baseAddress, string? auditFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        _auditFolder = auditFolder;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server's root without the trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Root => BaseAddress.GetLeftPart(UriPartial.Authority);

    /// <summary>The FHIR base URL, e.g. <c>http://127.0.0.1:41234/fhir</c>.</summary>
    public string FhirBase => Root + "/fhir";

    /// <summary>The last lines the process wrote (standard output and error).</summary>
    public string Output => string.Join(System.Environment.NewLine, _output);

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The process's exit code, once it has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The checkout's root folder (the one holding <c>FhirFacade.sln</c>).</summary>
    public static string Checkout { get; } = FhirPackageLocator.FindCheckoutRoot() ?? throw new InvalidOperationException("FhirFacade.sln not found above " + AppContext.BaseDirectory);

    /// <summary>The settings of <see cref="FacadeProcessOptions.GenerousSupplierBudgets"/>.</summary>
    public static IReadOnlyDictionary<string, string> GenerousSupplierBudgets { get; } = new Dictionary<string, string>
    {
        ["Facade:Gateway:SupplierTimeout"] = "00:00:20",
        ["Facade:Gateway:OverallBudget"] = "00:00:25",
        ["Suppliers:Emis:AttemptTimeout"] = "00:00:10",
        ["Suppliers:Tpp:AttemptTimeout"] = "00:00:10",
        ["Suppliers:Vision:AttemptTimeout"] = "00:00:10",
        ["Suppliers:Microtest:AttemptTimeout"] = "00:00:10",
    };

    /// <summary>A free loopback port (free when chosen).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The build output folder of a host in this checkout, in the configuration and framework the tests were built with.</summary>
    public static string BuildOutput(string host)
    {
        // tests/<project>/bin/<Configuration>/<framework>/ → src/<host>/bin/<Configuration>/<framework>/
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var folder = Path.Combine(Checkout, "src", host, "bin", testBin.Parent!.Name, testBin.Name);
        return File.Exists(Path.Combine(folder, host + ".dll")) ? folder : throw new FileNotFoundException($"build {host} first", folder);
    }

    /// <summary>Starts the demo host with these settings (configuration keys, <c>:</c>-separated).</summary>
    public static Task<FacadeProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken) =>
        StartAsync(new FacadeProcessOptions { Settings = settings }, cancellationToken);

    /// <summary>
    /// Starts the process on a free port and waits until it is ready. The port is free when chosen but could be taken by
    /// another process before the server binds it: that start is retried on another port, a few times.
    /// </summary>
    public static async Task<FacadeProcess> StartAsync(FacadeProcessOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        const int Attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(options, cancellationToken);
            }
            catch (FacadeProcessStartException failure) when (attempt < Attempts && failure.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
            }
        }
    }

    /// <summary>A clinician token (<c>user/*.rs</c>) from the process's development issuer.</summary>
    public Task<string> TokenAsync(HttpClient client, CancellationToken cancellationToken) => TokenAsync(client, "user/*.rs", cancellationToken);

    /// <summary>A token with the given scopes from the process's development issuer (client credentials of the demo clinician client).</summary>
    public async Task<string> TokenAsync(HttpClient client, string scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "demo-client",
            ["client_secret"] = "demo-secret",
            ["scope"] = scope,
        });
        using var response = await client.PostAsync(new Uri(BaseAddress, "/dev-auth/token"), form, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The base address of an HTTP simulator (<c>emis</c>, <c>tpp</c>, <c>microtest</c>), as the demo host's log names it.</summary>
    public Uri Simulator(string supplier) =>
        _simulators.TryGetValue(supplier, out var address) ? address : throw new InvalidOperationException($"the demo host named no {supplier} simulator:{System.Environment.NewLine}{Output}");

    /// <summary>Whether the demo host has named the simulator of this supplier (in its log at start-up).</summary>
    public bool HasNamedSimulator(string supplier) => _simulators.ContainsKey(supplier);

    /// <summary>
    /// SIGTERM, as an orchestrator stops an instance: the process drains and exits by itself
    /// (<see cref="WaitForExitAsync"/>). Sent with the system's <c>kill</c>, which .NET has no call for.
    /// </summary>
    public void Terminate()
    {
        if (_process.HasExited)
        {
            return;
        }

        var start = new ProcessStartInfo("kill") { UseShellExecute = false };
        start.ArgumentList.Add("-TERM");
        start.ArgumentList.Add(_process.Id.ToString(CultureInfo.InvariantCulture));
        using var kill = Process.Start(start) ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit(10_000);
    }

    /// <summary>Waits up to <paramref name="bound"/> for the process to exit by itself: its exit code, or <see langword="null"/> when it is still running.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan bound, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(bound);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush — the audit must already be durable.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Stops the process (SIGTERM, then SIGKILL after 10 s) and deletes its own audit folder.</summary>
    public async ValueTask DisposeAsync()
    {
        Terminate();
        if (await WaitForExitAsync(StopBound, CancellationToken.None) is null)
        {
            Kill();
        }

        _process.Dispose();
        if (_auditFolder is not null)
        {
            Directory.Delete(_auditFolder, recursive: true);
        }
    }

    private static async Task<FacadeProcess> StartOnceAsync(FacadeProcessOptions options, CancellationToken cancellationToken)
    {
        var appFolder = options.AppFolder ?? BuildOutput(options.Host);
        var port = FreePort();
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = options.WorkingDirectory ?? appFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(appFolder, options.Host + ".dll"));
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // Where the facade listens and the demo host's simulators are logged at Information under "FhirFacade", on one line each.
        start.Environment["Logging__LogLevel__FhirFacade"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        var settings = new Dictionary<string, string>(options.GenerousSupplierBudgets ? GenerousSupplierBudgets : new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in options.Settings.Concat(options.SettingsForRoot?.Invoke($"http://127.0.0.1:{port}") ?? new Dictionary<string, string>()))
        {
            settings[key] = value;
        }

        string? auditFolder = null;
        if (!settings.ContainsKey("Audit:SqlitePath") && !settings.ContainsKey("Audit:Store"))
        {
            auditFolder = Directory.CreateTempSubdirectory("ffaudit-process-").FullName;
            settings["Audit:SqlitePath"] = Path.Combine(auditFolder, "audit.db");
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in options.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + options.Host);
        var server = new FacadeProcess(process, new Uri($"http://127.0.0.1:{port}/"), auditFolder);
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(options, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitUntilReadyAsync(FacadeProcessOptions options, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = TimeProvider.System.GetUtcNow() + options.StartBound;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new FacadeProcessStartException($"{options.Host} exited during start-up with code {_process.ExitCode}:{System.Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, options.ReadyPath), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK && (options.ReadyWhen?.Invoke(this) ?? true))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{options.Host} did not become ready within {options.StartBound}:{System.Environment.NewLine}{Output}");
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
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }

    [GeneratedRegex(@"Embedded (?<supplier>[a-z]+) simulator: (?<address>http://\S+)")]
    private static partial Regex SimulatorLine();
}

/// <summary>The process exited before it was ready; the message holds its last output.</summary>
public sealed class FacadeProcessStartException(string message) : InvalidOperationException(message);
