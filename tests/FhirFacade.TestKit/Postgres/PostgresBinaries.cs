using System.Globalization;

namespace FhirFacade.TestKit.Postgres;

/// <summary>
/// Finds Debian's PostgreSQL server binaries (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>) and
/// decides what tests do without them: skip with a reason on a developer machine, fail in CI
/// (environment <c>CI=true</c>), where <c>.ci/run</c> installs PostgreSQL.
/// </summary>
public static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The highest-version bin directory holding <c>initdb</c> and <c>pg_ctl</c>, or null.</summary>
    public static string? FindBinDirectory()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(DebianRoot)
            .Select(version => (Version: ParseVersion(Path.GetFileName(version)), Bin: Path.Combine(version, "bin")))
            .Where(c => File.Exists(Path.Combine(c.Bin, "initdb")) && File.Exists(Path.Combine(c.Bin, "pg_ctl")))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Bin)
            .FirstOrDefault();
    }

    /// <summary>True when running in CI (<c>CI=true</c>).</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests are skipped here, or null when they must run (binaries present, or CI).</summary>
    public static string? SkipReason =>
        IsCi || FindBinDirectory() is not null
            ? null
            : $"PostgreSQL server binaries not found under {DebianRoot}/*/bin (install the 'postgresql' package; CI installs it and fails instead of skipping).";

    private static double ParseVersion(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
