using System.CommandLine;
using FhirFacade.Fhir.Packages;

namespace FhirFacade.Cli.Commands.Packages;

/// <summary>
/// <c>fhirfacade packages install [--manifest FILE] [--registry URL] [--folder DIR] [--timeout SECONDS]</c>: fetches the
/// FHIR packages the project's <c>profiles/package.json</c> names (and their dependencies) from a FHIR package
/// registry into <c>~/.fhir/packages</c> (or <c>--folder</c>), where the server and the CLI look for them. Exit code 0
/// when every package is present afterwards, 1 when any could not be fetched or verified, 2 for usage errors.
/// </summary>
public static class PackagesCommand
{
    /// <summary>Exit code when every package is installed or already present.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a package could not be fetched or verified.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for usage errors (no manifest, bad registry URL).</summary>
    public const int UsageError = 2;

    /// <summary>The registry used when none is given: the FHIR community's package registry.</summary>
    public const string DefaultRegistry = "https://packages.fhir.org";

    /// <summary>Creates the <c>packages</c> command with its <c>install</c> subcommand.</summary>
    public static Command Create() => Create(() => new HttpClient());

    /// <summary>Creates the command over the given HTTP client factory (tests pass one with a short timeout).</summary>
    internal static Command Create(Func<HttpClient> httpFactory)
    {
        var manifest = new Option<string?>("--manifest") { Description = "The package.json whose dependencies to install (default: profiles/package.json beside the binaries, or in the checkout)" };
        var registry = new Option<string>("--registry") { Description = "The FHIR package registry (npm protocol)", DefaultValueFactory = _ => DefaultRegistry };
        var folder = new Option<string?>("--folder") { Description = "The package folder to install into (default: ~/.fhir/packages)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each download", DefaultValueFactory = _ => 300 };

        var install = new Command("install", "Fetch the FHIR packages profiles/package.json names into the package folder") { manifest, registry, folder, timeout };
        install.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var manifestPath = parseResult.GetValue(manifest) ?? FhirPackageSet.FindProjectManifest();
            if (manifestPath is null || !File.Exists(manifestPath))
            {
                await error.WriteLineAsync($"error: the package manifest {manifestPath ?? "profiles/package.json"} was not found; name one with --manifest");
                return UsageError;
            }

            var registryText = parseResult.GetValue(registry) ?? DefaultRegistry;
            if (!Uri.TryCreate(registryText, UriKind.Absolute, out var registryUri) || (registryUri.Scheme != Uri.UriSchemeHttp && registryUri.Scheme != Uri.UriSchemeHttps))
            {
                await error.WriteLineAsync($"error: --registry must be an http(s) URL, not '{registryText}'");
                return UsageError;
            }

            var target = parseResult.GetValue(folder) ?? DefaultFolder();
            using var http = httpFactory();
            http.Timeout = TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(timeout)));
            var installer = new PackageInstaller(http, registryUri, Path.GetFullPath(target), output);
            IReadOnlyList<KeyValuePair<string, string>> dependencies;
            try
            {
                dependencies = PackageInstaller.ReadDependencies(manifestPath);
            }
            catch (System.Text.Json.JsonException)
            {
                await error.WriteLineAsync($"error: the package manifest {manifestPath} is not valid JSON");
                return UsageError;
            }

            var failures = await installer.InstallAsync(dependencies, cancellationToken);
            return failures == 0 ? Success : Failed;
        });

        return new Command("packages", "FHIR package tools") { install };
    }

    private static string DefaultFolder() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fhir", "packages");
}
