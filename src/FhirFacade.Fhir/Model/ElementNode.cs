using System.Text;

namespace FhirFacade.Fhir.Model;

/// <summary>
/// A node of the FHIR element tree: a resource, a complex value or a primitive, as one
/// format-neutral shape that the JSON and XML readers produce, the serializers write, the FHIRPath
/// engine walks and the validator checks
/// (<see href="https://hl7.org/fhir/R4/fhirpath.html#types">FHIRPath over FHIR</see>).
/// </summary>
/// <remarks>
/// <para>
/// Every node knows its FHIR type (<see cref="InstanceType"/>): choice elements are resolved, so
/// <c>valueQuantity</c> on the wire is a node named <c>value</c> of type <c>Quantity</c>. A primitive
/// keeps its lexical form in <see cref="Text"/> exactly as written (<c>1.50</c> stays <c>1.50</c>);
/// its <c>id</c> and <c>extension</c> (JSON's <c>_name</c> form) are ordinary children. A nested
/// resource (contained, <c>Bundle.entry.resource</c>) is a node whose <see cref="IsResource"/> is set.
/// </para>
/// <para>
/// Trees are built once (by a reader, a builder or a mapper) and then only read; reading is safe
/// from several threads, mutation is not.
/// </para>
/// </remarks>
public sealed class ElementNode
{
    private List<ElementNode>? _children;
    private string? _location;

    /// <summary>Creates a node. Readers and builders use this; most code uses <see cref="AddChild(ElementNode)"/>.</summary>
    /// <param name="name">The element name without choice suffix; for a root resource, its type name.</param>
    /// <param name="instanceType">The FHIR type of the value (<c>string</c>, <c>HumanName</c>, <c>Patient</c>, <c>BackboneElement</c>).</param>
    /// <param name="type">The type's definition when known (for a backbone element, the anonymous nested type).</param>
    /// <param name="definition">The element's definition in its parent's type; <see langword="null"/> for a root.</param>
    /// <param name="text">The primitive's lexical value, or <see langword="null"/>.</param>
    public ElementNode(string name, string instanceType, TypeDefinition? type = null, ChildDefinition? definition = null, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(instanceType);
        Name = name;
        InstanceType = instanceType;
        Type = type;
        Definition = definition;
        Text = text;
    }

    /// <summary>The element name without choice suffix (<c>value</c>, not <c>valueQuantity</c>); a root's name is its resource type.</summary>
    public string Name { get; }

    /// <summary>The FHIR type of this value: <c>Patient</c>, <c>HumanName</c>, <c>string</c>, <c>BackboneElement</c>.</summary>
    public string InstanceType { get; }

    /// <summary>The definition of <see cref="InstanceType"/> (or of the anonymous backbone type) when known.</summary>
    public TypeDefinition? Type { get; }

    /// <summary>The definition of this element within its parent's type; <see langword="null"/> for a root or an unknown element.</summary>
    public ChildDefinition? Definition { get; }

    /// <summary>The parent node; <see langword="null"/> for a root.</summary>
    public ElementNode? Parent { get; private set; }

    /// <summary>
    /// The primitive's lexical value as written (<c>"1.50"</c>, <c>"2020-01"</c>, <c>"true"</c>), the XHTML
    /// markup of a narrative <c>div</c>, or <see langword="null"/> when the node has no value
    /// (complex types, or a primitive carrying only <c>id</c>/<c>extension</c>).
    /// </summary>
    public string? Text { get; set; }

    /// <summary>Where the node was read from (1-based line and column), when the reader knew it.</summary>
    public SourcePosition? Position { get; set; }

    /// <summary>The children in document (and, once serialized canonically, definition) order.</summary>
    public IReadOnlyList<ElementNode> Children => (IReadOnlyList<ElementNode>?)_children ?? [];

    /// <summary>This node's position among its parent's children of the same name (0 for the first).</summary>
    public int Index { get; private set; }

    /// <summary><see langword="true"/> when this node is a resource (a root, a contained resource or a Bundle entry's resource).</summary>
    public bool IsResource => Type?.Kind == TypeKind.Resource;

    /// <summary><see langword="true"/> when this node is a FHIR primitive (it may still have no <see cref="Text"/>).</summary>
    public bool IsPrimitive => Type?.Kind == TypeKind.PrimitiveType;

    /// <summary>The FHIRPath system type of a primitive; <see cref="PrimitiveSystemType.None"/> otherwise.</summary>
    public PrimitiveSystemType PrimitiveType => Type?.PrimitiveType ?? PrimitiveSystemType.None;

    /// <summary>The nearest enclosing resource (this node when it is one); <see langword="null"/> for a detached fragment.</summary>
    public ElementNode? Resource
    {
        get
        {
            for (var node = this; node is not null; node = node.Parent)
            {
                if (node.IsResource)
                {
                    return node;
                }
            }

            return null;
        }
    }

    /// <summary>The outermost node of the tree.</summary>
    public ElementNode Root
    {
        get
        {
            var node = this;
            while (node.Parent is not null)
            {
                node = node.Parent;
            }

            return node;
        }
    }

    /// <summary>
    /// The FHIRPath location of this node from the root, e.g. <c>Patient.name[0].given[1]</c>;
    /// repeating elements carry their index, single ones do not, choice elements use the name without suffix.
    /// </summary>
    public string Location => _location ??= BuildLocation();

    /// <summary>The children with the given element name (choice elements: without suffix).</summary>
    public IEnumerable<ElementNode> ChildrenNamed(string name)
    {
        if (_children is null)
        {
            yield break;
        }

        foreach (var child in _children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal))
            {
                yield return child;
            }
        }
    }

    /// <summary>The first child with the given name, or <see langword="null"/>.</summary>
    public ElementNode? Child(string name)
    {
        if (_children is null)
        {
            return null;
        }

        foreach (var child in _children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>Appends a child, setting its parent and index. A node can only have one parent.</summary>
    /// <returns>The child, for chaining.</returns>
    /// <exception cref="InvalidOperationException">When the child already has a parent.</exception>
    public ElementNode AddChild(ElementNode child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Parent is not null)
        {
            throw new InvalidOperationException($"Node '{child.Name}' already belongs to '{child.Parent.Name}'.");
        }

        _children ??= [];

        // Repeating elements are appended together, so the nearest same-named sibling is almost
        // always the last child: searching backwards keeps building a large Bundle linear.
        var index = 0;
        for (var i = _children.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_children[i].Name, child.Name, StringComparison.Ordinal))
            {
                index = _children[i].Index + 1;
                break;
            }
        }

        child.Parent = this;
        child.Index = index;
        child.InvalidateLocation();
        _children.Add(child);
        return child;
    }

    /// <summary>Removes a child and renumbers its same-named siblings.</summary>
    /// <returns><see langword="true"/> when the child was found.</returns>
    public bool RemoveChild(ElementNode child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (_children is null || !_children.Remove(child))
        {
            return false;
        }

        child.Parent = null;
        child.Index = 0;
        child.InvalidateLocation();
        var index = 0;
        foreach (var sibling in _children)
        {
            if (string.Equals(sibling.Name, child.Name, StringComparison.Ordinal))
            {
                sibling.Index = index++;
                sibling.InvalidateLocation();
            }
        }

        return true;
    }

    /// <summary>
    /// Moves every child of this node, in order, under <paramref name="target"/>, which must have none: a tree is
    /// re-rooted under another name (a resource root becoming <c>Bundle.entry.resource</c>) without copying it and
    /// without removing the children one by one. Indexes of same-named children stay as they are.
    /// </summary>
    /// <exception cref="InvalidOperationException">When <paramref name="target"/> already has children, or is this node or one of its descendants.</exception>
    public void MoveChildrenTo(ElementNode target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target._children is { Count: > 0 })
        {
            throw new InvalidOperationException($"Children can only move to a node without children; '{target.Name}' has some.");
        }

        for (var node = target; node is not null; node = node.Parent)
        {
            if (ReferenceEquals(node, this))
            {
                throw new InvalidOperationException($"The children of '{Name}' cannot move under itself or one of its descendants.");
            }
        }

        if (_children is null)
        {
            return;
        }

        foreach (var child in _children)
        {
            child.Parent = target;
            child.InvalidateLocation();
        }

        target._children = _children;
        _children = null;
    }

    /// <summary>Orders the children by a key (serializers use definition order); indexes of same-named siblings are kept.</summary>
    public void SortChildren(Comparison<ElementNode> comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (_children is { Count: > 1 })
        {
            // List.Sort is unstable; a stable sort keeps repeating elements in their original order.
            var sorted = _children.Select((node, position) => (node, position))
                .OrderBy(p => p.node, Comparer<ElementNode>.Create(comparison))
                .ThenBy(p => p.position)
                .Select(p => p.node)
                .ToList();
            _children = sorted;
        }
    }

    /// <summary>A deep copy of this node and its descendants, detached from any parent.</summary>
    public ElementNode DeepCopy()
    {
        var copy = new ElementNode(Name, InstanceType, Type, Definition, Text) { Position = Position };
        if (_children is not null)
        {
            foreach (var child in _children)
            {
                copy.AddChild(child.DeepCopy());
            }
        }

        return copy;
    }

    /// <summary>All descendants, depth first, in document order (this node excluded).</summary>
    public IEnumerable<ElementNode> Descendants()
    {
        if (_children is null)
        {
            yield break;
        }

        foreach (var child in _children)
        {
            yield return child;
            foreach (var grandChild in child.Descendants())
            {
                yield return grandChild;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text is null ? $"{Location} ({InstanceType})" : $"{Location} ({InstanceType}) = {Text}";

    private void InvalidateLocation()
    {
        _location = null;
        if (_children is not null)
        {
            foreach (var child in _children)
            {
                child.InvalidateLocation();
            }
        }
    }

    private string BuildLocation()
    {
        if (Parent is null)
        {
            return Name;
        }

        var builder = new StringBuilder(Parent.Location).Append('.').Append(Name);
        if (Definition?.IsCollection ?? HasSameNamedSibling())
        {
            builder.Append('[').Append(Index).Append(']');
        }

        return builder.ToString();
    }

    private bool HasSameNamedSibling() => Parent!.ChildrenNamed(Name).Skip(1).Any();
}
