using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace FhirFacade.Fhir.Tests.Packages;

/// <summary>A throw-away package cache folder under the temp directory, with small synthetic packages.</summary>
internal sealed class TempPackageFolder : IDisposable
{
    public TempPackageFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "fhirfacade-packages-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The files of a package: package.json, .index.json and one ValueSet per canonical.</summary>
    public static Dictionary<string, string> PackageFiles(
        string id, string version, IEnumerable<(string Url, string ResourceVersion)> valueSets, IDictionary<string, string>? dependencies = null, bool withIndex = true)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var deps = new JsonObject();
        foreach (var (depId, depVersion) in dependencies ?? new Dictionary<string, string>())
        {
            deps[depId] = depVersion;
        }

        files["package.json"] = new JsonObject { ["name"] = id, ["version"] = version, ["dependencies"] = deps }.ToJsonString();
        var index = new JsonArray();
        var n = 0;
        foreach (var (url, resourceVersion) in valueSets)
        {
            var resourceId = $"vs{n++}";
            var fileName = $"ValueSet-{resourceId}.json";
            files[fileName] = new JsonObject
            {
                ["resourceType"] = "ValueSet",
                ["id"] = resourceId,
                ["url"] = url,
                ["version"] = resourceVersion,
                ["status"] = "active",
            }.ToJsonString();
            index.Add(new JsonObject
            {
                ["filename"] = fileName,
                ["resourceType"] = "ValueSet",
                ["id"] = resourceId,
                ["url"] = url,
                ["version"] = resourceVersion,
            });
        }

        if (withIndex)
        {
            files[".index.json"] = new JsonObject { ["index-version"] = 2, ["files"] = index }.ToJsonString();
        }

        return files;
    }

    /// <summary>Writes a package in the cache layout: <c>&lt;folder&gt;/&lt;id&gt;#&lt;version&gt;/package/*.json</c>.</summary>
    public string AddFolderPackage(string folderName, IDictionary<string, string> files, string? subFolder = null)
    {
        var packageFolder = Path.Combine(subFolder is null ? Root : Path.Combine(Root, subFolder), folderName, "package");
        Directory.CreateDirectory(packageFolder);
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(packageFolder, name), content);
        }

        return Path.GetDirectoryName(packageFolder)!;
    }

    /// <summary>Writes a package as an npm tarball (entries under <c>package/</c>).</summary>
    public string AddTarball(string fileName, IDictionary<string, string> files)
    {
        var path = Path.Combine(Root, fileName);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, content) in files)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "package/" + name)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)),
            };
            tar.WriteEntry(entry);
        }

        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
