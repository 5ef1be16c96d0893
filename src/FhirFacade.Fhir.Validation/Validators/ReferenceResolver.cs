using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// Resolves a <c>Reference</c> inside the instance being validated: <c>#id</c> to a contained
/// resource, otherwise to a Bundle entry by <c>fullUrl</c> or <c>Type/id</c>
/// (<see href="https://hl7.org/fhir/R4/references.html#contained"/>,
/// <see href="https://hl7.org/fhir/R4/bundle.html#references"/>).
/// </summary>
internal static class ReferenceResolver
{
    /// <summary>The resolved target resource, or <see langword="null"/> when it is not inside this instance.</summary>
    public static ElementNode? Resolve(ElementNode reference)
    {
        var text = reference.Child("reference")?.Text;
        return text is null ? null : Resolve(reference, text);
    }

    public static ElementNode? Resolve(ElementNode from, string reference)
    {
        if (reference.StartsWith('#'))
        {
            if (reference.Length == 1)
            {
                // "#" is the resource that contains this one.
                var resource = from.Resource;
                return resource?.Name == "contained" ? resource.Parent?.Resource : null;
            }

            var container = ContainerOf(from);
            if (container is null)
            {
                return null;
            }

            var id = reference.AsSpan(1);
            foreach (var contained in container.ChildrenNamed("contained"))
            {
                if (id.SequenceEqual(contained.Child("id")?.Text))
                {
                    return contained;
                }
            }

            return null;
        }

        for (var node = from.Parent; node is not null; node = node.Parent)
        {
            if (node.InstanceType == "Bundle")
            {
                var found = FindInBundle(node, reference);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>The resource type a literal reference names (<c>Patient/123</c>, <c>https://x/fhir/Patient/123</c>), or <see langword="null"/>.</summary>
    public static string? TypeOf(string reference)
    {
        if (reference.StartsWith('#') || reference.StartsWith("urn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = reference.Split('/');
        var historyOffset = parts.Length >= 4 && parts[^2] == "_history" ? 2 : 0;
        var typeIndex = parts.Length - 2 - historyOffset;
        if (typeIndex < 0)
        {
            return null;
        }

        var type = parts[typeIndex];
        return type.Length > 0 && char.IsUpper(type[0]) && type.All(char.IsAsciiLetter) ? type : null;
    }

    // The resource whose contained list "#id" refers to: the enclosing resource, or the container of a contained resource.
    private static ElementNode? ContainerOf(ElementNode node)
    {
        var resource = node.Resource;
        while (resource is not null && resource.Name == "contained" && resource.Parent is not null)
        {
            resource = resource.Parent.Resource;
        }

        return resource;
    }

    private static ElementNode? FindInBundle(ElementNode bundle, string reference)
    {
        foreach (var entry in bundle.ChildrenNamed("entry"))
        {
            var resource = entry.Child("resource");
            if (resource is null)
            {
                continue;
            }

            var fullUrl = entry.Child("fullUrl")?.Text;
            if (fullUrl is not null
                && (string.Equals(fullUrl, reference, StringComparison.Ordinal)
                    || (fullUrl.EndsWith(reference, StringComparison.Ordinal) && fullUrl.Length > reference.Length && fullUrl[^(reference.Length + 1)] == '/')))
            {
                return resource;
            }

            var id = resource.Child("id")?.Text;
            if (id is not null
                && reference.Length == resource.InstanceType.Length + 1 + id.Length
                && reference.StartsWith(resource.InstanceType, StringComparison.Ordinal)
                && reference[resource.InstanceType.Length] == '/'
                && reference.EndsWith(id, StringComparison.Ordinal))
            {
                return resource;
            }
        }

        return null;
    }
}
