using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FhirFacade.Server.Http;

/// <summary>
/// The conditional headers of a read (<see href="https://hl7.org/fhir/R4/http.html#cread"/>,
/// <see href="https://www.rfc-editor.org/rfc/rfc9110#section-13.1"/>): <c>If-None-Match</c> against the
/// resource's version with the weak comparison (FHIR ETags are weak, <c>W/"versionId"</c>), <c>*</c> matching
/// any; when it is absent, <c>If-Modified-Since</c> against <c>Last-Modified</c> (ignored when unreadable, in
/// the future, or when no modification time is known).
/// </summary>
public static class ConditionalRead
{
    /// <summary>The weak ETag FHIR gives a version: <c>W/"{versionId}"</c>.</summary>
    public static string ETag(string version) => $"W/\"{version}\"";

    /// <summary><see langword="true"/> when the request's conditions say the caller already holds this version (answer 304).</summary>
    public static bool IsNotModified(HttpRequest request, string version, DateTimeOffset? lastModified, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            return MatchesAny(ifNoneMatch, version);
        }

        if (lastModified is { } modified
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && since <= now)
        {
            // HTTP dates have whole seconds.
            return modified.AddTicks(-(modified.Ticks % TimeSpan.TicksPerSecond)) <= since;
        }

        return false;
    }

    private static bool MatchesAny(StringValues header, string version)
    {
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue($"\"{version}\"", isWeak: true);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
