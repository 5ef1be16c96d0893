using FhirFacade.Fhir.FhirPath.Values;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>Math functions (<see href="http://hl7.org/fhirpath/N1/#math"/>); results that are not finite give empty.</summary>
internal static partial class FunctionTable
{
    private static void RegisterMath(Dictionary<string, FunctionDefinition> functions)
    {
        AddMath(functions, "abs", 0, (value, _, _) => value switch
        {
            long l => l == long.MinValue ? null : Math.Abs(l),
            decimal d => Math.Abs(d),
            FhirPathQuantity q => q with { Value = Math.Abs(q.Value) },
            _ => NotNumber("abs"),
        });
        AddMath(functions, "ceiling", 0, (value, _, _) => value switch
        {
            long l => l,
            decimal d => (long)decimal.Ceiling(d),
            _ => NotNumber("ceiling"),
        });
        AddMath(functions, "floor", 0, (value, _, _) => value switch
        {
            long l => l,
            decimal d => (long)decimal.Floor(d),
            _ => NotNumber("floor"),
        });
        AddMath(functions, "truncate", 0, (value, _, _) => value switch
        {
            long l => l,
            decimal d => (long)decimal.Truncate(d),
            _ => NotNumber("truncate"),
        });
        AddMath(functions, "round", 1, (value, args, scope) =>
        {
            var precision = IntegerArgument(args, 0, scope, "round") ?? 0;
            if (precision is < 0 or > 28)
            {
                throw new FhirPathEvaluationException("'round' needs a precision between 0 and 28.");
            }

            return value switch
            {
                long l => (decimal)l,
                decimal d => Math.Round(d, (int)precision, MidpointRounding.AwayFromZero),
                _ => NotNumber("round"),
            };
        }, min: 0);
        AddMath(functions, "exp", 0, (value, _, _) => FromDouble(Math.Exp(ToDouble(value, "exp"))));
        AddMath(functions, "ln", 0, (value, _, _) => FromDouble(Math.Log(ToDouble(value, "ln"))));
        AddMath(functions, "sqrt", 0, (value, _, _) => FromDouble(Math.Sqrt(ToDouble(value, "sqrt"))));
        AddMath(functions, "log", 1, (value, args, scope) =>
        {
            var b = ArgumentValue(args, 0, scope, "log");
            return b is null ? null : FromDouble(Math.Log(ToDouble(value, "log"), ToDouble(b, "log")));
        });
        AddMath(functions, "power", 1, (value, args, scope) =>
        {
            var exponent = ArgumentValue(args, 0, scope, "power");
            if (exponent is null)
            {
                return null;
            }

            var result = Math.Pow(ToDouble(value, "power"), ToDouble(exponent, "power"));
            if (value is long && exponent is long && double.IsFinite(result) && result == Math.Floor(result) && Math.Abs(result) < long.MaxValue)
            {
                return (long)result;
            }

            return FromDouble(result);
        });
    }

    private static void AddMath(Dictionary<string, FunctionDefinition> functions, string name, int max, Func<object, Evaluator[], EvaluationScope, object?> body, int? min = null) =>
        Add(functions, name, min ?? max, max, (input, args, scope) =>
        {
            var value = SingleValue(input, name);
            return value is null ? Items.Empty : Items.OfValue(body(value, args, scope));
        });

    private static object NotNumber(string function) =>
        throw new FhirPathEvaluationException($"'{function}' needs a number.");

    private static double ToDouble(object value, string function) => value switch
    {
        long l => l,
        decimal d => (double)d,
        _ => throw new FhirPathEvaluationException($"'{function}' needs a number."),
    };

    private static decimal? FromDouble(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 7.9e28)
        {
            return null;
        }

        return (decimal)value;
    }
}
