using FhirFacade.Fhir.FhirPath;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>
/// Invariants through the FHIRPath engine: each expression is compiled once; an invariant holds
/// unless its expression evaluates to <c>false</c> (an empty result is not a failure, as in the
/// reference validators). Expressions the engine cannot compile are skipped (see <see cref="FhirValidator.SkippedInvariants"/>).
/// </summary>
public sealed class FhirPathInvariantCompiler : IInvariantCompiler
{
    private readonly FhirPathEngine _engine;
    private readonly FhirPathContext? _context;

    /// <param name="engine">The engine; <see cref="FhirPathEngine.Default"/> when omitted.</param>
    /// <param name="context">Evaluation context (model, terminology hooks); <see langword="null"/> for the defaults.</param>
    public FhirPathInvariantCompiler(FhirPathEngine? engine = null, FhirPathContext? context = null)
    {
        _engine = engine ?? FhirPathEngine.Default;
        _context = context;
    }

    /// <inheritdoc />
    public Func<ElementNode, bool>? TryCompile(string expression)
    {
        CompiledExpression compiled;
        try
        {
            compiled = _engine.Compile(expression);
        }
        catch (FhirPathSyntaxException)
        {
            return null;
        }

        var context = _context;
        return node => compiled.EvaluateBoolean(node, context) != false;
    }

    /// <inheritdoc />
    public Func<ElementNode, ElementNode, bool>? TryCompileContextInvariant(string expression)
    {
        if (TryCompileExpression(expression) is not { } compiled)
        {
            return null;
        }

        var baseContext = _context ?? FhirPathContext.Default;
        return (host, extension) =>
        {
            var context = new FhirPathContext
            {
                Model = baseContext.Model,
                Terminology = baseContext.Terminology,
                ProfileChecker = baseContext.ProfileChecker,
                TimeProvider = baseContext.TimeProvider,
                Variables = new Dictionary<string, IReadOnlyList<FhirPathItem>>(StringComparer.Ordinal) { ["extension"] = [FhirPathItem.FromNode(extension)] },
            };
            return compiled.EvaluateBoolean(host, context) != false;
        };
    }

    /// <inheritdoc />
    public Func<ElementNode, bool>? TryCompileContextSelection(string expression)
    {
        if (TryCompileExpression(expression) is not { } compiled)
        {
            return null;
        }

        var context = _context;
        return host =>
        {
            var resource = host.Resource ?? host.Root;
            foreach (var item in compiled.Evaluate(resource, context))
            {
                if (ReferenceEquals(item.Node, host))
                {
                    return true;
                }
            }

            return false;
        };
    }

    private CompiledExpression? TryCompileExpression(string expression)
    {
        try
        {
            return _engine.Compile(expression);
        }
        catch (FhirPathSyntaxException)
        {
            return null;
        }
    }
}
