using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// One invariant (<see href="https://hl7.org/fhir/R4/conformance-rules.html#constraints"/>), compiled
/// once: an error-severity constraint that fails gives an error, a warning-severity one a warning,
/// both carrying the constraint key.
/// </summary>
internal sealed class InvariantValidator : IInvariantValidator
{
    private readonly Func<ElementNode, bool> _predicate;
    private readonly Func<ElementNode, bool>? _holdsTrivially;
    private readonly bool _isError;
    private readonly string _message;

    /// <param name="key">The constraint key.</param>
    /// <param name="isError">Error severity (otherwise warning).</param>
    /// <param name="human">The constraint's human description.</param>
    /// <param name="predicate">The compiled expression: <see langword="true"/> when the invariant holds.</param>
    /// <param name="holdsTrivially">A structural test that proves the invariant holds without evaluating it (see <see cref="InvariantShortcut"/>).</param>
    public InvariantValidator(string key, bool isError, string human, Func<ElementNode, bool> predicate, Func<ElementNode, bool>? holdsTrivially = null)
    {
        Key = key;
        _holdsTrivially = holdsTrivially;
        _isError = isError;
        _predicate = predicate;
        _message = $"{key}: {human}";
    }

    public string Key { get; }

    public void Validate(ElementNode node, ValidationContext context)
    {
        if (_holdsTrivially is not null && _holdsTrivially(node))
        {
            return;
        }

        bool holds;
        try
        {
            holds = _predicate(node);
        }
        catch (Exception)
        {
            context.Warning(ValidationCodes.InvariantNotEvaluated, IssueType.Invariant, $"{Key}: the invariant could not be evaluated on this element", node, Key);
            return;
        }

        if (holds)
        {
            return;
        }

        if (_isError)
        {
            context.Error(ValidationCodes.Invariant, IssueType.Invariant, _message, node, Key);
        }
        else
        {
            context.Warning(ValidationCodes.Invariant, IssueType.Invariant, _message, node, Key);
        }
    }
}
