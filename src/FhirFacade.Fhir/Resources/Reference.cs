namespace FhirFacade.Fhir.Resources;

/// <summary>
/// Factories for references (<see href="https://hl7.org/fhir/R4/references.html"/>). The literal
/// reference element (<c>Reference.reference</c>) is the property <see cref="ReferenceValue"/>,
/// since a C# member cannot share its class's name.
/// </summary>
public sealed partial class Reference
{
    /// <summary>A relative literal reference, <c>Patient/123</c>.</summary>
    public static Reference To(string resourceType, string id, string? display = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new Reference { ReferenceValue = resourceType + "/" + id, Display = display };
    }

    /// <summary>A relative literal reference to a resource that has an id.</summary>
    /// <exception cref="ArgumentException">When the resource has no id.</exception>
    public static Reference To(Resource resource, string? display = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (string.IsNullOrEmpty(resource.Id))
        {
            throw new ArgumentException($"The {resource.TypeName} has no id to reference.", nameof(resource));
        }

        return To(resource.TypeName, resource.Id, display);
    }

    /// <summary>A reference to a contained resource, <c>#id</c> (the resource must be in the referrer's <c>contained</c>).</summary>
    /// <exception cref="ArgumentException">When the resource has no id.</exception>
    public static Reference ToContained(Resource contained, string? display = null)
    {
        ArgumentNullException.ThrowIfNull(contained);
        if (string.IsNullOrEmpty(contained.Id))
        {
            throw new ArgumentException($"The contained {contained.TypeName} needs an id.", nameof(contained));
        }

        return new Reference { ReferenceValue = "#" + contained.Id, Display = display };
    }

    /// <summary>An absolute reference, e.g. a Bundle entry's <c>fullUrl</c> (<c>urn:uuid:…</c>).</summary>
    public static Reference ToUrl(string url, string? display = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return new Reference { ReferenceValue = url, Display = display };
    }

    /// <summary>A logical reference by business identifier (e.g. an ODS code), with the target type.</summary>
    public static Reference ToIdentifier(string resourceType, string system, string value, string? display = null) =>
        new() { Type = resourceType, Identifier = new Identifier(system, value), Display = display };
}
