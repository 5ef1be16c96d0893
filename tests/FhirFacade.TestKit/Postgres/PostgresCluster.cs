using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FhirFacade.TestKit.Postgres;

/// <summary>
/// A throw-away PostgreSQL cluster for tests: <c>initdb</c> into a temp directory owned by the
/// <c>postgres</c> OS user, started with <c>pg_ctl -w</c> on a free loopback port (unix socket in
/// the same directory, trust authentication), stopped and deleted on dispose.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";
    private readonly string _binDirectory;
    private readonly string _root;
    private int _databaseCounter;

    private PostgresCluster(string binDirectory, string root, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Whether the server is running (false after <see cref="StopAsync"/>).</summary>
    public bool IsRunning { get; private set; }

    private string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "postgres.log");

    /// <summary>Creates and starts a cluster.</summary>
    /// <exception cref="InvalidOperationException">The binaries are missing or the cluster cannot start.</exception>
    public static async Task<PostgresCluster> StartAsync(CancellationToken cancellationToken)
    {
        var bin = PostgresBinaries.FindBinDirectory()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install the 'postgresql' package.");
        var root = Path.Combine(Path.GetTempPath(), "ffpg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        var cluster = new PostgresCluster(bin, root, FreeLoopbackPort());
        try
        {
            if (PostgresProcess.RunningAsRoot)
            {
                await PostgresProcess.RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", root], cancellationToken);
            }

            await PostgresProcess.RunAsPostgresAsync(
                Path.Combine(bin, "initdb"),
                ["-D", cluster.DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--no-sync"],
                cancellationToken);
            await cluster.StartServerAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/>.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={Superuser};Database={database};Timeout=5";

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "test_" + Interlocked.Increment(ref _databaseCounter).ToString(CultureInfo.InvariantCulture);
        await PostgresProcess.RunAsPostgresAsync(
            Path.Combine(_binDirectory, "createdb"),
            ["-h", _root, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", Superuser, name],
            cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Stops the server (fast shutdown); the data stays until dispose.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!IsRunning)
        {
            return;
        }

        await PostgresProcess.RunAsPostgresAsync(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-m", "fast", "-w", "stop"],
            cancellationToken);
        IsRunning = false;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // Best effort: the directory is removed below either way.
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A stray file still open: the temp directory is left behind, which is harmless.
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var serverOptions = string.Join(
            ' ',
            "-c listen_addresses=127.0.0.1",
            "-p " + Port.ToString(CultureInfo.InvariantCulture),
            "-k " + _root,
            "-c fsync=off",
            "-c max_connections=50");
        await PostgresProcess.RunAsPostgresAsync(
            Path.Combine(_binDirectory, "pg_ctl"),
            ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", serverOptions, "start"],
            cancellationToken);
        IsRunning = true;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
