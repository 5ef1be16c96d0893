namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary><c>sort(key, -key…)</c>: a stable sort by keys evaluated per item; empty keys sort first.</summary>
internal static class Sorting
{
    public static IReadOnlyList<FhirPathItem> Sort(IReadOnlyList<FhirPathItem> input, (Evaluator Key, bool Descending)[] keys, EvaluationScope scope)
    {
        if (input.Count <= 1)
        {
            return input;
        }

        var rows = new (FhirPathItem Item, object?[] Keys, int Position)[input.Count];
        var savedThis = scope.This;
        var savedIndex = scope.Index;
        try
        {
            for (var i = 0; i < input.Count; i++)
            {
                var values = new object?[Math.Max(keys.Length, 1)];
                if (keys.Length == 0)
                {
                    values[0] = input[i].Value;
                }
                else
                {
                    scope.This = [input[i]];
                    scope.Index = i;
                    for (var k = 0; k < keys.Length; k++)
                    {
                        values[k] = Operators.SingletonValue(keys[k].Key(scope), "sort");
                    }
                }

                rows[i] = (input[i], values, i);
            }
        }
        finally
        {
            scope.This = savedThis;
            scope.Index = savedIndex;
        }

        Array.Sort(rows, (a, b) =>
        {
            for (var k = 0; k < a.Keys.Length; k++)
            {
                if (a.Keys[k] is null || b.Keys[k] is null)
                {
                    // Empty keys sort first whatever the direction.
                    var n = (a.Keys[k] is null ? 0 : 1) - (b.Keys[k] is null ? 0 : 1);
                    if (n != 0)
                    {
                        return n;
                    }

                    continue;
                }

                var c = CompareKeys(a.Keys[k], b.Keys[k]);
                if (c != 0)
                {
                    return keys.Length > 0 && keys[k].Descending ? -c : c;
                }
            }

            return a.Position.CompareTo(b.Position);
        });

        var result = new FhirPathItem[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = rows[i].Item;
        }

        return result;
    }

    private static int CompareKeys(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        return Operators.CompareValues(left, right, "sort") ?? 0;
    }
}
