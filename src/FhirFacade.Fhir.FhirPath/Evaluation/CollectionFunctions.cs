namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>Collection-level helpers shared by operators and functions.</summary>
internal static class CollectionFunctions
{
    public static IReadOnlyList<FhirPathItem> Union(IReadOnlyList<FhirPathItem> left, IReadOnlyList<FhirPathItem> right)
    {
        if (left.Count == 0 && right.Count <= 1)
        {
            return right;
        }

        var result = new List<FhirPathItem>(left.Count + right.Count);
        AddDistinct(result, left);
        AddDistinct(result, right);
        return result;
    }

    public static IReadOnlyList<FhirPathItem> Distinct(IReadOnlyList<FhirPathItem> items)
    {
        if (items.Count <= 1)
        {
            return items;
        }

        var result = new List<FhirPathItem>(items.Count);
        AddDistinct(result, items);
        return result;
    }

    public static bool Contains(IReadOnlyList<FhirPathItem> items, FhirPathItem item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (Equality.ItemEquals(items[i], item) == true)
            {
                return true;
            }
        }

        return false;
    }

    public static IReadOnlyList<FhirPathItem> Membership(IReadOnlyList<FhirPathItem> element, IReadOnlyList<FhirPathItem> collection, string op)
    {
        if (element.Count == 0)
        {
            return Items.Empty;
        }

        if (element.Count > 1)
        {
            throw new FhirPathEvaluationException($"'{op}' needs a single item to look for.");
        }

        return Items.Of(Contains(collection, element[0]));
    }

    /// <summary>
    /// <c>as</c>: the item when it is of the type, else empty. On several items it filters like <c>ofType</c>:
    /// N1 makes that an error, but R4's own invariants rely on it (dom-3: <c>%resource.descendants().as(canonical)</c>).
    /// </summary>
    public static IReadOnlyList<FhirPathItem> As(IReadOnlyList<FhirPathItem> items, string typeName, EvaluationScope scope)
    {
        if (items.Count == 0)
        {
            return Items.Empty;
        }

        if (items.Count == 1)
        {
            return TypeMatching.Matches(items[0], typeName, scope.Context.Model, exactPrimitive: true) ? items : Items.Empty;
        }

        List<FhirPathItem>? result = null;
        foreach (var item in items)
        {
            if (TypeMatching.Matches(item, typeName, scope.Context.Model, exactPrimitive: true))
            {
                (result ??= []).Add(item);
            }
        }

        return result is null ? Items.Empty : result;
    }

    private static void AddDistinct(List<FhirPathItem> result, IReadOnlyList<FhirPathItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (!Contains(result, items[i]))
            {
                result.Add(items[i]);
            }
        }
    }
}
