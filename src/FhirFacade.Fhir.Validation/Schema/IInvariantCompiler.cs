using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>
/// Compiles a FHIRPath invariant expression (<c>ElementDefinition.constraint.expression</c>) once into
/// a predicate evaluated against an element (the expression's context, <c>%resource</c> being the
/// element's enclosing resource). The FHIRPath engine plugs in here.
/// </summary>
public interface IInvariantCompiler
{
    /// <summary>
    /// The compiled predicate, or <see langword="null"/> when the expression uses something the engine
    /// does not support (the invariant is then skipped and listed by <see cref="FhirValidator.SkippedInvariants"/>).
    /// The predicate may throw for instance data it cannot evaluate; the validator reports a warning then.
    /// </summary>
    Func<ElementNode, bool>? TryCompile(string expression);
}
