using System.Collections.Frozen;
using System.Text;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Definitions;
using FhirFacade.Fhir.Validation.Schema;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// Where an extension may be used (<see href="https://hl7.org/fhir/R4/defining-extensions.html#context"/>):
/// the element it sits on (its host) must match one of the definition's <c>context</c>s, and every
/// <c>contextInvariant</c> must hold on the host with <c>%extension</c> bound to the extension.
/// Context types: <c>element</c> (a path such as <c>AllergyIntolerance.clinicalStatus</c>, a type such as
/// <c>CodeableConcept</c> or <c>Element</c>, matched against the host's path, its type and the type's
/// ancestors), <c>extension</c> (the host is an extension with that URL) and <c>fhirpath</c> (the
/// expression, evaluated on the resource, selects the host). Runs at the root of every compiled extension
/// definition, so it applies wherever the extension is met: by URL or through a profile's slice.
/// </summary>
internal sealed class ExtensionContextValidator : IElementValidator
{
    private const string ElementType = "Element";
    private const string BackboneElementType = "BackboneElement";
    private const string ResourceType = "Resource";

    private readonly string _url;
    private readonly FrozenSet<string> _elements;
    private readonly string[] _extensions;
    private readonly Func<ElementNode, bool>[] _selections;
    private readonly bool _anyHost;
    private readonly (string Expression, Func<ElementNode, ElementNode, bool> Holds)[] _invariants;
    private readonly string _allowed;

    private ExtensionContextValidator(
        string url,
        FrozenSet<string> elements,
        string[] extensions,
        Func<ElementNode, bool>[] selections,
        bool anyHost,
        (string, Func<ElementNode, ElementNode, bool>)[] invariants,
        string allowed)
    {
        _url = url;
        _elements = elements;
        _extensions = extensions;
        _selections = selections;
        _anyHost = anyHost;
        _invariants = invariants;
        _allowed = allowed;
    }

    /// <summary>The validator for an extension definition, or <see langword="null"/> when it declares no context.</summary>
    public static ExtensionContextValidator? Create(StructureDefinition definition, IInvariantCompiler compiler)
    {
        if (!definition.IsExtension || (definition.Contexts.Count == 0 && definition.ContextInvariants.Count == 0))
        {
            return null;
        }

        var elements = new HashSet<string>(StringComparer.Ordinal);
        var extensions = new List<string>();
        var selections = new List<Func<ElementNode, bool>>();
        var anyHost = definition.Contexts.Count == 0;
        foreach (var context in definition.Contexts)
        {
            switch (context.Type)
            {
                case "element":
                    // A profile-qualified context (canonical#path) is matched by its path.
                    var hash = context.Expression.IndexOf('#', StringComparison.Ordinal);
                    elements.Add(hash < 0 ? context.Expression : context.Expression[(hash + 1)..]);
                    break;
                case "extension":
                    extensions.Add(context.Expression);
                    break;
                case "fhirpath" when compiler.TryCompileContextSelection(context.Expression) is { } selection:
                    selections.Add(selection);
                    break;
                default:
                    // A context this validator cannot judge allows the extension anywhere (never a false error).
                    anyHost = true;
                    break;
            }
        }

        var invariants = definition.ContextInvariants
            .Select(expression => (expression, compiler.TryCompileContextInvariant(expression)))
            .Where(i => i.Item2 is not null)
            .Select(i => (i.expression, i.Item2!))
            .ToArray();
        var allowed = string.Join(", ", definition.Contexts.Select(c => c.Type == "element" ? c.Expression : $"{c.Type} {c.Expression}"));
        return new ExtensionContextValidator(definition.Url, elements.ToFrozenSet(StringComparer.Ordinal), [.. extensions], [.. selections], anyHost, invariants, allowed);
    }

    public void Validate(ElementNode node, ValidationContext context)
    {
        if (node.Parent is not { } host)
        {
            return;
        }

        if (!_anyHost && !IsAllowedOn(host))
        {
            context.Error(
                ValidationCodes.ExtensionContext,
                IssueType.Structure,
                $"{node.Location}: the extension {_url} is not allowed here; its context is {_allowed}",
                node);
        }

        foreach (var (expression, holds) in _invariants)
        {
            bool result;
            try
            {
                result = holds(host, node);
            }
            catch (Exception)
            {
                context.Warning(ValidationCodes.InvariantNotEvaluated, IssueType.Invariant, $"{_url}: the context invariant could not be evaluated here", node);
                continue;
            }

            if (!result)
            {
                context.Error(
                    ValidationCodes.ExtensionContextInvariant,
                    IssueType.Invariant,
                    $"{node.Location}: the extension {_url} is used where its context invariant '{expression}' does not hold",
                    node);
            }
        }
    }

    private bool IsAllowedOn(ElementNode host)
    {
        if (_elements.Count > 0 && MatchesElementContext(host))
        {
            return true;
        }

        if (_extensions.Length > 0 && host.InstanceType == "Extension" && host.Child("url")?.Text is { } hostUrl && _extensions.Contains(hostUrl))
        {
            return true;
        }

        foreach (var selection in _selections)
        {
            if (selection(host))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesElementContext(ElementNode host)
    {
        if (host.Definition?.Path is { } path && _elements.Contains(path))
        {
            return true;
        }

        // The host's type and its ancestors: code → string, Duration → Quantity, Patient → DomainResource.
        if (_elements.Contains(host.InstanceType)
            || (host.Type?.BaseTypeName is { } baseType && _elements.Contains(baseType))
            || _elements.Contains(host.IsResource ? ResourceType : ElementType)
            || (host.Type is { IsBackbone: true } && _elements.Contains(BackboneElementType)))
        {
            return true;
        }

        return _elements.Contains(InstancePath(host));
    }

    // The host's path from its resource, without indices (Patient.contact.name.given): for contexts that name an
    // element inside a data type by the resource's path.
    private static string InstancePath(ElementNode host)
    {
        var names = new List<string>();
        var node = host;
        for (; node is not null && !node.IsResource; node = node.Parent)
        {
            names.Add(node.Definition is { IsChoice: true } definition ? definition.Name + "[x]" : node.Name);
        }

        var path = new StringBuilder(node?.InstanceType ?? string.Empty);
        for (var i = names.Count - 1; i >= 0; i--)
        {
            path.Append('.').Append(names[i]);
        }

        return path.ToString();
    }
}
