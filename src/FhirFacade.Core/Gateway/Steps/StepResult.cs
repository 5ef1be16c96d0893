using System.Collections.Immutable;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Gateway.Steps;

/// <summary>What one step of the gateway produced, with the issues it raised, in order, as a value (nothing is passed in to be filled).</summary>
/// <typeparam name="T">The step's value.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Issues">The issues the step raised, in the order it raised them.</param>
internal readonly record struct StepResult<T>(T Value, ImmutableArray<Issue> Issues)
{
    /// <summary>A value with no issues.</summary>
    public static StepResult<T> Of(T value) => new(value, []);
}
