using System.CommandLine;
using FhirFacade.Cli.Commands.Packages;
using FhirFacade.Fhir.Packages;

namespace FhirFacade.Cli.Tests.Packages;

/// <summary><c>fhirfacade packages install</c> against a registry on loopback; never the real network.</summary>
[Trait("Category", "Integration")]
public sealed class PackagesInstallCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("fhirfacade-packages-").FullName;
    private readonly LoopbackPackageRegistry _registry = new();

    private string Folder => Path.Combine(_work, "cache");

    public void Dispose()
    {
        _registry.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Install_ManifestDependencies_InstallsThemAndTheirDependenciesWhereTheLocatorFindsThem()
    {
        _registry.Add("test.root", "1.0.0", new Dictionary<string, string> { ["test.base"] = "2.0.1" });
        _registry.Add("test.base", "2.0.1");
        _registry.Add("test.base", "2.0.0");
        var manifest = WriteManifest(("test.root", "1.0.0"));

        var (exit, output, error) = await RunAsync(manifest);

        exit.Should().Be(PackagesCommand.Success, error);
        output.Should().Contain("test.root#1.0.0: installed").And.Contain("test.base#2.0.1: installed");
        File.ReadAllText(Path.Combine(Folder, "test.base#2.0.1", "package", "package.json")).Should().Contain("\"version\":\"2.0.1\"");
        Directory.Exists(Path.Combine(Folder, "test.base#2.0.0")).Should().BeFalse();
        Directory.EnumerateDirectories(Folder, "_*").Should().BeEmpty("the download's staging folder is removed");

        // What was installed is what the server and the CLI load.
        var set = FhirPackageSet.Open([new FhirPackageReference("test.root", "1.0.0")], new FhirPackageLocator([Folder]));
        set.Packages.Select(p => $"{p.Id}#{p.Version}").Should().Equal("test.root#1.0.0", "test.base#2.0.1");
        set.ResolveCanonical("http://example.org/test.base").Should().NotBeNull();
    }

    [Fact]
    public async Task Install_PackageAlreadyPresent_IsSkippedWithoutAskingTheRegistry()
    {
        _registry.Add("test.root", "1.0.0");
        var present = Path.Combine(Folder, "test.root#1.0.0", "package");
        Directory.CreateDirectory(present);
        File.WriteAllText(Path.Combine(present, "package.json"), """{"name":"test.root","version":"1.0.0","marker":"kept"}""");
        var manifest = WriteManifest(("test.root", "1.0.0"));

        var (exit, output, _) = await RunAsync(manifest);

        exit.Should().Be(PackagesCommand.Success);
        output.Should().Contain("test.root#1.0.0: already present");
        _registry.Requests.Should().BeEmpty();
        File.ReadAllText(Path.Combine(present, "package.json")).Should().Contain("kept");
    }

    [Fact]
    public async Task Install_TarballOfAnotherVersion_FailsAndInstallsNothing()
    {
        _registry.Add("test.root", "1.0.0", manifestVersion: "1.0.1");
        var manifest = WriteManifest(("test.root", "1.0.0"));

        var (exit, output, _) = await RunAsync(manifest);

        exit.Should().Be(PackagesCommand.Failed);
        output.Should().Contain("test.root#1.0.0: FAILED").And.Contain("test.root#1.0.1, not test.root#1.0.0");
        Directory.Exists(Path.Combine(Folder, "test.root#1.0.0")).Should().BeFalse();
        Directory.EnumerateFileSystemEntries(Folder).Should().BeEmpty();
    }

    [Fact]
    public async Task Install_PackageTheRegistryDoesNotHave_FailsNamingItAndInstallsTheOthers()
    {
        _registry.Add("test.root", "1.0.0");
        _registry.Add("test.other", "3.0.0");
        var manifest = WriteManifest(("test.missing", "1.0.0"), ("test.root", "2.0.0"), ("test.other", "3.0.0"));

        var (exit, output, _) = await RunAsync(manifest);

        exit.Should().Be(PackagesCommand.Failed);
        output.Should().Contain("test.missing#1.0.0: FAILED, the registry answered 404")
            .And.Contain("test.root#2.0.0: FAILED").And.Contain("lists no version 2.0.0")
            .And.Contain("test.other#3.0.0: installed");
    }

    [Fact]
    public async Task Install_RegistryNotAnHttpUrl_IsAUsageError()
    {
        var manifest = WriteManifest(("test.root", "1.0.0"));
        var root = new RootCommand { PackagesCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await root.Parse(["packages", "install", "--manifest", manifest, "--registry", "ftp://127.0.0.1/", "--folder", Folder])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        exit.Should().Be(PackagesCommand.UsageError);
        error.ToString().Should().Contain("--registry must be an http(s) URL");
    }

    private string WriteManifest(params (string Name, string Version)[] dependencies)
    {
        var path = Path.Combine(_work, "package.json");
        var entries = string.Join(",", dependencies.Select(d => $"\"{d.Name}\":\"{d.Version}\""));
        File.WriteAllText(path, """{"name":"test.project","version":"0.1.0","dependencies":{""" + entries + "}}");
        return path;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string manifest)
    {
        var root = new RootCommand { PackagesCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var exit = await root.Parse(["packages", "install", "--manifest", manifest, "--registry", _registry.BaseAddress.AbsoluteUri, "--folder", Folder, "--timeout", "20"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, timeout.Token);

        return (exit, output.ToString(), error.ToString());
    }
}
