using FhirFacade.Fhir.FhirPath.Evaluation;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath;

/// <summary>
/// A parsed and compiled FHIRPath expression. Immutable and thread-safe: compile once (see
/// <see cref="FhirPathEngine.Compile"/>), evaluate against any number of trees from any thread.
/// </summary>
public sealed class CompiledExpression
{
    private readonly Evaluator _evaluator;

    internal CompiledExpression(string expression, Evaluator evaluator)
    {
        Expression = expression;
        _evaluator = evaluator;
    }

    /// <summary>The expression text as compiled.</summary>
    public string Expression { get; }

    /// <summary>
    /// Evaluates the expression with <paramref name="focus"/> as the input collection (and <c>$this</c>).
    /// </summary>
    /// <param name="focus">The node to evaluate on: a resource, or an element for element-level invariants.</param>
    /// <param name="context">Environment variables, the model and the hooks; <see langword="null"/> derives everything from <paramref name="focus"/>.</param>
    /// <returns>The result collection; empty when data is missing or unusable. Read-only: small results are shared instances.</returns>
    /// <exception cref="FhirPathEvaluationException">When the specification defines the situation as an error (see the exception's remarks).</exception>
    public IReadOnlyList<FhirPathItem> Evaluate(ElementNode focus, FhirPathContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(focus);
        var scope = EvaluationScope.Rent(context ?? FhirPathContext.Default, focus);
        try
        {
            var result = _evaluator(scope);

            // The input array belongs to the (reused) scope; a result that is the input itself gets its own copy.
            return scope.IsOwnInput(result) ? [result[0]] : result;
        }
        finally
        {
            scope.Return();
        }
    }

    /// <summary>Evaluates the expression on an arbitrary input collection (which may be empty or hold system values).</summary>
    public IReadOnlyList<FhirPathItem> Evaluate(IReadOnlyList<FhirPathItem> input, FhirPathContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var focus = input.Count == 1 ? input[0].Node : null;
        return Run(context, input, focus);
    }

    private IReadOnlyList<FhirPathItem> Run(FhirPathContext? context, IReadOnlyList<FhirPathItem> input, ElementNode? focus)
    {
        var scope = EvaluationScope.Rent(context ?? FhirPathContext.Default, input, focus);
        try
        {
            return _evaluator(scope);
        }
        finally
        {
            scope.Return();
        }
    }

    /// <summary>
    /// Evaluates to a boolean by singleton evaluation (<see href="http://hl7.org/fhirpath/N1/#singleton-evaluation-of-collections"/>):
    /// <see langword="null"/> for an empty result, the value of a single boolean, <see langword="true"/> for any other single item.
    /// </summary>
    /// <exception cref="FhirPathEvaluationException">When the result holds more than one item.</exception>
    public bool? EvaluateBoolean(ElementNode focus, FhirPathContext? context = null) =>
        Operators.ToBoolean(Evaluate(focus, context), "result");

    /// <summary>
    /// Evaluates an invariant: <see langword="true"/> only when the result is the single boolean <c>true</c>.
    /// An empty result counts as <see langword="false"/> here; FHIR constraint checking treats an empty
    /// invariant result as satisfied, so validators should use <see cref="EvaluateBoolean"/> and decide.
    /// </summary>
    public bool Predicate(ElementNode focus, FhirPathContext? context = null) => EvaluateBoolean(focus, context) == true;
}
