using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace FhirFacade.TestKit.Metrics;

/// <summary>
/// Listens to one instrument of the meters one <see cref="IMeterFactory"/> created (so tests with their
/// own factory see only their own measurements) and keeps every measurement with its tags: long
/// measurements as they are, double ones (histograms of seconds) in <see cref="Values"/>; observable
/// instruments report when <see cref="Observe"/> is called.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(long Value, IReadOnlyDictionary<string, string?> Tags)> _measurements = new();
    private readonly ConcurrentQueue<(double Value, IReadOnlyDictionary<string, string?> Tags)> _values = new();

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
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) => _measurements.Enqueue((value, Copy(tags))));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) => _measurements.Enqueue((value, Copy(tags))));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) => _values.Enqueue((value, Copy(tags))));
        _listener.Start();
    }

    /// <summary>Every measurement so far, in order.</summary>
    public IReadOnlyList<(long Value, IReadOnlyDictionary<string, string?> Tags)> Measurements => [.. _measurements];

    /// <summary>Every double measurement so far (histograms, observable counters of seconds), in order.</summary>
    public IReadOnlyList<(double Value, IReadOnlyDictionary<string, string?> Tags)> Values => [.. _values];

    /// <summary>Asks observable instruments for their current value (added to the lists above).</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private static Dictionary<string, string?> Copy(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        return copy;
    }
}
