namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>Filtering, projection, subsetting and combining (<see href="http://hl7.org/fhirpath/N1/#filtering-and-projection"/>).</summary>
internal static partial class FunctionTable
{
    private static void RegisterFiltering(Dictionary<string, FunctionDefinition> functions)
    {
        Add(functions, "where", 1, 1, Where);
        Add(functions, "select", 1, 1, Select);
        Add(functions, "repeat", 1, 1, Repeat);
        Add(functions, "ofType", 1, 1, OfType, takesType: true);
        Add(functions, "is", 1, 1, (input, args, scope) =>
        {
            var item = SingleInput(input, "is");
            return item is null ? Items.Empty : Items.Of(TypeMatching.Matches(item.Value, (string)args[0](scope)[0].Value!, scope.Context.Model));
        }, takesType: true);
        Add(functions, "as", 1, 1, (input, args, scope) => CollectionFunctions.As(input, (string)args[0](scope)[0].Value!, scope), takesType: true);
        Add(functions, "single", 0, 0, (input, _, _) => input.Count switch
        {
            0 or 1 => input,
            _ => throw new FhirPathEvaluationException("'single' found more than one item."),
        });
        Add(functions, "first", 0, 0, (input, _, _) => input.Count <= 1 ? input : [input[0]]);
        Add(functions, "last", 0, 0, (input, _, _) => input.Count <= 1 ? input : [input[^1]]);
        Add(functions, "tail", 0, 0, (input, _, _) => input.Count <= 1 ? Items.Empty : Slice(input, 1, input.Count - 1));
        Add(functions, "skip", 1, 1, (input, args, scope) =>
        {
            var n = IntegerArgument(args, 0, scope, "skip") ?? 0;
            return n <= 0 ? input : n >= input.Count ? Items.Empty : Slice(input, (int)n, input.Count - (int)n);
        });
        Add(functions, "take", 1, 1, (input, args, scope) =>
        {
            var n = IntegerArgument(args, 0, scope, "take") ?? 0;
            return n <= 0 ? Items.Empty : n >= input.Count ? input : Slice(input, 0, (int)n);
        });
        Add(functions, "intersect", 1, 1, (input, args, scope) =>
        {
            var other = args[0](scope);
            var result = new List<FhirPathItem>();
            foreach (var item in input)
            {
                if (CollectionFunctions.Contains(other, item) && !CollectionFunctions.Contains(result, item))
                {
                    result.Add(item);
                }
            }

            return result;
        });
        Add(functions, "exclude", 1, 1, (input, args, scope) =>
        {
            var other = args[0](scope);
            var result = new List<FhirPathItem>();
            foreach (var item in input)
            {
                if (!CollectionFunctions.Contains(other, item))
                {
                    result.Add(item);
                }
            }

            return result;
        });
        Add(functions, "union", 1, 1, (input, args, scope) => CollectionFunctions.Union(input, args[0](scope)));
        Add(functions, "combine", 1, 1, (input, args, scope) =>
        {
            var other = args[0](scope);
            if (other.Count == 0)
            {
                return input;
            }

            var result = new List<FhirPathItem>(input.Count + other.Count);
            result.AddRange(input);
            result.AddRange(other);
            return result;
        });
    }

    private static FhirPathItem[] Slice(IReadOnlyList<FhirPathItem> input, int start, int count)
    {
        var result = new FhirPathItem[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = input[start + i];
        }

        return result;
    }

    private static IReadOnlyList<FhirPathItem> Where(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        if (input.Count == 0)
        {
            return input;
        }

        List<FhirPathItem>? result = null;
        for (var i = 0; i < input.Count; i++)
        {
            if (CriterionFor(arguments[0], input[i], i, scope, "where") == true)
            {
                (result ??= []).Add(input[i]);
            }
        }

        return result is null ? Items.Empty : result;
    }

    private static IReadOnlyList<FhirPathItem> Select(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        if (input.Count == 0)
        {
            return input;
        }

        if (input.Count == 1)
        {
            return EvaluateFor(arguments[0], input[0], 0, scope);
        }

        var result = new List<FhirPathItem>();
        for (var i = 0; i < input.Count; i++)
        {
            result.AddRange(EvaluateFor(arguments[0], input[i], i, scope));
        }

        return result;
    }

    private static IReadOnlyList<FhirPathItem> Repeat(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        var result = new List<FhirPathItem>();
        var queue = new Queue<FhirPathItem>(input);
        while (queue.Count > 0)
        {
            var item = queue.Dequeue();
            foreach (var next in EvaluateFor(arguments[0], item, 0, scope))
            {
                if (!CollectionFunctions.Contains(result, next))
                {
                    result.Add(next);
                    queue.Enqueue(next);
                }
            }
        }

        return result;
    }

    private static IReadOnlyList<FhirPathItem> OfType(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        var typeName = (string)arguments[0](scope)[0].Value!;
        if (input.Count == 0)
        {
            TypeMatching.EnsureKnown(typeName, scope.Context.Model);
            return input;
        }

        List<FhirPathItem>? result = null;
        foreach (var item in input)
        {
            if (TypeMatching.Matches(item, typeName, scope.Context.Model, exactPrimitive: true))
            {
                (result ??= []).Add(item);
            }
        }

        return result is null ? Items.Empty : result;
    }
}
