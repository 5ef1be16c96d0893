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
            foreach (var child in node.Children)
            {
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
