using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Resources;

/// <summary>Reads any resource of the typed model from an <see cref="ElementNode"/>.</summary>
public static class FhirResource
{
    /// <summary>
    /// Rebuilds the typed resource for <paramref name="node"/> (by its <see cref="ElementNode.InstanceType"/>).
    /// A resource type outside the typed model (here or nested in <c>contained</c> or a Bundle) comes back as
    /// an <see cref="ElementNodeResource"/> holding a copy of the tree. Unknown elements, choice values of
    /// unknown types and extensions on individual values of repeating primitives (<c>_given</c>) are ignored.
    /// </summary>
    public static Resource FromElementNode(ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return NodeReader.ReadResource(node);
    }

    /// <summary>Rebuilds a resource of a known type; see <see cref="FromElementNode(ElementNode)"/>.</summary>
    /// <exception cref="ArgumentException">When the node is not a <typeparamref name="T"/>.</exception>
    public static T FromElementNode<T>(ElementNode node)
        where T : Resource
    {
        return FromElementNode(node) as T
            ?? throw new ArgumentException($"The node is a {node.InstanceType}, not a {typeof(T).Name}.", nameof(node));
    }
}
