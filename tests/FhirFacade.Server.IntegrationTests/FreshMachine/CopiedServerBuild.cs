using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FhirFacade.Fhir.Packages;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Server.IntegrationTests.FreshMachine;

/// <summary>
/// The server's build output copied to a temporary folder outside the checkout (nothing above it holds
/// <c>FhirFacade.sln</c>), as a published build is unpacked on a fresh machine. Copied once per test class,
/// deleted afterwards. <see cref="Start"/> runs it from there with its own empty home folder.
/// </summary>
public sealed class CopiedServerBuild : IDisposable
{
    public CopiedServerBuild()
    {
        Root = Directory.CreateTempSubdirectory("fhirfacade-fresh-").FullName;
        AppFolder = Path.Combine(Root, "app");
        Copy(ServerOutputFolder(), AppFolder);
    }

    /// <summary>The temporary folder holding the copy and each run's home folder.</summary>
    public string Root { get; }

    /// <summary>The copied build output (the server's binaries and its <c>profiles/</c>).</summary>
    public string AppFolder { get; }

    /// <summary>The shared FHIR packages (found as the other tests find them), standing in for packages installed on the fresh machine.</summary>
    public static string SharedPackagesFolder => TestFhir.SharedPackagesFolder;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>
    /// Starts <c>dotnet {AppFolder}/FhirFacade.Server.dll --urls http://127.0.0.1:{port}</c> from another folder (a new,
    /// empty HOME, so no <c>~/.fhir/packages</c> either) with the given settings as environment variables.
    /// </summary>
    public Process Start(int port, IReadOnlyDictionary<string, string> settings)
    {
        var home = Directory.CreateDirectory(Path.Combine(Root, "home-" + Guid.NewGuid().ToString("N"))).FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = home,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppFolder, "FhirFacade.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["HOME"] = home;
        start.Environment.Remove("XDG_DATA_HOME");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Audit__SqlitePath"] = Path.Combine(home, "audit.db");
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the copied server");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ServerOutputFolder()
    {
        // tests/FhirFacade.Server.IntegrationTests/bin/<Configuration>/<framework>/ → src/FhirFacade.Server/bin/<Configuration>/<framework>/
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var checkout = FhirPackageLocator.FindCheckoutRoot() ?? throw new InvalidOperationException("The checkout (FhirFacade.sln) was not found.");
        var folder = Path.Combine(checkout, "src", "FhirFacade.Server", "bin", testBin.Parent!.Name, testBin.Name);
        return File.Exists(Path.Combine(folder, "FhirFacade.Server.dll")) ? folder : throw new FileNotFoundException("build the server first", folder);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
