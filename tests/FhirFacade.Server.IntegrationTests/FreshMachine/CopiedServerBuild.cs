using FhirFacade.TestKit.Fhir;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Server.IntegrationTests.FreshMachine;

/// <summary>
/// A host's build output copied to a temporary folder outside the checkout (nothing above it holds
/// <c>FhirFacade.sln</c>), as a published build is unpacked on a fresh machine: the demo host
/// (<c>src/FhirFacade.Demo</c>, which carries the production server and the simulators). Copied once per test
/// class, deleted afterwards. <see cref="StartAsync"/> runs it from there with its own empty home folder.
/// </summary>
public sealed class CopiedServerBuild : IDisposable
{
    public CopiedServerBuild()
    {
        Root = Directory.CreateTempSubdirectory("fhirfacade-fresh-").FullName;
        AppFolder = Path.Combine(Root, "app");
        Copy(FacadeProcess.BuildOutput(FacadeProcessOptions.DemoHost), AppFolder);
    }

    /// <summary>The temporary folder holding the copy and each run's home folder.</summary>
    public string Root { get; }

    /// <summary>The copied build output (the binaries and <c>profiles/</c>).</summary>
    public string AppFolder { get; }

    /// <summary>The shared FHIR packages (found as the other tests find them), standing in for packages installed on the fresh machine.</summary>
    public static string SharedPackagesFolder => TestFhir.SharedPackagesFolder;

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>
    /// Starts <c>dotnet {AppFolder}/FhirFacade.Demo.dll</c> on a free loopback port from another folder (a new, empty
    /// HOME, so no <c>~/.fhir/packages</c> either) with the given settings, and waits until it is ready.
    /// </summary>
    public Task<FacadeProcess> StartAsync(IReadOnlyDictionary<string, string> settings, TimeSpan bound, CancellationToken cancellationToken)
    {
        var home = Directory.CreateDirectory(Path.Combine(Root, "home-" + Guid.NewGuid().ToString("N"))).FullName;
        return FacadeProcess.StartAsync(
            new FacadeProcessOptions
            {
                AppFolder = AppFolder,
                WorkingDirectory = home,
                Environment = new Dictionary<string, string?> { ["HOME"] = home, ["XDG_DATA_HOME"] = null },
                Settings = new Dictionary<string, string>(settings) { ["Audit:SqlitePath"] = Path.Combine(home, "audit.db") },
                StartBound = bound,
            },
            cancellationToken);
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
