using FhirFacade.Fhir.FhirPath.Values;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>Tree navigation, utility, aggregate and reflection functions.</summary>
internal static partial class FunctionTable
{
    private static readonly TypeDefinition SystemString = new("string", TypeKind.PrimitiveType, null, false, false, null, PrimitiveSystemType.String);

    private static void RegisterUtility(Dictionary<string, FunctionDefinition> functions)
    {
        Add(functions, "not", 0, 0, (input, _, _) =>
        {
            var value = Operators.ToBoolean(input, "not");
            return value is null ? Items.Empty : Items.Of(!value.Value);
        });
        Add(functions, "children", 0, 0, (input, _, _) =>
        {
            var result = new List<FhirPathItem>();
            foreach (var item in input)
            {
                if (item.Node is { } node)
                {
                    var children = node.Children;
                    for (var c = 0; c < children.Count; c++)
                    {
                        var child = children[c];
                        result.Add(FhirPathItem.FromNode(child));
                    }
                }
            }

            return result;
        });
        Add(functions, "descendants", 0, 0, (input, _, _) =>
        {
            var result = new List<FhirPathItem>();
            foreach (var item in input)
            {
                if (item.Node is { } node)
                {
                    AddDescendants(node, result);
                }
            }

            return result;
        });
        Add(functions, "trace", 1, 2, (input, args, scope) =>
        {
            if (scope.Context.Trace is { } trace)
            {
                var name = StringArgument(args, 0, scope, "trace") ?? string.Empty;
                trace(name, args.Length > 1 ? Select(input, [args[1]], scope) : input);
            }

            return input;
        });
        Add(functions, "now", 0, 0, (_, _, scope) => Items.OfValue(FhirPathTemporal.FromDateTimeOffset(scope.Context.TimeProvider.GetLocalNow(), FhirPathTemporalKind.DateTime)));
        Add(functions, "today", 0, 0, (_, _, scope) => Items.OfValue(FhirPathTemporal.FromDateTimeOffset(scope.Context.TimeProvider.GetLocalNow(), FhirPathTemporalKind.Date)));
        Add(functions, "timeOfDay", 0, 0, (_, _, scope) => Items.OfValue(FhirPathTemporal.FromDateTimeOffset(scope.Context.TimeProvider.GetLocalNow(), FhirPathTemporalKind.Time)));
        Add(functions, "aggregate", 1, 2, Aggregate);
        Add(functions, "type", 0, 0, (input, _, _) =>
        {
            var result = new FhirPathItem[input.Count];
            for (var i = 0; i < input.Count; i++)
            {
                var item = input[i];
                var info = new ElementNode("type", "SimpleTypeInfo");
                info.AddChild(new ElementNode("namespace", "string", SystemString, text: item.Node is null ? "System" : "FHIR"));
                info.AddChild(new ElementNode("name", "string", SystemString, text: item.TypeName));
                result[i] = FhirPathItem.FromNode(info);
            }

            return result;
        });
        Add(functions, "precision", 0, 0, (input, _, _) =>
        {
            var value = SingleValue(input, "precision");
            return value is null ? Items.Empty : Items.OfValue((long?)Boundaries.Precision(value));
        });
        Add(functions, "lowBoundary", 0, 1, (input, args, scope) => Boundary(input, args, scope, high: false));
        Add(functions, "highBoundary", 0, 1, (input, args, scope) => Boundary(input, args, scope, high: true));
        Add(functions, "comparable", 1, 1, (input, args, scope) =>
        {
            var value = SingleValue(input, "comparable");
            var other = ArgumentValue(args, 0, scope, "comparable");
            if (value is not FhirPathQuantity q || other is not FhirPathQuantity o)
            {
                return Items.Empty;
            }

            return Items.Of(Ucum.ConvertTo(o, q.Unit) is not null);
        });
    }

    private static void AddDescendants(ElementNode node, List<FhirPathItem> result)
    {
        var children = node.Children;
        for (var c = 0; c < children.Count; c++)
        {
            var child = children[c];
            result.Add(FhirPathItem.FromNode(child));
            AddDescendants(child, result);
        }
    }

    private static IReadOnlyList<FhirPathItem> Aggregate(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope)
    {
        var savedTotal = scope.Total;
        var total = arguments.Length > 1 ? arguments[1](scope) : Items.Empty;
        try
        {
            for (var i = 0; i < input.Count; i++)
            {
                scope.Total = total;
                total = EvaluateFor(arguments[0], input[i], i, scope);
            }

            return total;
        }
        finally
        {
            scope.Total = savedTotal;
        }
    }

    private static IReadOnlyList<FhirPathItem> Boundary(IReadOnlyList<FhirPathItem> input, Evaluator[] arguments, EvaluationScope scope, bool high)
    {
        var value = SingleValue(input, high ? "highBoundary" : "lowBoundary");
        var precision = IntegerArgument(arguments, 0, scope, high ? "highBoundary" : "lowBoundary");
        var p = precision is null ? (int?)null : (int)Math.Clamp(precision.Value, -1, 100);
        object? result = value switch
        {
            long l => Boundaries.Decimal(l, 0, p, high),
            decimal d => Boundaries.Decimal(d, d.Scale, p, high),
            FhirPathQuantity q => Boundaries.Decimal(q.Value, q.Value.Scale, p, high) is { } bound ? q with { Value = bound } : null,
            FhirPathTemporal t => Boundaries.Temporal(t, p, high),
            _ => null,
        };
        return Items.OfValue(result);
    }
}
