namespace FhirFacade.Fhir.Packages;

/// <summary>
/// Version matching and ordering for FHIR package versions (semver-like: <c>4.0.1</c>,
/// <c>0.0.9-pre-release</c>) and for resource business versions.
/// </summary>
internal static class PackageVersion
{
    /// <summary>
    /// <see langword="true"/> when <paramref name="version"/> satisfies <paramref name="pattern"/>:
    /// an exact version, a wildcard (<c>4.0.x</c>, <c>4.x</c>, <c>4.0.*</c>), <c>*</c>, <c>x</c> or <c>latest</c>.
    /// </summary>
    public static bool Matches(string pattern, string version)
    {
        if (pattern.Length == 0 || pattern is "*" or "x" or "X" or "latest")
        {
            return true;
        }

        if (string.Equals(pattern, version, StringComparison.Ordinal))
        {
            return true;
        }

        var patternParts = pattern.Split('.');
        var versionParts = version.Split('.');
        for (var i = 0; i < patternParts.Length; i++)
        {
            var part = patternParts[i];
            if (part is "x" or "X" or "*")
            {
                return true;
            }

            if (i >= versionParts.Length || !string.Equals(part, versionParts[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return patternParts.Length == versionParts.Length;
    }

    /// <summary>
    /// Compares two versions part by part: numeric parts numerically, others ordinally; a release
    /// (<c>1.0.0</c>) sorts above its pre-release (<c>1.0.0-ballot</c>).
    /// </summary>
    public static int Compare(string? left, string? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null)
        {
            return -1;
        }

        if (right is null)
        {
            return 1;
        }

        SplitPreRelease(left, out var leftCore, out var leftPre);
        SplitPreRelease(right, out var rightCore, out var rightPre);
        var leftParts = leftCore.Split('.');
        var rightParts = rightCore.Split('.');
        var count = Math.Max(leftParts.Length, rightParts.Length);
        for (var i = 0; i < count; i++)
        {
            var l = i < leftParts.Length ? leftParts[i] : "0";
            var r = i < rightParts.Length ? rightParts[i] : "0";
            var result = ComparePart(l, r);
            if (result != 0)
            {
                return result;
            }
        }

        if (leftPre is null)
        {
            return rightPre is null ? 0 : 1;
        }

        return rightPre is null ? -1 : string.CompareOrdinal(leftPre, rightPre);
    }

    private static int ComparePart(string left, string right)
    {
        var leftIsNumber = long.TryParse(left, out var leftNumber);
        var rightIsNumber = long.TryParse(right, out var rightNumber);
        if (leftIsNumber && rightIsNumber)
        {
            return leftNumber.CompareTo(rightNumber);
        }

        if (leftIsNumber != rightIsNumber)
        {
            return leftIsNumber ? 1 : -1;
        }

        return string.CompareOrdinal(left, right);
    }

    private static void SplitPreRelease(string version, out string core, out string? preRelease)
    {
        var dash = version.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            core = version;
            preRelease = null;
        }
        else
        {
            core = version[..dash];
            preRelease = version[(dash + 1)..];
        }
    }
}
