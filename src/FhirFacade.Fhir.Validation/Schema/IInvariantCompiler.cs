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

    /// <summary>
    /// Compiles an extension's <c>StructureDefinition.contextInvariant</c>: evaluated on the element the
    /// extension sits on (the first argument), with <c>%extension</c> bound to the extension (the second).
    /// <see langword="null"/> when unsupported (the invariant is then not checked).
    /// </summary>
    Func<ElementNode, ElementNode, bool>? TryCompileContextInvariant(string expression) => null;

    /// <summary>
    /// Compiles an extension context of type <c>fhirpath</c>: whether the expression, evaluated on the
    /// resource, selects the given element. <see langword="null"/> when unsupported (the context then allows any element).
    /// </summary>
    Func<ElementNode, bool>? TryCompileContextSelection(string expression) => null;
}
