using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace FhirFacade.Cli.Commands.Packages;

/// <summary>
/// Fetches FHIR packages from a registry speaking the npm protocol (<c>GET {registry}/{name}</c> → a document
/// whose <c>versions[v].dist.tarball</c> is the package's <c>.tgz</c>) into the package cache layout
/// <c>{folder}/{name}#{version}/package/</c>, following each package's own dependencies. A package already in the
/// folder is skipped; a downloaded one is kept only when its <c>package/package.json</c> has the expected name and version.
/// </summary>
internal sealed class PackageInstaller(HttpClient http, Uri registry, string folder, TextWriter output)
{
    /// <summary>Installs <paramref name="dependencies"/> (name → exact version) and what they depend on; the number of failures.</summary>
    public async Task<int> InstallAsync(IEnumerable<KeyValuePair<string, string>> dependencies, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var queue = new Queue<KeyValuePair<string, string>>(dependencies);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var failures = 0;
        while (queue.Count > 0)
        {
            var (name, version) = queue.Dequeue();
            if (!seen.Add($"{name}#{version}"))
            {
                continue;
            }

            var target = Path.Combine(folder, $"{name}#{version}");
            var manifest = Path.Combine(target, "package", "package.json");
            if (File.Exists(manifest))
            {
                await output.WriteLineAsync($"{name}#{version}: already present in {target}");
            }
            else
            {
                try
                {
                    await DownloadAsync(name, version, target, cancellationToken);
                    await output.WriteLineAsync($"{name}#{version}: installed into {target}");
                }
                catch (PackageInstallException failure)
                {
                    failures++;
                    await output.WriteLineAsync($"{name}#{version}: FAILED, {failure.Message}");
                    continue;
                }
            }

            foreach (var dependency in ReadDependencies(manifest))
            {
                queue.Enqueue(dependency);
            }
        }

        return failures;
    }

    /// <summary>The <c>dependencies</c> object of a <c>package.json</c> (name → version).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadDependencies(string packageJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(packageJsonPath));
        if (!document.RootElement.TryGetProperty("dependencies", out var dependencies) || dependencies.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return [.. dependencies.EnumerateObject()
            .Where(d => d.Value.ValueKind == JsonValueKind.String)
            .Select(d => KeyValuePair.Create(d.Name, d.Value.GetString()!))];
    }

    private async Task DownloadAsync(string name, string version, string target, CancellationToken cancellationToken)
    {
        var tarball = await FindTarballAsync(name, version, cancellationToken);
        var staging = Path.Combine(folder, $"_download-{Guid.NewGuid():N}");
        try
        {
            try
            {
                using var response = await http.GetAsync(tarball, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new PackageInstallException($"the registry answered {(int)response.StatusCode} for the tarball {tarball}");
                }

                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                await using var gzip = new GZipStream(body, CompressionMode.Decompress);
                Directory.CreateDirectory(staging);
                await TarFile.ExtractToDirectoryAsync(gzip, staging, overwriteFiles: true, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidDataException or IOException or FormatException
                || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw new PackageInstallException($"could not read the tarball {tarball} ({ex.GetType().Name})", ex);
            }

            Verify(Path.Combine(staging, "package", "package.json"), name, version);
            Directory.Move(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private async Task<Uri> FindTarballAsync(string name, string version, CancellationToken cancellationToken)
    {
        var address = new Uri(registry.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(name));
        try
        {
            using var response = await http.GetAsync(address, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new PackageInstallException($"the registry answered {(int)response.StatusCode} for {address}");
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("versions", out var versions) && versions.ValueKind == JsonValueKind.Object
                && versions.TryGetProperty(version, out var entry) && entry.ValueKind == JsonValueKind.Object
                && entry.TryGetProperty("dist", out var dist) && dist.ValueKind == JsonValueKind.Object
                && dist.TryGetProperty("tarball", out var tarball) && tarball.ValueKind == JsonValueKind.String
                && Uri.TryCreate(address, tarball.GetString(), out var tarballAddress))
            {
                return tarballAddress;
            }

            throw new PackageInstallException($"the registry {registry} lists no version {version} with a dist.tarball for {name}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new PackageInstallException($"could not read {address} ({ex.GetType().Name})", ex);
        }
    }

    private static void Verify(string manifest, string name, string version)
    {
        if (!File.Exists(manifest))
        {
            throw new PackageInstallException("the tarball holds no package/package.json");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
            var root = document.RootElement;
            var actualName = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var actualVersion = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (actualName != name || actualVersion != version)
            {
                throw new PackageInstallException($"the tarball's package/package.json is {actualName ?? "(no name)"}#{actualVersion ?? "(no version)"}, not {name}#{version}; nothing was installed");
            }
        }
        catch (JsonException ex)
        {
            throw new PackageInstallException("the tarball's package/package.json is not valid JSON", ex);
        }
    }
}

/// <summary>One package could not be fetched or verified; the message says why (never a payload).</summary>
internal sealed class PackageInstallException(string message, Exception? inner = null) : Exception(message, inner);
