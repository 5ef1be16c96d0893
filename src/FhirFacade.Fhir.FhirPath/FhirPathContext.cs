using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath;

/// <summary>
/// The environment of one evaluation (<see href="https://hl7.org/fhir/R4/fhirpath.html#vars"/>): the
/// resources behind <c>%resource</c>, <c>%rootResource</c> and <c>%context</c>, caller-supplied
/// variables, the FHIR type model for <c>is</c>/<c>as</c>/<c>ofType</c> subtyping, and the hooks for
/// <c>memberOf</c> and <c>conformsTo</c>. Immutable; one instance can serve many evaluations and threads.
/// </summary>
public sealed class FhirPathContext
{
    /// <summary>An empty context: everything is derived from the focus node.</summary>
    public static FhirPathContext Default { get; } = new();

    /// <summary><c>%resource</c>; defaults to the resource enclosing the focus node.</summary>
    public ElementNode? Resource { get; init; }

    /// <summary><c>%rootResource</c>; defaults to the container of <c>%resource</c> when it is a contained resource, else <c>%resource</c>.</summary>
    public ElementNode? RootResource { get; init; }

    /// <summary><c>%context</c>; defaults to the focus node.</summary>
    public ElementNode? Context { get; init; }

    /// <summary>Extra variables by name without the <c>%</c> (<c>%profile</c> → <c>profile</c>); they shadow nothing built in.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FhirPathItem>>? Variables { get; init; }

    /// <summary>The FHIR type model; without it, <c>is</c>/<c>as</c>/<c>ofType</c> match the exact type only.</summary>
    public IFhirModel? Model { get; init; }

    /// <summary>The <c>memberOf</c> hook; without it <c>memberOf</c> returns empty.</summary>
    public IFhirPathTerminology? Terminology { get; init; }

    /// <summary>The <c>conformsTo</c> hook; without it <c>conformsTo</c> returns empty.</summary>
    public IFhirPathProfileChecker? ProfileChecker { get; init; }

    /// <summary>
    /// Resolves references <c>resolve()</c> cannot find inside the resource or its Bundle (absolute URLs,
    /// server references); <see langword="null"/> leaves them unresolved (empty).
    /// </summary>
    public Func<string, ElementNode?>? ReferenceResolver { get; init; }

    /// <summary>The clock for <c>now()</c>, <c>today()</c> and <c>timeOfDay()</c>; defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Receives <c>trace(name)</c> output; <see langword="null"/> discards it.</summary>
    public Action<string, IReadOnlyList<FhirPathItem>>? Trace { get; init; }
}
