using System.Collections.Concurrent;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Location;

/// <summary>
/// Remembers, for a short time, which organisations hold an NHS number (never what they hold), so a
/// burst of requests about one patient asks each supplier "do you hold …?" once. Only complete
/// answers (no organisation failed to answer) are cached, and an answer is dropped as soon as a holder it lists
/// says it has no record for the patient (<see cref="Forget"/>): the cache then cannot repeat a stale location for
/// the rest of its lifetime, at the price of one more round of "do you hold …?" calls on the next request.
/// </summary>
internal sealed class CachingRecordLocator(DirectoryRecordLocator inner, IOptions<GatewayOptions> options, TimeProvider timeProvider) : IRecordLocator
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, (RecordLocation Location, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);
    private readonly TimeSpan _ttl = options.Value.LocationCacheTtl;

    public async Task<RecordLocation> LocateAsync(NhsNumber nhsNumber, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_ttl > TimeSpan.Zero && _cache.TryGetValue(nhsNumber.Value, out var cached) && cached.Expires > now)
        {
            return cached.Location;
        }

        var location = await inner.LocateAsync(nhsNumber, cancellationToken);
        if (_ttl > TimeSpan.Zero && location.Failures.Count == 0)
        {
            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }

            _cache[nhsNumber.Value] = (location, now + _ttl);
        }

        return location;
    }

    public void Forget(NhsNumber nhsNumber) => _cache.TryRemove(nhsNumber.Value, out _);
}
