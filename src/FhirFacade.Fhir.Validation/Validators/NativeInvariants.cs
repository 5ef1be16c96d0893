using System.Text.RegularExpressions;
using System.Xml;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// Structural implementations of the core invariants that run on (nearly) every element, so the hot
/// path does not go through FHIRPath for them. Each gives exactly the result of its R4 expression;
/// they are used only when the constraint's expression is the core one, character for character.
/// </summary>
internal static partial class NativeInvariants
{
    /// <summary>ele-1: <c>hasValue() or (children().count() &gt; id.count())</c>.</summary>
    public const string Ele1 = "hasValue() or (children().count() > id.count())";

    /// <summary>ext-1: <c>extension.exists() != value.exists()</c>.</summary>
    public const string Ext1 = "extension.exists() != value.exists()";

    /// <summary>dom-2: <c>contained.contained.empty()</c>.</summary>
    public const string Dom2 = "contained.contained.empty()";

    /// <summary>dom-4: <c>contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()</c>.</summary>
    public const string Dom4 = "contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()";

    /// <summary>dom-5: <c>contained.meta.security.empty()</c>.</summary>
    public const string Dom5 = "contained.meta.security.empty()";

    /// <summary>dom-6: <c>text.`div`.exists()</c>.</summary>
    public const string Dom6 = "text.`div`.exists()";

    /// <summary>dom-3 (R4): every contained resource is referenced from elsewhere in the resource, or refers to its container.</summary>
    public const string Dom3 =
        "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) | %resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = '#').exists() or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = '#').exists()).not()).trace('unmatched', id).empty()";

    /// <summary>The expression R4 gives both txt-1 and txt-2; <c>htmlChecks()</c> answers txt-1's question only.</summary>
    public const string HtmlChecks = "htmlChecks()";

    /// <summary>
    /// Invariants whose R4 expression does not say what their key means: txt-2 ("the narrative SHALL have
    /// some non-whitespace content", <see href="https://hl7.org/fhir/R4/narrative.html#Narrative"/>) is written
    /// as <c>htmlChecks()</c>, the same expression as txt-1 (safe XHTML). Keyed by constraint key and expression.
    /// </summary>
    public static Func<ElementNode, bool>? FindByKey(string key, string expression) =>
        key == "txt-2" && expression == HtmlChecks ? HasNonWhitespaceContent : null;

    /// <summary>The structural predicate for a core expression, or <see langword="null"/> when there is none.</summary>
    public static Func<ElementNode, bool>? Find(string expression) => expression switch
    {
        Ele1 => HasValueOrChildren,
        Ext1 => ExtensionXorValue,
        Dom2 => NoNestedContained,
        Dom3 => ContainedAreReferenced,
        Dom4 => ContainedHaveNoVersionOrLastUpdated,
        Dom5 => ContainedHaveNoSecurity,
        Dom6 => HasNarrativeDiv,
        _ => FindByShape(expression),
    };

    // Shapes common in core data types, decided structurally: "a.empty() or b.exists()" (tim-1, tim-2,
    // tim-6..8, cpt-2), "a.exists() implies a >= 0" (tim-4, tim-5) and "a.exists() or b.exists() or …" (pat-1).
    private static Func<ElementNode, bool>? FindByShape(string expression)
    {
        if (EmptyOrExists().Match(expression) is { Success: true } emptyOrExists)
        {
            var absent = emptyOrExists.Groups[1].Value;
            var present = emptyOrExists.Groups[2].Value;
            return node => node.Child(absent) is null || node.Child(present) is not null;
        }

        if (ExistsImpliesNonNegative().Match(expression) is { Success: true } nonNegative && nonNegative.Groups[1].Value == nonNegative.Groups[2].Value)
        {
            // tim-4, tim-5: an absent value, or one without a number (extensions only), leaves the implication true or empty.
            var name = nonNegative.Groups[1].Value;
            return node => node.Child(name)?.Text is not { } text
                || !decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                || value >= 0;
        }

        if (AnyExists().IsMatch(expression))
        {
            var names = expression.Split(" or ").Select(part => part[..part.IndexOf('.', StringComparison.Ordinal)]).ToArray();
            return node => names.Any(name => node.Child(name) is not null);
        }

        return null;
    }

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]*)\.empty\(\) or ([a-zA-Z][a-zA-Z0-9]*)\.exists\(\)$", RegexOptions.CultureInvariant)]
    private static partial Regex EmptyOrExists();

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]*)\.exists\(\) implies ([a-zA-Z][a-zA-Z0-9]*) >= 0$", RegexOptions.CultureInvariant)]
    private static partial Regex ExistsImpliesNonNegative();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9]*\.exists\(\)( or [a-zA-Z][a-zA-Z0-9]*\.exists\(\))+$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyExists();

    private static bool HasValueOrChildren(ElementNode node)
    {
        if (node.Text is not null)
        {
            return true;
        }

        foreach (var child in node.Children)
        {
            if (child.Name != "id")
            {
                return true;
            }
        }

        return false;
    }

    private static bool ExtensionXorValue(ElementNode node) => (node.Child("extension") is not null) != (node.Child("value") is not null);

    private static bool NoNestedContained(ElementNode node)
    {
        foreach (var contained in node.ChildrenNamed("contained"))
        {
            if (contained.Child("contained") is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainedHaveNoVersionOrLastUpdated(ElementNode node)
    {
        foreach (var contained in node.ChildrenNamed("contained"))
        {
            var meta = contained.Child("meta");
            if (meta is not null && (meta.Child("versionId") is not null || meta.Child("lastUpdated") is not null))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainedHaveNoSecurity(ElementNode node)
    {
        foreach (var contained in node.ChildrenNamed("contained"))
        {
            if (contained.Child("meta")?.Child("security") is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasNarrativeDiv(ElementNode node) => node.Child("text")?.Child("div") is not null;

    private static bool ContainedAreReferenced(ElementNode node)
    {
        foreach (var contained in node.ChildrenNamed("contained"))
        {
            var id = contained.Child("id")?.Text;
            if (id is null || !IsReferenced(node, id, contained))
            {
                return false;
            }
        }

        return true;
    }

    // '#'+id among the resource's references/canonicals/uris, or the contained resource refers back to its container ('#').
    private static bool IsReferenced(ElementNode resource, string id, ElementNode contained)
    {
        foreach (var descendant in resource.Descendants())
        {
            if (descendant.Text is { Length: > 1 } text
                && text[0] == '#'
                && text.Length == id.Length + 1
                && text.AsSpan(1).SequenceEqual(id)
                && IsReferenceLike(descendant))
            {
                return true;
            }
        }

        foreach (var descendant in contained.Descendants())
        {
            if (descendant.Text == "#" && IsReferenceLike(descendant))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReferenceLike(ElementNode node) =>
        node.Name == "reference" || node.InstanceType is "canonical" or "uri" or "url";

    private static readonly XmlReaderSettings XhtmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 10_000_000 };

    // txt-2: some text that is not whitespace, or an image (which carries content without text). A div that
    // is not well-formed XML is txt-1's failure, not txt-2's.
    private static bool HasNonWhitespaceContent(ElementNode div)
    {
        if (div.Text is not { } xhtml)
        {
            return true;
        }

        try
        {
            using var reader = XmlReader.Create(new StringReader(xhtml), XhtmlSettings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Text or XmlNodeType.CDATA when !string.IsNullOrWhiteSpace(reader.Value):
                    case XmlNodeType.EntityReference:
                    case XmlNodeType.Element when reader.LocalName == "img":
                        return true;
                }
            }

            return false;
        }
        catch (XmlException)
        {
            return true;
        }
    }
}
