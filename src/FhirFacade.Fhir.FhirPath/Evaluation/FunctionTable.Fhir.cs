using System.Xml;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>The FHIR R4 additions to FHIRPath (<see href="https://hl7.org/fhir/R4/fhirpath.html#functions"/>).</summary>
internal static partial class FunctionTable
{
    private static readonly XmlReaderSettings XhtmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    private static void RegisterFhir(Dictionary<string, FunctionDefinition> functions)
    {
        Add(functions, "extension", 1, 1, Extension);
        Add(functions, "hasValue", 0, 0, (input, _, _) =>
            Items.Of(input.Count == 1 && input[0].Node is { PrimitiveType: not PrimitiveSystemType.None, Text: not null }));
        Add(functions, "getValue", 0, 0, (input, _, _) =>
            input.Count == 1 && input[0].Node is { PrimitiveType: not PrimitiveSystemType.None, Text: not null } node
                ? Items.OfValue(FhirPathItem.ValueOf(node))
                : Items.Empty);
        Add(functions, "resolve", 0, 0, Resolve);
        Add(functions, "conformsTo", 1, 1, (input, args, scope) =>
        {
            var url = StringArgument(args, 0, scope, "conformsTo");
            var node = SingleInput(input, "conformsTo")?.Node;
            if (url is null || node is null || scope.Context.ProfileChecker is not { } checker)
            {
                return Items.Empty;
            }

            return Items.Of(checker.ConformsTo(node, url));
        });
        Add(functions, "memberOf", 1, 1, (input, args, scope) =>
        {
            var url = StringArgument(args, 0, scope, "memberOf");
            var item = SingleInput(input, "memberOf");
            if (url is null || item is null || scope.Context.Terminology is not { } terminology)
            {
                return Items.Empty;
            }

            return Items.Of(terminology.MemberOf(item.Value, url));
        });
        Add(functions, "htmlChecks", 0, 0, (input, _, _) =>
        {
            var node = SingleInput(input, "htmlChecks")?.Node;
            return node?.Text is null ? Items.Empty : Items.Of(IsSafeXhtml(node.Text));
        });
    }

    private static IReadOnlyList<FhirPathItem> Extension(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        var url = StringArgument(arguments, 0, scope, "extension");
        if (url is null || input.Count == 0)
        {
            return Items.Empty;
        }

        List<FhirPathItem>? result = null;
        foreach (var item in input)
        {
            if (item.Node is not { } node)
            {
                continue;
            }

            foreach (var extension in node.ChildrenNamed("extension"))
            {
                if (extension.Child("url")?.Text == url)
                {
                    (result ??= []).Add(FhirPathItem.FromNode(extension));
                }
            }
        }

        return result is null ? Items.Empty : result;
    }

    private static IReadOnlyList<FhirPathItem> Resolve(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        List<FhirPathItem>? result = null;
        foreach (var item in input)
        {
            string? reference;
            ElementNode? origin = item.Node;
            if (origin is not null && origin.PrimitiveType == PrimitiveSystemType.None)
            {
                reference = origin.Child("reference")?.Text;
            }
            else
            {
                reference = item.Value as string;
            }

            if (string.IsNullOrEmpty(reference))
            {
                continue;
            }

            var target = ResolveReference(reference, origin ?? scope.Resource, scope);
            if (target is not null)
            {
                (result ??= []).Add(FhirPathItem.FromNode(target));
            }
        }

        return result is null ? Items.Empty : result;
    }

    private static ElementNode? ResolveReference(string reference, ElementNode? origin, EvaluationScope scope)
    {
        var resource = origin?.Resource ?? scope.Resource;
        if (reference.StartsWith('#'))
        {
            var container = resource;
            if (container is { Name: "contained" } && container.Parent?.Resource is { } parent)
            {
                container = parent;
            }

            if (container is null)
            {
                return null;
            }

            if (reference.Length == 1)
            {
                return container;
            }

            var id = reference[1..];
            foreach (var contained in container.ChildrenNamed("contained"))
            {
                if (contained.Child("id")?.Text == id)
                {
                    return contained;
                }
            }

            return null;
        }

        for (var node = origin ?? resource; node is not null; node = node.Parent)
        {
            if (node.IsResource && node.InstanceType == "Bundle" || node.InstanceType == "Bundle" && node.Parent is null)
            {
                if (FindInBundle(node, reference) is { } found)
                {
                    return found;
                }
            }
        }

        return scope.Context.ReferenceResolver?.Invoke(reference);
    }

    private static ElementNode? FindInBundle(ElementNode bundle, string reference)
    {
        var (type, id) = TypeAndId(reference);
        foreach (var entry in bundle.ChildrenNamed("entry"))
        {
            var resource = entry.Child("resource");
            if (resource is null)
            {
                continue;
            }

            if (entry.Child("fullUrl")?.Text == reference)
            {
                return resource;
            }

            if (type is not null && resource.InstanceType == type && resource.Child("id")?.Text == id)
            {
                return resource;
            }
        }

        return null;
    }

    private static (string? Type, string? Id) TypeAndId(string reference)
    {
        var path = reference;
        var history = path.IndexOf("/_history/", StringComparison.Ordinal);
        if (history >= 0)
        {
            path = path[..history];
        }

        var parts = path.Split('/');
        return parts.Length >= 2 && parts[^2].Length > 0 && char.IsAsciiLetterUpper(parts[^2][0]) ? (parts[^2], parts[^1]) : (null, null);
    }

    private static bool IsSafeXhtml(string xhtml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), XhtmlSettings);
            var first = true;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (first && (reader.LocalName != "div" || reader.NamespaceURI != FhirPathConstants.XhtmlNamespace))
                {
                    return false;
                }

                first = false;
                if (reader.LocalName is "script" or "object" or "applet" or "embed" or "form" or "base" or "link" or "meta" or "iframe")
                {
                    return false;
                }

                if (reader.HasAttributes)
                {
                    while (reader.MoveToNextAttribute())
                    {
                        if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                        {
                            return false;
                        }
                    }
                }
            }

            return !first;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
