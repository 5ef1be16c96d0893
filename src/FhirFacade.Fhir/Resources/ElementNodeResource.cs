using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Resources;

/// <summary>
/// A resource held as an <see cref="ElementNode"/> tree rather than as typed properties: a resource
/// that is already a tree (mapped and validated) placed in a typed <see cref="Bundle"/> or
/// <c>contained</c>, and nested resources whose type is outside the typed model when reading
/// (<see cref="FhirResource.FromElementNode(ElementNode)"/> keeps them this way instead of dropping them).
/// </summary>
/// <remarks>
/// <see cref="Resource.ToElementNode(IFhirModel)"/> writes a deep copy of <see cref="Node"/>'s children, so the wrapped tree is
/// never moved or changed. Only the node is written: the typed <see cref="Resource"/> properties are not
/// (<see cref="Resource.Id"/> is set from the node for <see cref="Reference.To(Resource, string?)"/>).
/// </remarks>
public sealed class ElementNodeResource : Resource
{
    /// <summary>Wraps a resource node (a root or a nested resource).</summary>
    /// <exception cref="ArgumentException">When the node is a primitive or has no resource type.</exception>
    public ElementNodeResource(ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.IsPrimitive || string.IsNullOrEmpty(node.InstanceType))
        {
            throw new ArgumentException($"{node.Location} is not a resource.", nameof(node));
        }

        Node = node;
        Id = node.Child("id")?.Text;
    }

    /// <summary>The wrapped resource tree.</summary>
    public ElementNode Node { get; }

    /// <inheritdoc />
    public override string TypeName => Node.InstanceType;

    internal override bool TryReadChild(ElementNode child) => false;

    internal override void WriteChildren(NodeWriter writer, ElementNode node)
    {
        foreach (var child in Node.Children)
        {
            node.AddChild(child.DeepCopy());
        }
    }
}
