using FhirFacade.Fhir.Model;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// <c>assert.minimumId</c>: the response holds at least everything in a fixture — each element of the
/// fixture has a counterpart with the same value (repeating elements: some item matches), ignoring the
/// fixture's own <c>id</c>, <c>meta</c> and <c>text</c>, which a server assigns.
/// </summary>
internal static class MinimumContent
{
    private static readonly HashSet<string> ServerAssigned = ["id", "meta", "text"];

    /// <summary>The location of the first fixture element the actual resource lacks, or <see langword="null"/> when it has them all.</summary>
    public static string? FirstMissing(ElementNode actual, ElementNode minimum)
    {
        if (actual.InstanceType != minimum.InstanceType)
        {
            return $"{minimum.Location} (the response is a {actual.InstanceType})";
        }

        foreach (var child in minimum.Children.Where(c => !ServerAssigned.Contains(c.Name)))
        {
            if (!actual.ChildrenNamed(child.Name).Any(candidate => Contains(candidate, child)))
            {
                return child.Location;
            }
        }

        return null;
    }

    private static bool Contains(ElementNode actual, ElementNode expected) =>
        (expected.Text is null || string.Equals(actual.Text, expected.Text, StringComparison.Ordinal))
        && expected.Children.All(child => actual.ChildrenNamed(child.Name).Any(candidate => Contains(candidate, child)));
}
