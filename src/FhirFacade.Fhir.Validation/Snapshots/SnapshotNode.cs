using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Snapshots;

/// <summary>
/// One element of a snapshot under construction, as a tree: its children (in base order) and, for a sliced
/// element, its slice entries (each with its own children). Mutable while one generation runs; never shared.
/// </summary>
internal sealed class SnapshotNode(ElementDefinition definition)
{
    public ElementDefinition Definition { get; set; } = definition;

    public List<SnapshotNode> Children { get; } = [];

    public List<SnapshotNode> Slices { get; } = [];

    /// <summary>The type profile whose children were unfolded under this node, if any.</summary>
    public string? UnfoldedFrom { get; set; }

    /// <summary>Builds trees from a flat snapshot (first element is the root), using element ids.</summary>
    /// <returns>The root, or <see langword="null"/> when the list is empty.</returns>
    public static SnapshotNode? Build(IReadOnlyList<ElementDefinition> elements, ICollection<string> orphans)
    {
        if (elements.Count == 0)
        {
            return null;
        }

        var root = new SnapshotNode(elements[0]);
        var byId = new Dictionary<string, SnapshotNode>(elements.Count, StringComparer.Ordinal) { [root.Definition.Id] = root };
        for (var i = 1; i < elements.Count; i++)
        {
            var element = elements[i];
            var node = new SnapshotNode(element);
            var id = element.Id;
            var sliceSuffix = element.SliceName is null ? null : ":" + element.SliceName;
            if (sliceSuffix is not null && id.EndsWith(sliceSuffix, StringComparison.Ordinal)
                && byId.TryGetValue(id[..^sliceSuffix.Length], out var owner))
            {
                owner.Slices.Add(node);
            }
            else if (ElementIds.ParentOf(id) is { } parentId && byId.TryGetValue(parentId, out var parent))
            {
                parent.Children.Add(node);
            }
            else
            {
                orphans.Add(id);
                continue;
            }

            byId[id] = node;
        }

        return root;
    }

    /// <summary>Finds a direct child by element name.</summary>
    public SnapshotNode? FindChild(string name)
    {
        foreach (var child in Children)
        {
            if (child.Definition.Name == name)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Finds a slice entry by slice name.</summary>
    public SnapshotNode? FindSlice(string sliceName)
    {
        foreach (var slice in Slices)
        {
            if (slice.Definition.SliceName == sliceName)
            {
                return slice;
            }
        }

        return null;
    }

    /// <summary>A deep copy of this node with id and path prefixes replaced.</summary>
    public SnapshotNode CloneRebased(string oldId, string newId, string oldPath, string newPath)
    {
        var copy = new SnapshotNode(Rebase(Definition, oldId, newId, oldPath, newPath)) { UnfoldedFrom = UnfoldedFrom };
        foreach (var child in Children)
        {
            copy.Children.Add(child.CloneRebased(oldId, newId, oldPath, newPath));
        }

        foreach (var slice in Slices)
        {
            copy.Slices.Add(slice.CloneRebased(oldId, newId, oldPath, newPath));
        }

        return copy;
    }

    /// <summary>Appends this node and its descendants in snapshot order: element, children, then slices.</summary>
    public void Flatten(List<ElementDefinition> into)
    {
        into.Add(Definition);
        foreach (var child in Children)
        {
            child.Flatten(into);
        }

        foreach (var slice in Slices)
        {
            slice.Flatten(into);
        }
    }

    public static ElementDefinition Rebase(ElementDefinition element, string oldId, string newId, string oldPath, string newPath) =>
        element with
        {
            Id = element.Id.StartsWith(oldId, StringComparison.Ordinal) ? newId + element.Id[oldId.Length..] : element.Id,
            Path = element.Path.StartsWith(oldPath, StringComparison.Ordinal) ? newPath + element.Path[oldPath.Length..] : element.Path,
        };
}
