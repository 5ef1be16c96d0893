using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>Path navigation over the element tree (<see href="http://hl7.org/fhirpath/N1/#path-selection"/>).</summary>
internal static class Navigation
{
    public static IReadOnlyList<FhirPathItem> Children(IReadOnlyList<FhirPathItem> input, string name, IFhirModel? model)
    {
        if (input.Count == 0)
        {
            return Items.Empty;
        }

        List<FhirPathItem>? result = null;
        FhirPathItem first = default;
        var found = 0;
        var undefinedEverywhere = true;
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i].Node is not { } node)
            {
                undefinedEverywhere = false;
                continue;
            }

            var matched = false;
            var children = node.Children;
            for (var c = 0; c < children.Count; c++)
            {
                var child = children[c];
                if (!string.Equals(child.Name, name, StringComparison.Ordinal))
                {
                    continue;
                }

                matched = true;
                Add(FhirPathItem.FromNode(child), ref first, ref result, ref found);
            }

            if (matched)
            {
                continue;
            }

            if (char.IsAsciiLetterUpper(name[0]) && IsOfType(node, name, model))
            {
                Add(input[i], ref first, ref result, ref found);
            }
            else if (node.Type is not { Children.Count: > 0 } type || type.FindChild(name) is not null)
            {
                undefinedEverywhere = false;
            }
        }

        if (found == 0 && undefinedEverywhere)
        {
            // A name no type in the input defines is a mistake in the expression (a semantic error in
            // the specification's terms), not missing data.
            throw new FhirPathEvaluationException($"'{name}' is not an element of {input[0].TypeName}.");
        }

        return found switch
        {
            0 => Items.Empty,
            1 => [first],
            _ => result!,
        };
    }

    /// <summary>
    /// The number of items <see cref="Children"/> would return, without building the collection
    /// (for <c>name.count()</c>, <c>name.exists()</c>, <c>name.empty()</c> in invariants); stops at one when <paramref name="existsOnly"/>.
    /// </summary>
    public static int Count(IReadOnlyList<FhirPathItem> input, string name, IFhirModel? model, bool existsOnly)
    {
        if (input.Count == 0)
        {
            return 0;
        }

        var found = 0;
        var undefinedEverywhere = true;
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i].Node is not { } node)
            {
                undefinedEverywhere = false;
                continue;
            }

            var matched = false;
            var children = node.Children;
            for (var c = 0; c < children.Count; c++)
            {
                var child = children[c];
                if (string.Equals(child.Name, name, StringComparison.Ordinal))
                {
                    matched = true;
                    found++;
                    if (existsOnly)
                    {
                        return found;
                    }
                }
            }

            if (matched)
            {
                continue;
            }

            if (char.IsAsciiLetterUpper(name[0]) && IsOfType(node, name, model))
            {
                found++;
                if (existsOnly)
                {
                    return found;
                }
            }
            else if (node.Type is not { Children.Count: > 0 } type || type.FindChild(name) is not null)
            {
                undefinedEverywhere = false;
            }
        }

        if (found == 0 && undefinedEverywhere)
        {
            throw new FhirPathEvaluationException($"'{name}' is not an element of {input[0].TypeName}.");
        }

        return found;
    }

    /// <summary>The number of children of the nodes in <paramref name="input"/> (<c>children().count()</c>).</summary>
    public static int CountAllChildren(IReadOnlyList<FhirPathItem> input)
    {
        var count = 0;
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i].Node is { } node)
            {
                count += node.Children.Count;
            }
        }

        return count;
    }

    private static bool IsOfType(ElementNode node, string name, IFhirModel? model) =>
        node.InstanceType == name || (model is not null && model.IsSubtypeOf(node.InstanceType, name));

    private static void Add(FhirPathItem item, ref FhirPathItem first, ref List<FhirPathItem>? result, ref int found)
    {
        if (found == 0)
        {
            first = item;
        }
        else
        {
            if (result is null)
            {
                result = [first];
            }

            result.Add(item);
        }

        found++;
    }
}
