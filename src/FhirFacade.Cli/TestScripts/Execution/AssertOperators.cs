using System.Globalization;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// The assert operators (<see href="https://hl7.org/fhir/R4/valueset-assert-operator-codes.html"/>) over
/// the values an assert found and the value it expects. <c>in</c>/<c>notIn</c> take a comma-separated
/// list; <c>greaterThan</c>/<c>lessThan</c> compare as numbers when both sides are numbers, else
/// ordinally (which orders ISO dates correctly); <c>eval</c> belongs to expressions and is decided there.
/// </summary>
internal static class AssertOperators
{
    public const string EqualsOperator = "equals";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "equals", "notEquals", "in", "notIn", "greaterThan", "lessThan", "empty", "notEmpty", "contains", "notContains", "eval",
    };

    /// <summary><see langword="true"/> for the operators that need no expected value.</summary>
    public static bool NeedsNoValue(string op) => op is "empty" or "notEmpty" or "eval";

    /// <summary>Applies <paramref name="op"/>; the message says what was found when it fails.</summary>
    public static (bool Passed, string Message) Apply(string op, IReadOnlyList<string> actual, string? expected, StringComparison comparison = StringComparison.Ordinal)
    {
        var found = Describe(actual);
        var single = actual.Count == 1 ? actual[0] : null;
        switch (op)
        {
            case "equals":
                return (single is not null && string.Equals(single, expected, comparison), $"expected '{expected}', found {found}");
            case "notEquals":
                return (single is null || !string.Equals(single, expected, comparison), $"expected anything but '{expected}', found {found}");
            case "in":
                return (single is not null && Split(expected).Contains(single, StringComparer.FromComparison(comparison)), $"expected one of '{expected}', found {found}");
            case "notIn":
                return (single is null || !Split(expected).Contains(single, StringComparer.FromComparison(comparison)), $"expected none of '{expected}', found {found}");
            case "greaterThan":
                return (single is not null && expected is not null && Compare(single, expected) > 0, $"expected more than '{expected}', found {found}");
            case "lessThan":
                return (single is not null && expected is not null && Compare(single, expected) < 0, $"expected less than '{expected}', found {found}");
            case "empty":
                return (actual.All(string.IsNullOrEmpty), $"expected nothing, found {found}");
            case "notEmpty":
                return (actual.Any(a => !string.IsNullOrEmpty(a)), "expected a value, found nothing");
            case "contains":
                return (expected is not null && actual.Any(a => a.Contains(expected, comparison)), $"expected to contain '{expected}', found {found}");
            case "notContains":
                return (expected is not null && !actual.Any(a => a.Contains(expected, comparison)), $"expected not to contain '{expected}', found {found}");
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, "not a comparison operator");
        }
    }

    public static string Describe(IReadOnlyList<string> values) => values.Count switch
    {
        0 => "nothing",
        1 => $"'{Shorten(values[0])}'",
        _ => $"{values.Count} values ('{Shorten(values[0])}', …)",
    };

    private static string Shorten(string value) => value.Length <= 120 ? value : value[..117] + "...";

    private static string[] Split(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static int Compare(string left, string right) =>
        decimal.TryParse(left, NumberStyles.Float, CultureInfo.InvariantCulture, out var l)
        && decimal.TryParse(right, NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? l.CompareTo(r)
            : string.CompareOrdinal(left, right);
}
