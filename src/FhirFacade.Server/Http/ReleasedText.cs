using FhirFacade.Core.Gateway;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Xml;

namespace FhirFacade.Server.Http;

/// <summary>
/// The rule for text the facade releases (docs/api.md "Text FHIR cannot carry"): a character no FHIR
/// string may hold — control characters other than TAB, CR and LF, unpaired surrogates, U+FFFE and
/// U+FFFF (<see cref="XmlCharacters"/>) — is replaced with U+FFFD before anything is written, in JSON
/// as in XML, so that both formats carry the same text and neither can fail on it. Supplier text that
/// needed it is named in a warning (<see cref="SupplierTextIssues"/>); the caller's own text echoed in
/// an OperationOutcome is simply cleaned.
/// </summary>
public static class ReleasedText
{
    /// <summary>The issue code of the warning naming a source whose text was changed.</summary>
    public const string ReplacedCode = "TEXT-REPLACED";

    /// <summary>Replaces, in place, every character FHIR strings cannot hold; returns how many values changed.</summary>
    public static int Repair(ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var changed = 0;
        if (node.Text is { } text && XmlCharacters.IndexOfInvalid(text) >= 0)
        {
            node.Text = XmlCharacters.Replace(text);
            changed++;
        }

        // Indexed, not foreach: this runs over every node of every answer, and the interface enumerator would allocate per node.
        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            changed += Repair(children[i]);
        }

        return changed;
    }

    /// <summary>
    /// Repairs the resources a supplier sent and returns one warning per source (supplier and
    /// organisation) whose text had to change, for the answer's OperationOutcome.
    /// </summary>
    public static IReadOnlyList<Issue> SupplierTextIssues(IEnumerable<GatewayResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var sources = new SortedSet<(string Supplier, string Organisation)>();
        foreach (var resource in resources)
        {
            if (Repair(resource.Resource) > 0)
            {
                sources.Add((resource.Supplier, resource.Organisation));
            }
        }

        return [.. sources.Select(s => Warning(s.Supplier, s.Organisation))];
    }

    /// <summary>The warning for one source whose text was changed.</summary>
    public static Issue Warning(string supplier, string organisation) => new(
        ReplacedCode,
        IssueSeverity.Warning,
        IssueType.Processing,
        $"Text from {supplier} at {organisation} held characters a FHIR string cannot carry (control characters or broken Unicode); each was replaced with U+FFFD (\uFFFD). The rest of the record is as the supplier sent it.");
}
