namespace FhirFacade.Fhir.Validation.Snapshots;

/// <summary>
/// Parses ElementDefinition ids (<see href="https://hl7.org/fhir/R4/elementdefinition.html#id"/>):
/// dot-separated path segments, each optionally followed by <c>:sliceName</c>.
/// </summary>
internal static class ElementIds
{
    /// <summary>The id of the parent element (<c>Patient.identifier:nhsNumber.system</c> → <c>Patient.identifier:nhsNumber</c>).</summary>
    public static string? ParentOf(string id)
    {
        var dot = id.LastIndexOf('.');
        return dot < 0 ? null : id[..dot];
    }

    /// <summary>Splits an id into (element name, slice name) segments.</summary>
    public static List<(string Name, string? Slice)> Segments(string id)
    {
        var parts = id.Split('.');
        var list = new List<(string, string?)>(parts.Length);
        foreach (var part in parts)
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            list.Add(colon < 0 ? (part, null) : (part[..colon], part[(colon + 1)..]));
        }

        return list;
    }

    /// <summary>Builds an id from a path when a differential element has none (slices cannot be recovered).</summary>
    public static string FromPath(string path, string? sliceName) =>
        sliceName is null ? path : path + ":" + sliceName;
}
