using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>An invariant compiler that compiles nothing: only the structurally implemented core invariants run.</summary>
internal sealed class NoInvariantCompiler : IInvariantCompiler
{
    public static readonly NoInvariantCompiler Instance = new();

    public Func<ElementNode, bool>? TryCompile(string expression) => null;
}
