using System.Globalization;
using System.Text.RegularExpressions;
using FhirFacade.Fhir.FhirPath.Values;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>Conversion functions (<see href="http://hl7.org/fhirpath/N1/#conversion"/>).</summary>
internal static partial class FunctionTable
{
    private static void RegisterConversion(Dictionary<string, FunctionDefinition> functions)
    {
        Add(functions, "iif", 2, 3, Iif);
        AddConversion(functions, "Boolean", ToBoolean);
        AddConversion(functions, "Integer", ToInteger);
        AddConversion(functions, "Decimal", ToDecimal);
        AddConversion(functions, "String", ToStringValue);
        AddConversion(functions, "Date", ToDate);
        AddConversion(functions, "DateTime", ToDateTime);
        AddConversion(functions, "Time", ToTime);
        Add(functions, "toQuantity", 0, 1, (input, args, scope) =>
        {
            var value = SingleValue(input, "toQuantity");
            var quantity = value is null ? null : ToQuantity(value);
            var unit = StringArgument(args, 0, scope, "toQuantity");
            if (quantity is null || unit is null || unit == quantity.Unit)
            {
                return Items.OfValue(quantity);
            }

            var converted = Ucum.ConvertTo(quantity, unit);
            return converted is null ? Items.Empty : Items.OfValue(new FhirPathQuantity(converted.Value, unit));
        });
        Add(functions, "convertsToQuantity", 0, 1, (input, args, scope) =>
        {
            var value = SingleValue(input, "convertsToQuantity");
            if (value is null)
            {
                return Items.Empty;
            }

            var quantity = ToQuantity(value);
            var unit = StringArgument(args, 0, scope, "convertsToQuantity");
            return Items.Of(quantity is not null && (unit is null || Ucum.ConvertTo(quantity, unit) is not null));
        });
    }

    private static void AddConversion(Dictionary<string, FunctionDefinition> functions, string type, Func<object, object?> convert)
    {
        Add(functions, "to" + type, 0, 0, (input, _, _) =>
        {
            var value = SingleValue(input, "to" + type);
            return value is null ? Items.Empty : Items.OfValue(convert(value));
        });
        Add(functions, "convertsTo" + type, 0, 0, (input, _, _) =>
        {
            var value = SingleValue(input, "convertsTo" + type);
            return value is null ? Items.Empty : Items.Of(convert(value) is not null);
        });
    }

    private static IReadOnlyList<FhirPathItem> Iif(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        if (input.Count > 1)
        {
            throw new FhirPathEvaluationException("'iif' needs at most one input item.");
        }

        var savedThis = scope.This;
        if (input.Count == 1)
        {
            scope.This = input;
        }

        try
        {
            var criterion = arguments[0](scope);
            if (criterion.Count > 1 || (criterion.Count == 1 && criterion[0].Value is not bool))
            {
                throw new FhirPathEvaluationException("The criterion of 'iif' must be a single boolean.");
            }

            var condition = criterion.Count == 1 && (bool)criterion[0].Value!;
            return condition ? arguments[1](scope) : arguments.Length > 2 ? arguments[2](scope) : Items.Empty;
        }
        finally
        {
            scope.This = savedThis;
        }
    }

    private static object? ToBoolean(object value) => value switch
    {
        bool b => b,
        long l => l switch { 1 => true, 0 => false, _ => null },
        decimal d => d == 1m ? true : d == 0m ? false : null,
        string s => s.ToLowerInvariant() switch
        {
            "true" or "t" or "yes" or "y" or "1" or "1.0" => true,
            "false" or "f" or "no" or "n" or "0" or "0.0" => false,
            _ => null,
        },
        _ => null,
    };

    private static object? ToInteger(object value) => value switch
    {
        long l => l,
        bool b => b ? 1L : 0L,
        string s when IntegerPattern().IsMatch(s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    private static object? ToDecimal(object value) => value switch
    {
        decimal d => d,
        long l => (decimal)l,
        bool b => b ? 1.0m : 0.0m,
        string s when DecimalPattern().IsMatch(s) && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    internal static string? ToStringValue(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        FhirPathTemporal t => t.ToString(),
        FhirPathQuantity q => q.ToString(),
        _ => null,
    };

    private static object? ToDate(object value) => value switch
    {
        FhirPathTemporal { Kind: FhirPathTemporalKind.Date } t => t,
        FhirPathTemporal { Kind: FhirPathTemporalKind.DateTime } t => t.ToDate(),
        string s => FhirPathTemporal.ParseDate(s) ?? FhirPathTemporal.ParseDateTime(s)?.ToDate(),
        _ => null,
    };

    private static object? ToDateTime(object value) => value switch
    {
        FhirPathTemporal { Kind: FhirPathTemporalKind.DateTime } t => t,
        FhirPathTemporal { Kind: FhirPathTemporalKind.Date } t => t.WithKind(FhirPathTemporalKind.DateTime),
        string s => FhirPathTemporal.ParseDateTime(s),
        _ => null,
    };

    private static object? ToTime(object value) => value switch
    {
        FhirPathTemporal { Kind: FhirPathTemporalKind.Time } t => t,
        string s => FhirPathTemporal.ParseTime(s.StartsWith('T') ? s[1..] : s),
        _ => null,
    };

    private static FhirPathQuantity? ToQuantity(object value)
    {
        switch (value)
        {
            case FhirPathQuantity q:
                return q;
            case long l:
                return new FhirPathQuantity(l, "1");
            case decimal d:
                return new FhirPathQuantity(d, "1");
            case bool b:
                return new FhirPathQuantity(b ? 1.0m : 0.0m, "1");
            case string s:
                var match = QuantityPattern().Match(s.Trim());
                if (!match.Success || !decimal.TryParse(match.Groups["value"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return null;
                }

                if (match.Groups["ucum"].Success)
                {
                    return new FhirPathQuantity(number, match.Groups["ucum"].Value);
                }

                if (match.Groups["calendar"].Success)
                {
                    var keyword = Ucum.NormalizeCalendarKeyword(match.Groups["calendar"].Value);
                    return Ucum.IsCalendarUnit(keyword) ? new FhirPathQuantity(number, keyword) : null;
                }

                return new FhirPathQuantity(number, "1");
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^[+-]?\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^(?<value>[+-]?\d+(\.\d+)?)(\s*('(?<ucum>[^']+)'|(?<calendar>[a-z]+)))?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
