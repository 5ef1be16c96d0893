using System.Collections.Concurrent;
using FhirFacade.Fhir.FhirPath.Evaluation;
using FhirFacade.Fhir.FhirPath.Syntax;

namespace FhirFacade.Fhir.FhirPath;

/// <summary>
/// Compiles FHIRPath expressions (<see href="http://hl7.org/fhirpath/N1/"/>, as FHIR R4 uses it:
/// <see href="https://hl7.org/fhir/R4/fhirpath.html"/>) into <see cref="CompiledExpression"/>s, cached by
/// expression text. Thread-safe; use <see cref="Default"/> or register one instance as a singleton.
/// </summary>
public sealed class FhirPathEngine
{
    private readonly ConcurrentDictionary<string, CompiledExpression> _cache = new(StringComparer.Ordinal);

    /// <summary>A process-wide engine with its own cache.</summary>
    public static FhirPathEngine Default { get; } = new();

    /// <summary>The number of cached expressions.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>Parses and compiles an expression, or returns the cached compilation of the same text.</summary>
    /// <exception cref="FhirPathSyntaxException">When the expression is malformed or calls an unknown function.</exception>
    public CompiledExpression Compile(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (_cache.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        var compiled = CompileUncached(expression);
        return _cache.GetOrAdd(expression, compiled);
    }

    /// <summary>Compiles and evaluates in one call (the compilation is cached).</summary>
    public IReadOnlyList<FhirPathItem> Evaluate(Model.ElementNode focus, string expression, FhirPathContext? context = null) =>
        Compile(expression).Evaluate(focus, context);

    private static CompiledExpression CompileUncached(string expression)
    {
        var tree = Parser.Parse(expression);
        return new CompiledExpression(expression, ExpressionCompiler.Compile(tree));
    }
}
