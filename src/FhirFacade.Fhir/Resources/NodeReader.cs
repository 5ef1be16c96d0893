using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Resources;

/// <summary>
/// Reads <see cref="ElementNode"/> trees into typed objects; called by the generated
/// <c>TryReadChild</c> methods. Children the typed model does not know (unknown elements, choice
/// values of unknown types, extensions on individual values of repeating primitives) are ignored;
/// resources of types outside the model are kept as <see cref="ElementNodeResource"/>.
/// </summary>
internal static class NodeReader
{
    public static T Read<T>(ElementNode node)
        where T : Base, new()
    {
        ArgumentNullException.ThrowIfNull(node);
        var value = new T();
        Fill(value, node);
        return value;
    }

    public static DataType? ReadDataType(ElementNode node)
    {
        var value = ModelFactory.CreateDataType(node.InstanceType);
        if (value is not null)
        {
            Fill(value, node);
        }

        return value;
    }

    /// <summary>A typed resource, or for a type outside the typed model a copy of the tree in an <see cref="ElementNodeResource"/>.</summary>
    public static Resource ReadResource(ElementNode node)
    {
        var value = ModelFactory.CreateResource(node.InstanceType);
        if (value is null)
        {
            return new ElementNodeResource(node.DeepCopy());
        }

        Fill(value, node);
        return value;
    }

    public static void AddResource(List<Resource> resources, ElementNode node) => resources.Add(ReadResource(node));

    public static void AddValue(List<string> values, ElementNode node)
    {
        if (node.Text is { } text)
        {
            values.Add(text);
        }
    }

    public static void AddValue(List<int> values, ElementNode node)
    {
        if (PrimitiveText.ToInteger(node.Text) is { } value)
        {
            values.Add(value);
        }
    }

    public static void AddValue(List<decimal> values, ElementNode node)
    {
        if (PrimitiveText.ToDecimal(node.Text) is { } value)
        {
            values.Add(value);
        }
    }

    public static void AddValue(List<bool> values, ElementNode node)
    {
        if (PrimitiveText.ToBoolean(node.Text) is { } value)
        {
            values.Add(value);
        }
    }

    private static void Fill(Base value, ElementNode node)
    {
        value.ReadText(node.Text);
        foreach (var child in node.Children)
        {
            value.TryReadChild(child);
        }
    }
}
