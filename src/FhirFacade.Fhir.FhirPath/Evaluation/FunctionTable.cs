using System.Collections.Frozen;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>
/// The FHIRPath function library (<see href="http://hl7.org/fhirpath/N1/#functions"/>) plus the FHIR R4
/// additions (<see href="https://hl7.org/fhir/R4/fhirpath.html#functions"/>), registered by name.
/// </summary>
internal static partial class FunctionTable
{
    private static readonly FrozenDictionary<string, FunctionDefinition> Functions = Build();

    public static FunctionDefinition? Find(string name) => Functions.GetValueOrDefault(name);

    private static FrozenDictionary<string, FunctionDefinition> Build()
    {
        var functions = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
        RegisterExistence(functions);
        RegisterFiltering(functions);
        RegisterConversion(functions);
        RegisterStrings(functions);
        RegisterMath(functions);
        RegisterFhir(functions);
        RegisterUtility(functions);
        return functions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, FunctionDefinition> functions, string name, int min, int max, FunctionBody body, bool takesType = false) =>
        functions[name] = new FunctionDefinition(name, min, max, body, takesType);

    /// <summary>Evaluates an argument with <c>$this</c> set to one item (for where, select, all…).</summary>
    private static IReadOnlyList<FhirPathItem> EvaluateFor(Evaluator argument, FhirPathItem item, int index, EvaluationScope scope)
    {
        var savedThis = scope.This;
        var savedIndex = scope.Index;
        scope.This = [item];
        scope.Index = index;
        try
        {
            return argument(scope);
        }
        finally
        {
            scope.This = savedThis;
            scope.Index = savedIndex;
        }
    }

    /// <summary>
    /// Evaluates a criterion for one item: <see langword="true"/>, <see langword="false"/> or <see langword="null"/> (empty),
    /// by singleton evaluation (<see href="http://hl7.org/fhirpath/N1/#singleton-evaluation-of-collections"/>):
    /// a single non-boolean item counts as <see langword="true"/>, several items are an error.
    /// </summary>
    private static bool? CriterionFor(Evaluator argument, FhirPathItem item, int index, EvaluationScope scope, string function) =>
        Operators.ToBoolean(EvaluateFor(argument, item, index, scope), function);

    private static FhirPathItem? SingleInput(IReadOnlyList<FhirPathItem> input, string function)
    {
        if (input.Count == 0)
        {
            return null;
        }

        if (input.Count > 1)
        {
            throw new FhirPathEvaluationException($"'{function}' needs a single input item but got {input.Count}.");
        }

        return input[0];
    }

    private static object? SingleValue(IReadOnlyList<FhirPathItem> input, string function) => SingleInput(input, function)?.Value;

    private static string? StringInput(IReadOnlyList<FhirPathItem> input, string function)
    {
        var item = SingleInput(input, function);
        if (item is null)
        {
            return null;
        }

        return item.Value.Value switch
        {
            string s => s,
            null when item.Value.Node is { PrimitiveType: not Model.PrimitiveSystemType.None } => null,
            _ => throw new FhirPathEvaluationException($"'{function}' needs a string input."),
        };
    }

    private static object? ArgumentValue(Evaluator[] arguments, int index, EvaluationScope scope, string function)
    {
        if (index >= arguments.Length)
        {
            return null;
        }

        var result = arguments[index](scope);
        if (result.Count > 1)
        {
            throw new FhirPathEvaluationException($"Argument {index + 1} of '{function}' must be a single item.");
        }

        return result.Count == 0 ? null : result[0].Value;
    }

    private static string? StringArgument(Evaluator[] arguments, int index, EvaluationScope scope, string function) =>
        ArgumentValue(arguments, index, scope, function) switch
        {
            null => null,
            string s => s,
            _ => throw new FhirPathEvaluationException($"Argument {index + 1} of '{function}' must be a string."),
        };

    private static long? IntegerArgument(Evaluator[] arguments, int index, EvaluationScope scope, string function) =>
        ArgumentValue(arguments, index, scope, function) switch
        {
            null => null,
            long l => l,
            _ => throw new FhirPathEvaluationException($"Argument {index + 1} of '{function}' must be an integer."),
        };
}
