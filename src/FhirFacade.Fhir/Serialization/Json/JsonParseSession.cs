using System.Text;
using System.Text.Json;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Primitives;

namespace FhirFacade.Fhir.Serialization.Json;

/// <summary>
/// One run of <see cref="FhirJsonParser"/>: walks a <see cref="Utf8JsonReader"/> once, building typed
/// <see cref="ElementNode"/>s and collecting <see cref="Issue"/>s. Not thread-safe; one per parse.
/// </summary>
internal sealed class JsonParseSession
{
    private const int StackNameLength = 128;

    /// <summary>
    /// The JSON nesting the reader tolerates, well above <see cref="FhirJsonParserOptions.MaxDepth"/>, so that
    /// content beyond the FHIR limit can still be skipped and reported as JSON119; deeper input is JSON100.
    /// </summary>
    private const int ReaderMaxDepth = 1000;
    private const string ResourceTypeProperty = "resourceType";
    private const string IdElement = "id";
    private const string IdType = "id";
    private readonly IFhirModel _model;
    private readonly FhirJsonParserOptions _options;
    private readonly int[] _lineStarts;
    private readonly List<Issue> _issues = [];
    private int _lineCursor;

    public JsonParseSession(IFhirModel model, FhirJsonParserOptions options, ReadOnlySpan<byte> utf8Json)
    {
        _model = model;
        _options = options;
        _lineStarts = BuildLineStarts(utf8Json);
    }

    public List<Issue> Issues => _issues;

    public ElementNode? ParseDocument(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = Math.Max(ReaderMaxDepth, (_options.MaxDepth * 2) + 16),
        });
        try
        {
            if (!reader.Read())
            {
                Report(JsonIssueCodes.InvalidJson, IssueSeverity.Fatal, IssueType.Structure, "The input is empty; a FHIR resource (a JSON object) was expected.", null, new SourcePosition(1, 1));
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report(JsonIssueCodes.ObjectExpected, IssueSeverity.Fatal, IssueType.Structure, $"A FHIR resource must be a JSON object, not {Describe(reader.TokenType)}.", null, Position(reader.TokenStartIndex));
                return null;
            }

            var root = ReadResource(ref reader, null, null, 0);
            while (reader.Read())
            {
                // Utf8JsonReader rejects content after the root value; the loop only drains whitespace.
            }

            return root;
        }
        catch (JsonException ex)
        {
            var position = new SourcePosition((int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
            Report(JsonIssueCodes.InvalidJson, IssueSeverity.Fatal, IssueType.Structure, "The input is not valid JSON: " + SafeJsonMessage(ex), null, position);
            return null;
        }
        catch (InvalidOperationException)
        {
            Report(JsonIssueCodes.InvalidJson, IssueSeverity.Fatal, IssueType.Structure, "The input is not valid UTF-8 JSON.", null, null);
            return null;
        }
    }

    /// <summary>Reads a resource object (the reader is on its StartObject) and attaches it to <paramref name="parent"/>.</summary>
    private ElementNode? ReadResource(ref Utf8JsonReader reader, ElementNode? parent, ChildDefinition? definition, int depth)
    {
        var start = reader.TokenStartIndex;
        var resourceType = ProbeResourceType(reader, out var resourceTypeIsString);
        var expectedLocation = parent is null ? null : ExpectedLocation(parent, definition!);
        if (resourceType is null)
        {
            Report(JsonIssueCodes.MissingResourceType, parent is null ? IssueSeverity.Fatal : IssueSeverity.Error, IssueType.Required,
                resourceTypeIsString ? "A resource must have a resourceType property." : "resourceType must be a JSON string.",
                expectedLocation, Position(start));
            reader.Skip();
            return null;
        }

        var type = _model.FindType(resourceType);
        if (type is not { IsResource: true } || type.IsAbstract)
        {
            Report(JsonIssueCodes.UnknownResourceType, parent is null ? IssueSeverity.Fatal : IssueSeverity.Error, IssueType.Structure,
                $"'{resourceType}' is not a known FHIR R4 resource type.", expectedLocation, Position(start));
            reader.Skip();
            return null;
        }

        var node = new ElementNode(definition?.Name ?? resourceType, resourceType, type, definition);
        if (_options.TrackPositions)
        {
            node.Position = Position(start);
        }

        parent?.AddChild(node);
        ReadObjectContent(ref reader, node, type, depth, isResource: true);
        return node;
    }

    /// <summary>Reads the properties of an object (the reader is on its StartObject) into <paramref name="node"/>.</summary>
    private void ReadObjectContent(ref Utf8JsonReader reader, ElementNode node, TypeDefinition type, int depth, bool isResource)
    {
        var map = JsonPropertyMap.For(type);
        Span<ulong> seen = stackalloc ulong[(map.Count + 63) / 64];
        var sawResourceType = false;
        var hasPlaceholders = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var propertyStart = reader.TokenStartIndex;
            var target = FindTarget(ref reader, map, out var unknownName);
            reader.Read();
            if (target is null)
            {
                var name = unknownName!;
                if (name == ResourceTypeProperty && isResource)
                {
                    if (sawResourceType)
                    {
                        Report(JsonIssueCodes.DuplicateProperty, IssueSeverity.Error, IssueType.Structure, "Property 'resourceType' appears more than once.", node.Location, Position(propertyStart));
                    }

                    sawResourceType = true;
                    reader.Skip();
                    continue;
                }

                if (name == ResourceTypeProperty)
                {
                    Report(JsonIssueCodes.ResourceTypeNotAllowed, Downgradable(), IssueType.Structure,
                        $"{node.InstanceType} is not a resource; it must not have a resourceType property.", node.Location, Position(propertyStart));
                }
                else
                {
                    ReportUnknown(node, name, propertyStart);
                }

                reader.Skip();
                continue;
            }

            var word = target.Index >> 6;
            var bit = 1UL << (target.Index & 63);
            if ((seen[word] & bit) != 0)
            {
                Report(JsonIssueCodes.DuplicateProperty, IssueSeverity.Error, IssueType.Structure,
                    $"Property '{target.SerializedName}' appears more than once; only the first is read.", ChildLocation(node, target.Child.Name), Position(propertyStart));
                reader.Skip();
                continue;
            }

            seen[word] |= bit;
            if (target.Child.IsChoice && HasOtherChoice(node, target))
            {
                Report(JsonIssueCodes.MultipleChoiceTypes, IssueSeverity.Error, IssueType.Structure,
                    $"Choice element '{target.Child.Name}[x]' has more than one type; '{target.SerializedName}' is ignored.", ChildLocation(node, target.Child.Name), Position(propertyStart));
                reader.Skip();
                continue;
            }

            var partnerSeen = false;
            if (target.Partner is { } partner)
            {
                partnerSeen = (seen[partner.Index >> 6] & (1UL << (partner.Index & 63))) != 0;
            }

            hasPlaceholders |= ReadProperty(ref reader, node, target, depth, partnerSeen, propertyStart);
        }

        if (hasPlaceholders)
        {
            RemovePlaceholders(node);
        }
    }

    /// <summary>Reads one property's value (single or array). Returns whether placeholder nodes were created.</summary>
    private bool ReadProperty(ref Utf8JsonReader reader, ElementNode node, JsonPropertyTarget target, int depth, bool partnerSeen, long propertyStart)
    {
        var child = target.Child;
        List<ElementNode>? existing = null;
        if (partnerSeen)
        {
            existing = [];
            foreach (var sibling in node.ChildrenNamed(child.Name))
            {
                existing.Add(sibling);
            }
        }

        var placeholders = false;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var index = 0;
            var arrayStart = reader.TokenStartIndex;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var match = existing is not null && index < existing.Count ? existing[index] : null;
                placeholders |= ReadItem(ref reader, node, target, depth, match, inArray: true);
                index++;
            }

            if (!child.IsCollection && index > 0)
            {
                // One item in an array can be read as the single value it stands for; several cannot.
                Report(JsonIssueCodes.ArrayNotExpected, index == 1 ? Downgradable() : IssueSeverity.Error, IssueType.Structure,
                    $"'{target.SerializedName}' is not a repeating element; it must not be an array.", ChildLocation(node, child.Name), Position(propertyStart));
            }

            if (index == 0)
            {
                Report(JsonIssueCodes.EmptyArray, Downgradable(), IssueType.Structure,
                    $"'{target.SerializedName}' is an empty array; omit the property instead.", ChildLocation(node, child.Name), Position(arrayStart));
            }
            else if (existing is not null && existing.Count != index)
            {
                Report(JsonIssueCodes.ArrayLengthMismatch, IssueSeverity.Error, IssueType.Structure,
                    $"'{target.Child.Name}' and '_{target.Child.Name}' arrays have different lengths ({(target.IsExtensionPart ? existing.Count : index)} and {(target.IsExtensionPart ? index : existing.Count)}).",
                    ChildLocation(node, child.Name), Position(propertyStart));
            }

            return placeholders;
        }

        if (child.IsCollection)
        {
            Report(JsonIssueCodes.ArrayExpected, Downgradable(), IssueType.Structure,
                $"'{target.SerializedName}' is a repeating element; its value must be an array.", ChildLocation(node, child.Name), Position(propertyStart));
            if (existing is { Count: > 1 })
            {
                Report(JsonIssueCodes.ArrayLengthMismatch, IssueSeverity.Error, IssueType.Structure,
                    $"'{target.Child.Name}' and '_{target.Child.Name}' have different numbers of values.", ChildLocation(node, child.Name), Position(propertyStart));
            }
        }

        var single = existing is { Count: > 0 } ? existing[0] : null;
        return ReadItem(ref reader, node, target, depth, single, inArray: false);
    }

    /// <summary>Reads one value (the reader is on it). Returns whether a placeholder (a null aligning arrays) was created.</summary>
    private bool ReadItem(ref Utf8JsonReader reader, ElementNode parent, JsonPropertyTarget target, int depth, ElementNode? existing, bool inArray)
    {
        var start = reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (inArray && target.IsPrimitive)
            {
                if (existing is null)
                {
                    AddNode(parent, target, start);
                    return true;
                }

                return false;
            }

            Report(JsonIssueCodes.UnexpectedNull, Downgradable(), IssueType.Structure,
                $"'{target.SerializedName}' is null; null is only allowed inside a primitive array, to align it with its '_' array.", ExpectedLocation(parent, target.Child), Position(start));
            return false;
        }

        if (target.IsExtensionPart)
        {
            ReadExtensionPart(ref reader, parent, target, depth, existing, start);
            return false;
        }

        if (target.IsPrimitive)
        {
            ReadPrimitiveValue(ref reader, parent, target, existing, start);
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Report(JsonIssueCodes.ObjectExpected, IssueSeverity.Error, IssueType.Structure,
                $"'{target.SerializedName}' must be a JSON object, not {Describe(reader.TokenType)}.", ExpectedLocation(parent, target.Child), Position(start));
            reader.Skip();
            return false;
        }

        if (depth + 1 > _options.MaxDepth)
        {
            Report(JsonIssueCodes.TooDeep, IssueSeverity.Error, IssueType.TooCostly,
                $"Content nested deeper than {_options.MaxDepth} levels is not read.", ExpectedLocation(parent, target.Child), Position(start));
            reader.Skip();
            return false;
        }

        if (target.Child.IsResourceContainer)
        {
            ReadResource(ref reader, parent, target.Child, depth + 1);
            return false;
        }

        var type = target.ResolveType(_model);
        if (type is null)
        {
            Report(JsonIssueCodes.UnknownProperty, IssueSeverity.Error, IssueType.NotSupported,
                $"The type '{target.TypeCode}' of '{target.SerializedName}' is not known to the model.", ExpectedLocation(parent, target.Child), Position(start));
            reader.Skip();
            return false;
        }

        var node = new ElementNode(target.Child.Name, target.TypeCode, type, target.Child);
        if (_options.TrackPositions)
        {
            node.Position = Position(start);
        }

        parent.AddChild(node);
        ReadObjectContent(ref reader, node, type, depth + 1, isResource: false);
        if (node.Children.Count == 0)
        {
            Report(JsonIssueCodes.EmptyObject, Downgradable(), IssueType.Structure,
                $"'{target.SerializedName}' is an empty object; an element must have a value or children.", node.Location, Position(start));
            parent.RemoveChild(node);
        }

        return false;
    }

    private void ReadExtensionPart(ref Utf8JsonReader reader, ElementNode parent, JsonPropertyTarget target, int depth, ElementNode? existing, long start)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Report(JsonIssueCodes.ObjectExpected, IssueSeverity.Error, IssueType.Structure,
                $"'{target.SerializedName}' must be a JSON object holding id and/or extension, not {Describe(reader.TokenType)}.", ExpectedLocation(parent, target.Child), Position(start));
            reader.Skip();
            return;
        }

        var node = existing ?? AddNode(parent, target, start);
        var type = node.Type ?? target.ResolveType(_model);
        if (type is null || depth + 1 > _options.MaxDepth)
        {
            reader.Skip();
            return;
        }

        var before = node.Children.Count;
        ReadObjectContent(ref reader, node, type, depth + 1, isResource: false);
        if (node.Children.Count == before)
        {
            Report(JsonIssueCodes.EmptyObject, Downgradable(), IssueType.Structure,
                $"'{target.SerializedName}' is an empty object; omit it or give an id or extension.", node.Location, Position(start));
        }
    }

    private void ReadPrimitiveValue(ref Utf8JsonReader reader, ElementNode parent, JsonPropertyTarget target, ElementNode? existing, long start)
    {
        var type = target.ResolveType(_model);
        var systemType = type?.PrimitiveType ?? PrimitiveSystemType.String;
        string? text = null;
        var kindOk = systemType switch
        {
            PrimitiveSystemType.Boolean => reader.TokenType is JsonTokenType.True or JsonTokenType.False,
            PrimitiveSystemType.Integer or PrimitiveSystemType.Decimal => reader.TokenType == JsonTokenType.Number,
            _ => reader.TokenType == JsonTokenType.String,
        };
        if (!kindOk)
        {
            var expected = systemType switch
            {
                PrimitiveSystemType.Boolean => "a JSON boolean (true or false)",
                PrimitiveSystemType.Integer or PrimitiveSystemType.Decimal => "a JSON number",
                _ => "a JSON string",
            };
            Report(JsonIssueCodes.WrongPrimitiveKind, IssueSeverity.Error, IssueType.Structure,
                $"'{target.SerializedName}' is a {target.TypeCode} and must be {expected}, not {Describe(reader.TokenType)}.", ExpectedLocation(parent, target.Child), Position(start));
            reader.Skip();
            return;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                text = "true";
                break;
            case JsonTokenType.False:
                text = "false";
                break;
            case JsonTokenType.Number:
                text = Encoding.UTF8.GetString(reader.ValueSpan);
                break;
            default:
                text = reader.GetString()!;
                break;
        }

        var node = existing ?? AddNode(parent, target, start);
        node.Text = text;
        if (text.Length == 0)
        {
            Report(JsonIssueCodes.EmptyString, Downgradable(), IssueType.Value,
                $"'{target.SerializedName}' is an empty string; a primitive must have a value or be omitted.", node.Location, Position(start));
            node.Text = null;
            if (node.Children.Count == 0 && existing is null)
            {
                parent.RemoveChild(node);
            }

            return;
        }

        if (text.Length > FhirPrimitives.MaxStringLength)
        {
            Report(JsonIssueCodes.StringTooLong, IssueSeverity.Error, IssueType.TooLong,
                $"'{target.SerializedName}' is longer than {FhirPrimitives.MaxStringLength} characters.", node.Location, Position(start));
            return;
        }

        if (_options.ValidatePrimitives)
        {
            var lexicalType = target.Child.Name == IdElement && parent.IsResource ? IdType : target.TypeCode;
            var problem = FhirPrimitives.Validate(lexicalType, text);
            if (problem is not null)
            {
                Report(JsonIssueCodes.InvalidPrimitiveValue, IssueSeverity.Error, IssueType.Value,
                    $"'{target.SerializedName}' is not a valid {lexicalType}: {problem}.", node.Location, Position(start));
            }
        }
    }

    private ElementNode AddNode(ElementNode parent, JsonPropertyTarget target, long start)
    {
        var node = new ElementNode(target.Child.Name, target.TypeCode, target.ResolveType(_model), target.Child);
        if (_options.TrackPositions)
        {
            node.Position = Position(start);
        }

        return parent.AddChild(node);
    }

    /// <summary>Drops primitive nodes left with neither value nor children by nulls in aligned arrays.</summary>
    private void RemovePlaceholders(ElementNode node)
    {
        List<ElementNode>? empty = null;
        foreach (var child in node.Children)
        {
            if (child.IsPrimitive && child.Text is null && child.Children.Count == 0)
            {
                (empty ??= []).Add(child);
            }
        }

        if (empty is null)
        {
            return;
        }

        foreach (var child in empty)
        {
            Report(JsonIssueCodes.UnexpectedNull, Downgradable(), IssueType.Structure,
                $"'{child.Name}' has a null with no matching id or extension in '_{child.Name}'.", child.Location, child.Position);
        }

        foreach (var child in empty)
        {
            node.RemoveChild(child);
        }
    }

    private static bool HasOtherChoice(ElementNode node, JsonPropertyTarget target)
    {
        foreach (var sibling in node.Children)
        {
            if (ReferenceEquals(sibling.Definition, target.Child) && !string.Equals(sibling.InstanceType, target.TypeCode, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void ReportUnknown(ElementNode node, string name, long propertyStart)
    {
        if (name.Length > 1 && name[0] == '_')
        {
            Report(JsonIssueCodes.OrphanExtensionPart, Downgradable(), IssueType.Structure,
                $"'{name}' has no primitive element '{name[1..]}' in {node.InstanceType} to belong to.", node.Location + "." + name, Position(propertyStart));
            return;
        }

        Report(JsonIssueCodes.UnknownProperty, Downgradable(), IssueType.Structure,
            $"'{name}' is not an element of {node.InstanceType}.", node.Location + "." + name, Position(propertyStart));
    }

    /// <summary>Resolves the property name the reader is on, without allocating for known names.</summary>
    private static JsonPropertyTarget? FindTarget(ref Utf8JsonReader reader, JsonPropertyMap map, out string? unknownName)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= StackNameLength)
        {
            Span<char> chars = stackalloc char[StackNameLength];
            var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            var found = map.Find(chars[..length]);
            unknownName = found is null ? new string(chars[..length]) : null;
            return found;
        }

        var name = reader.GetString()!;
        var target = map.Find(name);
        unknownName = target is null ? name : null;
        return target;
    }

    /// <summary>Looks ahead (on a copy of the reader) for the object's resourceType.</summary>
    private static string? ProbeResourceType(Utf8JsonReader probe, out bool isString)
    {
        isString = true;
        var depth = probe.CurrentDepth;
        while (probe.Read())
        {
            if (probe.TokenType == JsonTokenType.EndObject && probe.CurrentDepth == depth)
            {
                return null;
            }

            if (probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals(ResourceTypeProperty))
            {
                probe.Read();
                if (probe.TokenType == JsonTokenType.String)
                {
                    return probe.GetString();
                }

                isString = false;
                return null;
            }

            probe.Read();
            probe.Skip();
        }

        return null;
    }

    private static string ExpectedLocation(ElementNode parent, ChildDefinition child)
    {
        if (!child.IsCollection)
        {
            return parent.Location + "." + child.Name;
        }

        var index = 0;
        foreach (var sibling in parent.ChildrenNamed(child.Name))
        {
            index = Math.Max(index, sibling.Index + 1);
        }

        return $"{parent.Location}.{child.Name}[{index}]";
    }

    private static string ChildLocation(ElementNode parent, string name) => parent.Location + "." + name;

    private IssueSeverity Downgradable() => _options.Lenient ? IssueSeverity.Warning : IssueSeverity.Error;

    private void Report(string code, IssueSeverity severity, IssueType type, string message, string? location, SourcePosition? position) =>
        _issues.Add(new Issue(code, severity, type, message, location, position));

    private SourcePosition Position(long offset)
    {
        // Offsets mostly arrive in increasing order: walk forward from the last line found, and
        // fall back to a binary search for the occasional earlier offset.
        var at = (int)offset;
        var index = _lineCursor;
        if (at < _lineStarts[index])
        {
            index = Array.BinarySearch(_lineStarts, at);
            if (index < 0)
            {
                index = ~index - 1;
            }
        }
        else
        {
            while (index + 1 < _lineStarts.Length && _lineStarts[index + 1] <= at)
            {
                index++;
            }
        }

        _lineCursor = index;
        return new SourcePosition(index + 1, at - _lineStarts[index] + 1);
    }

    private static int[] BuildLineStarts(ReadOnlySpan<byte> utf8Json)
    {
        var count = utf8Json.Count((byte)'\n');
        var starts = new int[count + 1];
        var line = 1;
        var offset = 0;
        while (line <= count)
        {
            var next = utf8Json[offset..].IndexOf((byte)'\n');
            offset += next + 1;
            starts[line++] = offset;
        }

        return starts;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>The reader's own message describes the syntax error without quoting data beyond a token.</summary>
    private static string SafeJsonMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
