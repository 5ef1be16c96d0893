using System.Xml;
using System.Xml.Linq;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Primitives;

namespace FhirFacade.Fhir.Serialization.Xml;

/// <summary>
/// Reads FHIR XML (<see href="https://hl7.org/fhir/R4/xml.html"/>) into the typed element tree.
/// Bad data never throws: problems come back as <see cref="Issue"/>s with a stable code
/// (<c>XML001</c>…, catalogued in docs/issue-codes.md), the FHIRPath location and the line/column.
/// </summary>
/// <remarks>
/// Safe by construction: DTDs are prohibited (so no external entity, no entity expansion such as
/// "billion laughs"), no resolver is set (no URL is ever fetched), and document size and nesting
/// depth are bounded. The reader is thread-safe and can be shared.
/// </remarks>
public sealed class FhirXmlParser
{
    private readonly IFhirModel _model;
    private readonly FhirXmlParserOptions _options;

    /// <summary>Creates a reader over the given type model.</summary>
    public FhirXmlParser(IFhirModel model, FhirXmlParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _options = options ?? FhirXmlParserOptions.Default;
    }

    /// <summary>Parses a resource from XML text.</summary>
    public FhirParseResult Parse(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > _options.MaxCharacters)
        {
            return TooLarge();
        }

        using var text = new StringReader(xml);
        return Parse(text);
    }

    /// <summary>Parses a resource from a UTF-8 (or declared-encoding) XML stream.</summary>
    public FhirParseResult Parse(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var text = new StreamReader(xml, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Parse(text);
    }

    private FhirParseResult Parse(TextReader text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = _options.MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            // Whitespace is kept so that XHTML narrative survives exactly; FHIR element content skips it below.
            IgnoreWhitespace = false,
            CloseInput = false,
        };

        var state = new ReadState(_options);
        try
        {
            using var reader = XmlReader.Create(text, settings);
            var root = ReadDocument(reader, state);
            return new FhirParseResult(root, state.Issues);
        }
        catch (XmlException ex)
        {
            state.Issues.Add(Classify(ex));
            return new FhirParseResult(null, state.Issues);
        }
        catch (DepthExceededException ex)
        {
            state.Issues.Add(new Issue(
                XmlIssueCodes.TooDeep,
                IssueSeverity.Fatal,
                IssueType.TooCostly,
                $"Elements are nested deeper than the limit of {_options.MaxDepth}.",
                null,
                ex.Position));
            return new FhirParseResult(null, state.Issues);
        }
    }

    private static FhirParseResult TooLarge() =>
        new(null, [new Issue(XmlIssueCodes.TooLarge, IssueSeverity.Fatal, IssueType.TooLong, "The XML document is larger than the configured limit.")]);

    private static Issue Classify(XmlException ex)
    {
        var position = ex.LineNumber > 0 ? new SourcePosition(ex.LineNumber, ex.LinePosition) : (SourcePosition?)null;
        if (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return new Issue(
                XmlIssueCodes.DtdProhibited,
                IssueSeverity.Fatal,
                IssueType.Security,
                "Document type declarations (DTDs) are not allowed in FHIR XML; entities were not resolved or expanded.",
                null,
                position);
        }

        if (ex.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            return new Issue(XmlIssueCodes.TooLarge, IssueSeverity.Fatal, IssueType.TooLong, "The XML document is larger than the configured limit.", null, position);
        }

        return new Issue(XmlIssueCodes.NotWellFormed, IssueSeverity.Fatal, IssueType.Structure, "The content is not well-formed XML.", null, position);
    }

    private ElementNode? ReadDocument(XmlReader reader, ReadState state)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element)
        {
            state.Issues.Add(new Issue(XmlIssueCodes.NotWellFormed, IssueSeverity.Fatal, IssueType.Structure, "The document has no root element.", null, Position(reader)));
            return null;
        }

        if (reader.NamespaceURI != FhirXmlNames.FhirNamespace)
        {
            state.Issues.Add(new Issue(
                XmlIssueCodes.WrongNamespace,
                IssueSeverity.Fatal,
                IssueType.Structure,
                $"The root element must be in the FHIR namespace '{FhirXmlNames.FhirNamespace}'.",
                reader.LocalName,
                Position(reader)));
            return null;
        }

        return ReadResource(reader, state, parentLocation: null, type => new ElementNode(type.Name, type.Name, type));
    }

    private ElementNode? ReadResource(XmlReader reader, ReadState state, string? parentLocation, Func<TypeDefinition, ElementNode> create)
    {
        var position = Position(reader);
        var type = _model.FindType(reader.LocalName);
        if (type is null || type.Kind != TypeKind.Resource || type.IsAbstract)
        {
            state.Issues.Add(new Issue(
                XmlIssueCodes.UnknownResourceType,
                IssueSeverity.Error,
                IssueType.Structure,
                $"'{reader.LocalName}' is not a known FHIR R4 resource type.",
                parentLocation ?? reader.LocalName,
                position));
            reader.Skip();
            return null;
        }

        var node = create(type);
        node.Position = position;
        ReadAttributes(reader, state, node, type, isPrimitive: false);
        ReadChildren(reader, state, node, type);
        return node;
    }

    private void ReadAttributes(XmlReader reader, ReadState state, ElementNode node, TypeDefinition type, bool isPrimitive)
    {
        if (!reader.HasAttributes)
        {
            return;
        }

        var position = Position(reader);
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            if (reader.Prefix == "xmlns" || reader.LocalName == "xmlns" || reader.NamespaceURI.Length > 0)
            {
                continue;
            }

            if (isPrimitive && reader.LocalName == FhirXmlNames.ValueAttribute)
            {
                if (reader.Value.Length == 0)
                {
                    state.Issues.Add(new Issue(XmlIssueCodes.EmptyValue, IssueSeverity.Error, IssueType.Value, "A primitive's value attribute must not be empty.", node.Location, position));
                    continue;
                }

                node.Text = reader.Value;
                continue;
            }

            var child = type.FindChild(reader.LocalName);
            if (child is null || !child.IsXmlAttribute)
            {
                state.Issues.Add(new Issue(
                    XmlIssueCodes.UnknownAttribute,
                    state.Lenient ? IssueSeverity.Warning : IssueSeverity.Error,
                    IssueType.Structure,
                    $"Attribute '{reader.LocalName}' is not allowed here.",
                    node.Location,
                    position));
                continue;
            }

            var typeCode = child.TypeCodes.Count > 0 ? child.TypeCodes[0] : "string";
            var attributeNode = node.AddChild(new ElementNode(child.Name, typeCode, _model.FindType(typeCode), child, reader.Value) { Position = position });
            CheckPrimitive(state, attributeNode, typeCode, position);
        }

        reader.MoveToElement();
    }

    private void ReadChildren(XmlReader reader, ReadState state, ElementNode node, TypeDefinition type)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        state.Enter(Position(reader));
        reader.Read();
        var lastOrder = -1;
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                state.Issues.Add(new Issue(XmlIssueCodes.TextContent, IssueSeverity.Error, IssueType.Structure, "Text content is not allowed in FHIR elements; values go in the 'value' attribute.", node.Location, Position(reader)));
                reader.Read();
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            lastOrder = ReadChild(reader, state, node, type, lastOrder);
        }

        state.Exit();
        reader.Read();
    }

    private int ReadChild(XmlReader reader, ReadState state, ElementNode parent, TypeDefinition parentType, int lastOrder)
    {
        var position = Position(reader);
        var name = reader.LocalName;
        var isXhtml = reader.NamespaceURI == FhirXmlNames.XhtmlNamespace;
        if (!isXhtml && reader.NamespaceURI != FhirXmlNames.FhirNamespace)
        {
            state.Issues.Add(new Issue(
                XmlIssueCodes.WrongNamespace,
                state.Lenient ? IssueSeverity.Warning : IssueSeverity.Error,
                IssueType.Structure,
                $"Element '{name}' is not in the FHIR namespace.",
                parent.Location + "." + name,
                position));
            reader.Skip();
            return lastOrder;
        }

        if (!parentType.TryResolveSerializedName(name, out var child, out var typeCode) || child.IsXmlAttribute || (isXhtml != (typeCode == FhirXmlNames.XhtmlType)))
        {
            state.Issues.Add(new Issue(
                XmlIssueCodes.UnknownElement,
                state.Lenient ? IssueSeverity.Warning : IssueSeverity.Error,
                IssueType.Structure,
                $"Element '{name}' is not a known element of {parentType.Name}.",
                parent.Location + "." + name,
                position));
            reader.Skip();
            return lastOrder;
        }

        if (child.Order < lastOrder)
        {
            state.Issues.Add(new Issue(
                XmlIssueCodes.OutOfOrder,
                state.Lenient ? IssueSeverity.Warning : IssueSeverity.Error,
                IssueType.Structure,
                $"Element '{name}' is out of order: FHIR XML requires the order of the definition.",
                parent.Location + "." + child.Name,
                position));
        }

        if (!child.IsCollection && parent.Child(child.Name) is not null)
        {
            state.Issues.Add(new Issue(
                XmlIssueCodes.RepeatedSingle,
                state.Lenient ? IssueSeverity.Warning : IssueSeverity.Error,
                IssueType.Structure,
                $"Element '{child.Name}' may appear at most once.",
                parent.Location + "." + child.Name,
                position));
            reader.Skip();
            return Math.Max(lastOrder, child.Order);
        }

        if (child.IsResourceContainer)
        {
            ReadContainedResource(reader, state, parent, child, position);
            return Math.Max(lastOrder, child.Order);
        }

        if (typeCode == FhirXmlNames.XhtmlType)
        {
            ReadXhtml(reader, state, parent, child, position);
            return Math.Max(lastOrder, child.Order);
        }

        var childType = child.BackboneType ?? _model.FindType(typeCode);
        if (childType is null)
        {
            state.Issues.Add(new Issue(XmlIssueCodes.UnknownElement, IssueSeverity.Error, IssueType.Structure, $"Type '{typeCode}' of element '{name}' is unknown.", parent.Location + "." + child.Name, position));
            reader.Skip();
            return lastOrder;
        }

        var node = parent.AddChild(new ElementNode(child.Name, child.BackboneType is null ? typeCode : child.TypeCodes[0], childType, child) { Position = position });
        ReadAttributes(reader, state, node, childType, childType.IsPrimitive);
        ReadChildren(reader, state, node, childType);

        if (childType.IsPrimitive)
        {
            if (node.Text is null && node.Children.Count == 0)
            {
                state.Issues.Add(new Issue(XmlIssueCodes.EmptyElement, IssueSeverity.Error, IssueType.Structure, $"Element '{name}' has no value, id or extension.", node.Location, position));
            }
            else if (node.Text is not null)
            {
                CheckPrimitive(state, node, typeCode, position);
            }
        }
        else if (node.Children.Count == 0)
        {
            state.Issues.Add(new Issue(XmlIssueCodes.EmptyElement, IssueSeverity.Error, IssueType.Structure, $"Element '{name}' is empty: it must have a value or children.", node.Location, position));
        }

        return Math.Max(lastOrder, child.Order);
    }

    private void ReadContainedResource(XmlReader reader, ReadState state, ElementNode parent, ChildDefinition child, SourcePosition position)
    {
        var location = parent.Location + "." + child.Name;
        if (reader.IsEmptyElement)
        {
            state.Issues.Add(new Issue(XmlIssueCodes.ContainerShape, IssueSeverity.Error, IssueType.Structure, $"'{child.Name}' must contain exactly one resource.", location, position));
            reader.Read();
            return;
        }

        state.Enter(position);
        reader.Read();
        var count = 0;
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (++count > 1 || reader.NamespaceURI != FhirXmlNames.FhirNamespace)
            {
                state.Issues.Add(new Issue(XmlIssueCodes.ContainerShape, IssueSeverity.Error, IssueType.Structure, $"'{child.Name}' must contain exactly one FHIR resource.", location, Position(reader)));
                reader.Skip();
                continue;
            }

            ReadResource(reader, state, location, type => parent.AddChild(new ElementNode(child.Name, type.Name, type, child)));
        }

        if (count == 0)
        {
            state.Issues.Add(new Issue(XmlIssueCodes.ContainerShape, IssueSeverity.Error, IssueType.Structure, $"'{child.Name}' must contain exactly one resource.", location, position));
        }

        state.Exit();
        reader.Read();
    }

    private void ReadXhtml(XmlReader reader, ReadState state, ElementNode parent, ChildDefinition child, SourcePosition position)
    {
        var element = (XElement)XNode.ReadFrom(reader);
        if (element.Name.LocalName != "div")
        {
            state.Issues.Add(new Issue(XmlIssueCodes.Narrative, IssueSeverity.Error, IssueType.Value, "The narrative must be an XHTML 'div' element.", parent.Location + "." + child.Name, position));
        }

        var markup = element.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces);
        parent.AddChild(new ElementNode(child.Name, FhirXmlNames.XhtmlType, _model.FindType(FhirXmlNames.XhtmlType), child, markup) { Position = position });
    }

    private static void CheckPrimitive(ReadState state, ElementNode node, string typeCode, SourcePosition position)
    {
        // R4 types Resource.id as a plain string, but its content must still be a valid id
        // (https://hl7.org/fhir/R4/resource.html#id).
        if (node.Name == "id" && node.Parent?.IsResource == true)
        {
            typeCode = "id";
        }

        if (node.Text is not null && !FhirPrimitives.IsValid(typeCode, node.Text))
        {
            state.Issues.Add(new Issue(
                XmlIssueCodes.InvalidPrimitive,
                IssueSeverity.Error,
                IssueType.Value,
                $"'{Truncate(node.Text)}' is not a valid {typeCode}.",
                node.Location,
                position));
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static SourcePosition Position(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? new SourcePosition(info.LineNumber, info.LinePosition) : default;

    private sealed class ReadState(FhirXmlParserOptions options)
    {
        private int _depth;

        public List<Issue> Issues { get; } = [];

        public bool Lenient { get; } = options.Lenient;

        public void Enter(SourcePosition position)
        {
            if (++_depth > options.MaxDepth)
            {
                throw new DepthExceededException(position);
            }
        }

        public void Exit() => _depth--;
    }

    private sealed class DepthExceededException(SourcePosition position) : Exception
    {
        public SourcePosition Position { get; } = position;
    }
}
