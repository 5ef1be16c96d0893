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
        for (var i = 0; i < input.Count; i++)
        {
            if (input[i].Node is not { } node)
            {
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

            if (!matched && char.IsAsciiLetterUpper(name[0]) && IsOfType(node, name, model))
            {
                Add(input[i], ref first, ref result, ref found);
            }
            else if (!matched && node.Type is { Children.Count: > 0 } type && type.FindChild(name) is null && !char.IsAsciiLetterUpper(name[0]))
            {
                throw new FhirPathEvaluationException($"'{name}' is not an element of {node.InstanceType}.");
            }
            else if (!matched && node.Type is { Children.Count: > 0 } resourceType && resourceType.IsResource && char.IsAsciiLetterUpper(name[0]) && resourceType.FindChild(name) is null)
            {
                throw new FhirPathEvaluationException($"'{name}' is neither an element nor the type of {node.InstanceType}.");
            }
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
