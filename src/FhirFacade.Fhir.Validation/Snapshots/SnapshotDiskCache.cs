using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Snapshots;

/// <summary>
/// Stores generated snapshots as JSON files under <c>{folder}/{key}/</c>, where the key hashes the loaded packages
/// (ids, versions and StructureDefinition list) and <see cref="SnapshotGenerator.GeneratorVersion"/>, so a package or
/// generator change never reads stale files. Best-effort: a missing, unreadable or corrupt file reads as a miss, and
/// write failures are ignored. Thread-safe (writes go through a temporary file and an atomic rename).
/// </summary>
internal sealed class SnapshotDiskCache
{
    private readonly string _directory;

    public SnapshotDiskCache(string folder, string key)
    {
        _directory = Path.Combine(folder, key);
    }

    public string Directory => _directory;

    /// <summary>Hashes the package fingerprint lines with the generator version into a short folder name.</summary>
    public static string ComputeKey(IEnumerable<string> fingerprintLines)
    {
        var text = new StringBuilder($"generator={SnapshotGenerator.GeneratorVersion}\n");
        foreach (var line in fingerprintLines.Order(StringComparer.Ordinal))
        {
            text.Append(line).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "v" + SnapshotGenerator.GeneratorVersion + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    public StructureDefinition? TryRead(string canonical)
    {
        try
        {
            var path = FileFor(canonical);
            if (!File.Exists(path))
            {
                return null;
            }

            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var sd = StructureDefinitionReader.Read(doc.RootElement);
            return sd.HasSnapshot && sd.Url == FhirCanonicals.WithoutVersion(canonical) ? sd : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    public void TryWrite(string canonical, StructureDefinition definition)
    {
        var path = FileFor(canonical);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(_directory);
            File.WriteAllBytes(temp, StructureDefinitionWriter.ToUtf8Bytes(definition));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
        }
    }

    public string FileFor(string canonical)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
        var last = canonical[(canonical.LastIndexOf('/') + 1)..];
        var safe = new string([.. last.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').Take(60)]);
        return Path.Combine(_directory, safe + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 8)) + ".json");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temporary file is harmless and is never read.
        }
    }
}
