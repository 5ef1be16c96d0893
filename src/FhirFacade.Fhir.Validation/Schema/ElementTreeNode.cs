using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>
/// A snapshot's flat element list rebuilt as a tree: each element with its child elements and, for a
/// sliced element, its slices (each with children of its own). Compile-time only.
/// </summary>
internal sealed class ElementTreeNode
{
    private ElementTreeNode(ElementDefinition definition) => Definition = definition;

    public ElementDefinition Definition { get; }

    public List<ElementTreeNode> Children { get; } = [];

    public List<ElementTreeNode> Slices { get; } = [];

    /// <summary>The element name without the choice suffix: <c>value</c> for <c>Extension.value[x]</c>.</summary>
    public string Name => StripChoice(Definition.Name);

    /// <summary>Builds the tree of a snapshot; the first element is the root.</summary>
    public static ElementTreeNode Build(IReadOnlyList<ElementDefinition> snapshot)
    {
        var root = new ElementTreeNode(snapshot[0]);
        var position = 1;
        ReadChildren(root, snapshot, ref position);
        return root;
    }

    public static string StripChoice(string name) => name.EndsWith("[x]", StringComparison.Ordinal) ? name[..^3] : name;

    /// <summary>The direct child named <paramref name="name"/> (choice elements match with or without their type suffix).</summary>
    public ElementTreeNode? FindChild(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name == name || child.Definition.Name == name)
            {
                return child;
            }
        }

        foreach (var child in Children)
        {
            if (child.Definition.IsChoice && name.StartsWith(child.Name, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    private static void ReadChildren(ElementTreeNode parent, IReadOnlyList<ElementDefinition> snapshot, ref int position)
    {
        var parentPath = parent.Definition.Path;
        while (position < snapshot.Count)
        {
            var element = snapshot[position];
            if (element.Path.Length <= parentPath.Length + 1
                || !element.Path.StartsWith(parentPath, StringComparison.Ordinal)
                || element.Path[parentPath.Length] != '.')
            {
                return;
            }

            position++;
            if (element.Path.IndexOf('.', parentPath.Length + 1) >= 0)
            {
                // A grandchild without its parent: a malformed snapshot; skip it rather than guess.
                continue;
            }

            var node = new ElementTreeNode(element);
            ReadChildren(node, snapshot, ref position);
            var sliced = element.SliceName is null ? null : parent.Children.LastOrDefault(c => c.Definition.Path == element.Path);
            if (sliced is not null)
            {
                sliced.Slices.Add(node);
            }
            else
            {
                parent.Children.Add(node);
            }
        }
    }
}
