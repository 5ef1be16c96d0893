namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>Existence functions (<see href="http://hl7.org/fhirpath/N1/#existence"/>).</summary>
internal static partial class FunctionTable
{
    private static void RegisterExistence(Dictionary<string, FunctionDefinition> functions)
    {
        Add(functions, "empty", 0, 0, (input, _, _) => Items.Of(input.Count == 0));
        Add(functions, "exists", 0, 1, Exists);
        Add(functions, "all", 1, 1, All);
        Add(functions, "allTrue", 0, 0, (input, _, _) => BooleanAggregate(input, "allTrue", all: true, expected: true));
        Add(functions, "anyTrue", 0, 0, (input, _, _) => BooleanAggregate(input, "anyTrue", all: false, expected: true));
        Add(functions, "allFalse", 0, 0, (input, _, _) => BooleanAggregate(input, "allFalse", all: true, expected: false));
        Add(functions, "anyFalse", 0, 0, (input, _, _) => BooleanAggregate(input, "anyFalse", all: false, expected: false));
        Add(functions, "subsetOf", 1, 1, (input, args, scope) => Items.Of(IsSubset(input, args[0](scope))));
        Add(functions, "supersetOf", 1, 1, (input, args, scope) => Items.Of(IsSubset(args[0](scope), input)));
        Add(functions, "count", 0, 0, (input, _, _) => Items.OfInteger(input.Count));
        Add(functions, "distinct", 0, 0, (input, _, _) => CollectionFunctions.Distinct(input));
        Add(functions, "isDistinct", 0, 0, (input, _, _) => Items.Of(CollectionFunctions.Distinct(input).Count == input.Count));
    }

    private static IReadOnlyList<FhirPathItem> Exists(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        if (arguments.Length == 0)
        {
            return Items.Of(input.Count > 0);
        }

        for (var i = 0; i < input.Count; i++)
        {
            if (CriterionFor(arguments[0], input[i], i, scope, "exists") == true)
            {
                return Items.True;
            }
        }

        return Items.False;
    }

    private static IReadOnlyList<FhirPathItem> All(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        for (var i = 0; i < input.Count; i++)
        {
            if (CriterionFor(arguments[0], input[i], i, scope, "all") != true)
            {
                return Items.False;
            }
        }

        return Items.True;
    }

    private static IReadOnlyList<FhirPathItem> BooleanAggregate(IReadOnlyList<FhirPathItem> input, string function, bool all, bool expected)
    {
        var any = false;
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i].Value is not bool b)
            {
                throw new FhirPathEvaluationException($"'{function}' needs boolean items.");
            }

            if (b == expected)
            {
                any = true;
            }
            else if (all)
            {
                return Items.False;
            }
        }

        return Items.Of(all || any);
    }

    private static bool IsSubset(IReadOnlyList<FhirPathItem> subset, IReadOnlyList<FhirPathItem> superset)
    {
        for (var i = 0; i < subset.Count; i++)
        {
            if (!CollectionFunctions.Contains(superset, subset[i]))
            {
                return false;
            }
        }

        return true;
    }
}
