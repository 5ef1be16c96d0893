using System.Text;
using System.Xml;
using System.Xml.Linq;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Serialization.Xml;

/// <summary>
/// Writes the element tree as canonical FHIR XML (<see href="https://hl7.org/fhir/R4/xml.html"/>):
/// elements in definition order, primitives as <c>value</c> attributes, <c>Element.id</c> and
/// <c>Extension.url</c> as attributes, the narrative as XHTML, nested resources wrapped in their
/// container element. Text XML 1.0 cannot carry (control characters, unpaired surrogates, U+FFFE,
/// U+FFFF; see <see cref="XmlCharacters"/>) is written as U+FFFD, so that writing never fails on a
/// value: callers that must report such a change look for it before serializing.
/// </summary>
public static class FhirXmlSerializer
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Serializes a resource to an XML string.</summary>
    public static string Serialize(ElementNode resource, FhirXmlSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, Settings(options, Encoding.Unicode)))
        {
            Write(resource, writer);
        }

        return builder.ToString();
    }

    /// <summary>Serializes a resource as UTF-8 XML into a stream.</summary>
    public static void Serialize(ElementNode resource, Stream stream, FhirXmlSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = XmlWriter.Create(stream, Settings(options, Utf8NoBom));
        Write(resource, writer);
    }

    /// <summary>Serializes a resource as UTF-8 XML bytes.</summary>
    public static byte[] SerializeToBytes(ElementNode resource, FhirXmlSerializerOptions? options = null)
    {
        using var stream = new MemoryStream();
        Serialize(resource, stream, options);
        return stream.ToArray();
    }

    /// <summary>Writes a resource with an existing writer (the caller owns it).</summary>
    public static void Write(ElementNode resource, XmlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(writer);
        if (!resource.IsResource)
        {
            throw new ArgumentException($"'{resource.Name}' is not a resource; only resources can be serialized.", nameof(resource));
        }

        WriteResource(resource, writer);
    }

    private static XmlWriterSettings Settings(FhirXmlSerializerOptions? options, Encoding encoding) => new()
    {
        Indent = options?.Pretty ?? false,
        OmitXmlDeclaration = true,
        Encoding = encoding,
        NewLineChars = "\n",
    };

    private static void WriteResource(ElementNode resource, XmlWriter writer)
    {
        writer.WriteStartElement(resource.InstanceType, FhirXmlNames.FhirNamespace);
        WriteContent(resource, writer);
        writer.WriteEndElement();
    }

    private static void WriteContent(ElementNode node, XmlWriter writer)
    {
        var children = Ordered(node);
        foreach (var child in children)
        {
            if (child.Definition?.IsXmlAttribute == true && child.Text is not null)
            {
                writer.WriteAttributeString(child.Name, XmlCharacters.Replace(child.Text));
            }
        }

        foreach (var child in children)
        {
            if (child.Definition?.IsXmlAttribute == true)
            {
                continue;
            }

            WriteElement(child, writer);
        }
    }

    private static void WriteElement(ElementNode node, XmlWriter writer)
    {
        var name = node.Definition?.IsChoice == true ? TypeDefinition.ChoiceName(node.Name, node.InstanceType) : node.Name;

        if (node.IsResource)
        {
            writer.WriteStartElement(name, FhirXmlNames.FhirNamespace);
            WriteResource(node, writer);
            writer.WriteEndElement();
            return;
        }

        if (node.InstanceType == FhirXmlNames.XhtmlType)
        {
            WriteXhtml(node, writer);
            return;
        }

        writer.WriteStartElement(name, FhirXmlNames.FhirNamespace);
        if (node.IsPrimitive && node.Text is not null)
        {
            foreach (var attribute in node.Children)
            {
                if (attribute.Definition?.IsXmlAttribute == true && attribute.Text is not null)
                {
                    writer.WriteAttributeString(attribute.Name, XmlCharacters.Replace(attribute.Text));
                }
            }

            writer.WriteAttributeString(FhirXmlNames.ValueAttribute, XmlCharacters.Replace(node.Text));
            foreach (var child in Ordered(node))
            {
                if (child.Definition?.IsXmlAttribute != true)
                {
                    WriteElement(child, writer);
                }
            }
        }
        else
        {
            WriteContent(node, writer);
        }

        writer.WriteEndElement();
    }

    private static void WriteXhtml(ElementNode node, XmlWriter writer)
    {
        if (string.IsNullOrEmpty(node.Text))
        {
            return;
        }

        // Parsing the stored markup guarantees that whatever is written is well-formed XHTML in
        // the right namespace, even when the tree came from JSON, where the div is only a string.
        var element = XElement.Parse(XmlCharacters.Replace(node.Text), LoadOptions.PreserveWhitespace);
        if (element.Name.NamespaceName.Length == 0)
        {
            foreach (var descendant in element.DescendantsAndSelf())
            {
                descendant.Name = XName.Get(descendant.Name.LocalName, FhirXmlNames.XhtmlNamespace);
            }
        }

        element.WriteTo(writer);
    }

    private static List<ElementNode> Ordered(ElementNode node)
    {
        var children = new List<ElementNode>(node.Children);
        var sorted = true;
        for (var i = 1; i < children.Count; i++)
        {
            if (Order(children[i]) < Order(children[i - 1]))
            {
                sorted = false;
                break;
            }
        }

        if (!sorted)
        {
            // Stable: repeating elements keep their relative order.
            children = [.. children.Select((child, index) => (child, index)).OrderBy(p => Order(p.child)).ThenBy(p => p.index).Select(p => p.child)];
        }

        return children;
    }

    private static int Order(ElementNode node) => node.Definition?.Order ?? int.MaxValue;
}
