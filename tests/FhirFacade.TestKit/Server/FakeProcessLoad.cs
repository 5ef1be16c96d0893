using System.Diagnostics;
using FhirFacade.Core.Gateway;

namespace FhirFacade.TestKit.Server;

/// <summary>
/// An <see cref="IProcessLoad"/> whose thread pool is starved a set share of the time: its thread-pool
/// wait grows at <see cref="StarvedShare"/> seconds per real second (0 = never starved, 1 = always); it
/// reports no CPU figures.
/// </summary>
public sealed class FakeProcessLoad : IProcessLoad
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan _starvedUntilNow;
    private TimeSpan _changedAt;
    private double _share;

    public FakeProcessLoad(double starvedShare = 0)
    {
        _share = starvedShare;
    }

    /// <summary>The share of time from now on that counts as starved.</summary>
    public double StarvedShare
    {
        get => _share;
        set
        {
            lock (_gate)
            {
                var now = _clock.Elapsed;
                _starvedUntilNow += (now - _changedAt) * _share;
                _changedAt = now;
                _share = value;
            }
        }
    }

    public ProcessLoad Read()
    {
        lock (_gate)
        {
            return new ProcessLoad(_starvedUntilNow + ((_clock.Elapsed - _changedAt) * _share), TimeSpan.Zero, TimeSpan.Zero);
        }
    }
}
