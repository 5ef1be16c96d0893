using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Resources;

/// <summary>
/// Builds the <see cref="ElementNode"/> tree of a typed resource; called by the generated
/// <c>WriteChildren</c> methods, which add children in canonical (StructureDefinition) order.
/// Every node carries its <see cref="ElementNode.Type"/> and <see cref="ElementNode.Definition"/> from
/// the model; choice nodes are named without suffix and typed with the chosen type. Empty values
/// (no value or an empty string, and no children) are left out, as FHIR forbids empty elements and strings.
/// </summary>
internal sealed class NodeWriter
{
    private readonly ModelTypeCache _types;

    public NodeWriter(ModelTypeCache types)
    {
        _types = types;
    }

    public ElementNode WriteRoot(Resource resource)
    {
        var type = _types.Find(resource.TypeName)
            ?? throw new InvalidOperationException($"The FHIR model does not define the resource type {resource.TypeName}.");
        var node = new ElementNode(resource.TypeName, resource.TypeName, type);
        resource.WriteChildren(this, node);
        return node;
    }

    /// <summary>Adds a value typed by a FHIRPath system type (<c>Element.id</c>, <c>Extension.url</c>, <c>Resource.id</c>).</summary>
    public void AddText(ElementNode parent, string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var definition = Definition(parent, name);
        var typeCode = definition.TypeCodes.Count > 0 ? definition.TypeCodes[0] : "string";
        parent.AddChild(new ElementNode(name, typeCode, _types.Find(typeCode), definition, text));
    }

    /// <summary>Adds a single complex value, backbone element or primitive element.</summary>
    public void Add(ElementNode parent, string name, Base? value)
    {
        if (value is not null)
        {
            AddValue(parent, Definition(parent, name), value);
        }
    }

    public void AddAll<T>(ElementNode parent, string name, List<T> values)
        where T : Base
    {
        if (values.Count == 0)
        {
            return;
        }

        var definition = Definition(parent, name);
        foreach (var value in values)
        {
            AddValue(parent, definition, value);
        }
    }

    public void AddValues(ElementNode parent, string name, List<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var definition = Definition(parent, name);
        var type = _types.Find(definition.TypeCodes[0]);
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parent.AddChild(new ElementNode(name, definition.TypeCodes[0], type, definition, value));
            }
        }
    }

    public void AddValues(ElementNode parent, string name, List<int> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var definition = Definition(parent, name);
        var type = _types.Find(definition.TypeCodes[0]);
        foreach (var value in values)
        {
            parent.AddChild(new ElementNode(name, definition.TypeCodes[0], type, definition, PrimitiveText.FromInteger(value)));
        }
    }

    public void AddValues(ElementNode parent, string name, List<decimal> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var definition = Definition(parent, name);
        var type = _types.Find(definition.TypeCodes[0]);
        foreach (var value in values)
        {
            parent.AddChild(new ElementNode(name, definition.TypeCodes[0], type, definition, PrimitiveText.FromDecimal(value)));
        }
    }

    public void AddValues(ElementNode parent, string name, List<bool> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var definition = Definition(parent, name);
        var type = _types.Find(definition.TypeCodes[0]);
        foreach (var value in values)
        {
            parent.AddChild(new ElementNode(name, definition.TypeCodes[0], type, definition, PrimitiveText.FromBoolean(value)));
        }
    }

    /// <summary>Adds a choice value (<c>value[x]</c>): the node is named without suffix and typed with the value's type.</summary>
    /// <exception cref="InvalidOperationException">When the element does not allow the value's type: a mapper bug.</exception>
    public void AddChoice(ElementNode parent, string name, DataType? value)
    {
        if (value is null)
        {
            return;
        }

        var definition = Definition(parent, name);
        var typeCode = value.TypeName;
        if (!Contains(definition.TypeCodes, typeCode))
        {
            throw new InvalidOperationException(
                $"{definition.Path} cannot hold a {typeCode}; allowed: {string.Join(", ", definition.TypeCodes)}.");
        }

        var node = new ElementNode(name, typeCode, _types.Find(typeCode), definition);
        value.WriteChildren(this, node);
        AddIfNotEmpty(parent, node);
    }

    public void AddResource(ElementNode parent, string name, Resource? resource)
    {
        if (resource is not null)
        {
            AddResourceNode(parent, Definition(parent, name), name, resource);
        }
    }

    public void AddResources(ElementNode parent, string name, List<Resource> resources)
    {
        if (resources.Count == 0)
        {
            return;
        }

        var definition = Definition(parent, name);
        foreach (var resource in resources)
        {
            AddResourceNode(parent, definition, name, resource);
        }
    }

    private static ChildDefinition Definition(ElementNode parent, string name) =>
        parent.Type?.FindChild(name)
        ?? throw new InvalidOperationException($"The FHIR model has no element '{name}' in {parent.Type?.Name ?? parent.InstanceType}.");

    private static bool Contains(IReadOnlyList<string> typeCodes, string typeCode)
    {
        foreach (var code in typeCodes)
        {
            if (string.Equals(code, typeCode, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddIfNotEmpty(ElementNode parent, ElementNode node)
    {
        if (node.Text is not null || node.Children.Count > 0)
        {
            parent.AddChild(node);
        }
    }

    private void AddValue(ElementNode parent, ChildDefinition definition, Base value)
    {
        var typeCode = definition.TypeCodes.Count > 0 ? definition.TypeCodes[0] : value.TypeName;
        var type = definition.BackboneType ?? _types.Find(typeCode);
        var node = new ElementNode(definition.Name, typeCode, type, definition);
        value.WriteChildren(this, node);
        AddIfNotEmpty(parent, node);
    }

    private void AddResourceNode(ElementNode parent, ChildDefinition definition, string name, Resource resource)
    {
        var type = _types.Find(resource.TypeName)
            ?? throw new InvalidOperationException($"The FHIR model does not define the resource type {resource.TypeName}.");
        var node = new ElementNode(name, resource.TypeName, type, definition);
        resource.WriteChildren(this, node);
        parent.AddChild(node);
    }
}
