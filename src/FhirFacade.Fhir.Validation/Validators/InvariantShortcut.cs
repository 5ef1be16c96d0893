using System.Text.RegularExpressions;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// Most core invariants are guarded by a child that is usually absent: <c>duration.empty() or …</c>,
/// <c>period.exists() implies …</c>, <c>start.hasValue().not() or …</c>,
/// <c>reference.startsWith('#').not() or …</c>. When the guard alone decides the result
/// (FHIRPath: <c>true or x</c> is true, <c>false implies x</c> is true), the validator answers
/// structurally and skips the FHIRPath evaluation; otherwise the expression is evaluated as usual.
/// Only applied when the rest of the expression has no lower-precedence operator that could change it.
/// </summary>
internal static partial class InvariantShortcut
{
    /// <summary>A test that returns <see langword="true"/> when the invariant certainly holds, or <see langword="null"/> when the expression has no such guard.</summary>
    public static Func<ElementNode, bool>? Find(string expression)
    {
        if (EmptyOr().Match(expression) is { Success: true } emptyOr && IsSafeTail(emptyOr.Groups[2].Value, "or"))
        {
            var name = emptyOr.Groups[1].Value;
            return node => node.Child(name) is null;
        }

        if (ExistsImplies().Match(expression) is { Success: true } existsImplies && IsSafeTail(existsImplies.Groups[2].Value, "implies"))
        {
            var name = existsImplies.Groups[1].Value;
            return node => node.Child(name) is null;
        }

        if (NoValueOr().Match(expression) is { Success: true } noValueOr && IsSafeTail(noValueOr.Groups[2].Value, "or"))
        {
            var name = noValueOr.Groups[1].Value;
            return node => node.Child(name)?.Text is null;
        }

        if (NotLocalReferenceOr().Match(expression) is { Success: true } local && IsSafeTail(local.Groups[1].Value, "or"))
        {
            return node => node.Child("reference")?.Text is not { } reference || !reference.StartsWith('#');
        }

        return null;
    }

    // After "guard or", a later top-level xor/implies would regroup the expression; after "guard implies", another implies would.
    private static bool IsSafeTail(string tail, string afterOperator) =>
        !tail.Contains(" implies ", StringComparison.Ordinal) && (afterOperator == "implies" || !tail.Contains(" xor ", StringComparison.Ordinal));

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]*)\.empty\(\) or (.+)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex EmptyOr();

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]*)\.exists\(\) implies (.+)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ExistsImplies();

    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]*)\.hasValue\(\)\.not\(\) or (.+)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex NoValueOr();

    [GeneratedRegex(@"^reference\.startsWith\('#'\)\.not\(\) or (.+)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex NotLocalReferenceOr();
}
