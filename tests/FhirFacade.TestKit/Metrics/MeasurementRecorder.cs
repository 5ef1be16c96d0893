using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FhirFacade.TestKit.Metrics;

/// <summary>
/// Listens to one instrument of the meters one <see cref="IMeterFactory"/> created (so tests with their
/// own factory see only their own measurements) and keeps every measurement with its tags.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, IReadOnlyDictionary<string, string?> Tags)> _measurements = new();

    public MeasurementRecorder(IMeterFactory factory, string meterName, string instrumentName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == meterName && instrument.Name == instrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value?.ToString();
            }

            _measurements.Enqueue((value, copy));
        });
        _listener.Start();
    }

    /// <summary>Every measurement so far, in order.</summary>
    public IReadOnlyList<(long Value, IReadOnlyDictionary<string, string?> Tags)> Measurements => [.. _measurements];

    public void Dispose() => _listener.Dispose();
}
