namespace FhirFacade.Simulators.World;

/// <summary>
/// SplitMix64: a tiny, fully specified generator so a seed always yields the same sequence on every
/// runtime (System.Random's algorithm is an implementation detail).
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed)
    {
        _state = seed;
    }

    public static DeterministicRandom For(string nhsNumber, string salt)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var c in nhsNumber + "|" + salt)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return new DeterministicRandom(hash);
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>An integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive)
    {
        var range = (ulong)(maxExclusive - minInclusive);
        return range == 0 ? minInclusive : minInclusive + (int)(NextUInt64() % range);
    }

    public bool Chance(int percent) => Next(0, 100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];

    public DateOnly DateBetween(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(Next(0, to.DayNumber - from.DayNumber + 1));
}
