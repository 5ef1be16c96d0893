using FhirFacade.Fhir.Issues;

namespace FhirFacade.Fhir.Model;

/// <summary>
/// What a FHIR reader (JSON or XML) produced: the element tree, when one could be built, and every
/// problem found on the way. Readers never throw for bad data; they report it here.
/// </summary>
public sealed class FhirParseResult
{
    /// <summary>Creates a result.</summary>
    public FhirParseResult(ElementNode? root, IReadOnlyList<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        Root = root;
        Issues = issues;
        var hasErrors = false;
        foreach (var issue in issues)
        {
            hasErrors |= issue.IsError;
        }

        HasErrors = hasErrors;
    }

    /// <summary>
    /// The resource read, with every node typed; <see langword="null"/> when the input was not a
    /// readable resource at all (invalid JSON syntax, no or unknown <c>resourceType</c>). Present,
    /// possibly incomplete, when only some elements were bad.
    /// </summary>
    public ElementNode? Root { get; }

    /// <summary>The problems found, in document order.</summary>
    public IReadOnlyList<Issue> Issues { get; }

    /// <summary><see langword="true"/> when any issue is an error or fatal.</summary>
    public bool HasErrors { get; }
}
