using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.TestKit.Metrics;

/// <summary>An <see cref="IMeterFactory"/> for tests that build services by hand.</summary>
public static class TestMeters
{
    /// <summary>A factory from the real metrics registration (meters it creates are shared per name and tags).</summary>
    public static IMeterFactory Factory { get; } = NewFactory();

    /// <summary>A fresh factory, so a <see cref="MeasurementRecorder"/> sees only one test's measurements.</summary>
    public static IMeterFactory NewFactory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
