using FhirFacade.Fhir.FhirPath.Syntax.Ast;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>
/// Turns the parsed tree into a tree of closures (<see cref="Evaluator"/>), resolving functions and
/// operators once so that evaluation does no lookups, reflection or parsing.
/// </summary>
internal static class ExpressionCompiler
{
    public static Evaluator Compile(FhirPathExpression expression) => expression switch
    {
        ConstantExpression constant => CompileConstant(constant),
        MemberExpression member => CompileMember(member),
        FunctionExpression function => CompileFunction(function),
        IndexerExpression indexer => CompileIndexer(indexer),
        BinaryExpression binary => CompileBinary(binary),
        UnaryExpression unary => CompileUnary(unary),
        TypeExpression type => CompileType(type),
        VariableExpression variable => CompileVariable(variable),
        _ => throw new FhirPathSyntaxException($"Unsupported expression {expression.GetType().Name}", expression.Position),
    };

    private static Evaluator CompileConstant(ConstantExpression constant)
    {
        IReadOnlyList<FhirPathItem> value = constant.Value is null ? Items.Empty : [FhirPathItem.FromValue(constant.Value)];
        return _ => value;
    }

    private static Evaluator CompileMember(MemberExpression member)
    {
        var name = member.Name;
        if (member.Target is null)
        {
            return scope => Navigation.Children(scope.This, name, scope.Context.Model);
        }

        var target = Compile(member.Target);
        return scope => Navigation.Children(target(scope), name, scope.Context.Model);
    }

    private static Evaluator CompileIndexer(IndexerExpression indexer)
    {
        var target = Compile(indexer.Target);
        var index = Compile(indexer.Index);
        return scope =>
        {
            var items = target(scope);
            var i = Operators.SingletonValue(index(scope), "[]");
            if (i is null)
            {
                return Items.Empty;
            }

            if (i is not long position)
            {
                throw new FhirPathEvaluationException("An indexer needs an integer.");
            }

            return position >= 0 && position < items.Count ? [items[(int)position]] : Items.Empty;
        };
    }

    private static Evaluator CompileFunction(FunctionExpression function)
    {
        if (function.Name == "sort")
        {
            return CompileSort(function);
        }

        if (function.Arguments.Count == 0 && function.Name is "count" or "exists" or "empty" && CompileFusedCount(function) is { } fused)
        {
            return fused;
        }

        var definition = FunctionTable.Find(function.Name)
            ?? throw new FhirPathSyntaxException($"Unknown function '{function.Name}'", function.Position);
        if (function.Arguments.Count < definition.MinArguments || function.Arguments.Count > definition.MaxArguments)
        {
            throw new FhirPathSyntaxException($"Function '{function.Name}' takes {definition.MinArguments}..{definition.MaxArguments} arguments but got {function.Arguments.Count}", function.Position);
        }

        var arguments = new Evaluator[function.Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (definition.TakesType)
            {
                var typeName = TypeNameOf(function.Arguments[i]);
                IReadOnlyList<FhirPathItem> typeValue = [FhirPathItem.FromValue(typeName)];
                arguments[i] = _ => typeValue;
            }
            else
            {
                arguments[i] = Compile(function.Arguments[i]);
            }
        }

        var body = definition.Body;
        if (function.Target is null)
        {
            return scope => body(scope.This, arguments, scope);
        }

        var target = Compile(function.Target);
        return scope => body(target(scope), arguments, scope);
    }

    /// <summary>
    /// <c>name.count()</c>, <c>name.exists()</c>, <c>name.empty()</c> and <c>children().count()</c> count
    /// matches without building the collection: they are the bulk of invariant work (ele-1, ext-1, dom-*).
    /// </summary>
    private static Evaluator? CompileFusedCount(FunctionExpression function)
    {
        var kind = function.Name;
        if (function.Target is MemberExpression member)
        {
            var source = member.Target is null ? null : Compile(member.Target);
            var name = member.Name;
            var existsOnly = kind != "count";
            return scope =>
            {
                var n = Navigation.Count(source is null ? scope.This : source(scope), name, scope.Context.Model, existsOnly);
                return kind switch
                {
                    "count" => Items.OfInteger(n),
                    "exists" => Items.Of(n > 0),
                    _ => Items.Of(n == 0),
                };
            };
        }

        if (kind == "count" && function.Target is FunctionExpression { Name: "children", Arguments.Count: 0 } children)
        {
            var source = children.Target is null ? null : Compile(children.Target);
            return scope => Items.OfInteger(Navigation.CountAllChildren(source is null ? scope.This : source(scope)));
        }

        return null;
    }

    private static Evaluator CompileSort(FunctionExpression function)
    {
        var keys = new (Evaluator Key, bool Descending)[function.Arguments.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = function.Arguments[i] is UnaryExpression { Operator: "-" } negated
                ? (Compile(negated.Operand), true)
                : (Compile(function.Arguments[i]), false);
        }

        var target = function.Target is null ? null : Compile(function.Target);
        return scope => Sorting.Sort(target is null ? scope.This : target(scope), keys, scope);
    }

    private static string TypeNameOf(FhirPathExpression expression) => expression switch
    {
        MemberExpression { Target: null } member => member.Name,
        MemberExpression { Target: { } target } member => TypeNameOf(target) + "." + member.Name,
        _ => throw new FhirPathSyntaxException("Expected a type name", expression.Position),
    };

    private static Evaluator CompileBinary(BinaryExpression binary)
    {
        var left = Compile(binary.Left);
        var right = Compile(binary.Right);
        var op = binary.Operator;
        return op switch
        {
            "=" => scope => Items.Of(Equality.CollectionEquals(left(scope), right(scope))),
            "!=" => scope => Items.Of(!Equality.CollectionEquals(left(scope), right(scope))),
            "~" => scope => Items.Of(Equality.CollectionEquivalent(left(scope), right(scope))),
            "!~" => scope => Items.Of(!Equality.CollectionEquivalent(left(scope), right(scope))),
            "<" or ">" or "<=" or ">=" => scope => Operators.Compare(op, left(scope), right(scope)),
            "+" or "-" or "*" or "/" or "div" or "mod" or "&" => scope => Operators.Arithmetic(op, left(scope), right(scope)),
            "|" => scope => CollectionFunctions.Union(left(scope), right(scope)),
            "in" => scope => CollectionFunctions.Membership(left(scope), right(scope), "in"),
            "contains" => scope => CollectionFunctions.Membership(right(scope), left(scope), "contains"),
            "and" => scope => And(left, right, scope),
            "or" => scope => Or(left, right, scope),
            "xor" => scope => Xor(left, right, scope),
            "implies" => scope => Implies(left, right, scope),
            _ => throw new FhirPathSyntaxException($"Unknown operator '{op}'", binary.Position),
        };
    }

    private static FhirPathItem[] And(Evaluator left, Evaluator right, EvaluationScope scope)
    {
        var l = Operators.ToBoolean(left(scope), "and");
        if (l == false)
        {
            return Items.False;
        }

        var r = Operators.ToBoolean(right(scope), "and");
        return r == false ? Items.False : l == true && r == true ? Items.True : Items.Empty;
    }

    private static FhirPathItem[] Or(Evaluator left, Evaluator right, EvaluationScope scope)
    {
        var l = Operators.ToBoolean(left(scope), "or");
        if (l == true)
        {
            return Items.True;
        }

        var r = Operators.ToBoolean(right(scope), "or");
        return r == true ? Items.True : l == false && r == false ? Items.False : Items.Empty;
    }

    private static IReadOnlyList<FhirPathItem> Xor(Evaluator left, Evaluator right, EvaluationScope scope)
    {
        var l = Operators.ToBoolean(left(scope), "xor");
        var r = Operators.ToBoolean(right(scope), "xor");
        return l is null || r is null ? Items.Empty : Items.Of(l != r);
    }

    private static IReadOnlyList<FhirPathItem> Implies(Evaluator left, Evaluator right, EvaluationScope scope)
    {
        var l = Operators.ToBoolean(left(scope), "implies");
        if (l == false)
        {
            return Items.True;
        }

        var r = Operators.ToBoolean(right(scope), "implies");
        return r == true ? Items.True : l == true ? Items.Of(r) : Items.Empty;
    }

    private static Evaluator CompileUnary(UnaryExpression unary)
    {
        var operand = Compile(unary.Operand);
        return scope => Operators.Negate(operand(scope));
    }

    private static Evaluator CompileType(TypeExpression type)
    {
        var operand = Compile(type.Operand);
        var typeName = type.TypeName;
        if (type.Operator == "is")
        {
            return scope =>
            {
                var items = operand(scope);
                if (items.Count == 0)
                {
                    return Items.Empty;
                }

                if (items.Count > 1)
                {
                    throw new FhirPathEvaluationException("'is' needs a single item.");
                }

                return Items.Of(TypeMatching.Matches(items[0], typeName, scope.Context.Model));
            };
        }

        return scope => CollectionFunctions.As(operand(scope), typeName, scope);
    }

    private static Evaluator CompileVariable(VariableExpression variable)
    {
        var name = variable.Name;
        if (variable.IsSpecial)
        {
            return name switch
            {
                "this" => scope => scope.This,
                "index" => scope => Items.OfValue((long)scope.Index),
                _ => scope => scope.Total ?? Items.Empty,
            };
        }

        IReadOnlyList<FhirPathItem>? constant = name switch
        {
            "ucum" => [FhirPathItem.FromValue(FhirPathConstants.UcumSystem)],
            "sct" => [FhirPathItem.FromValue(FhirPathConstants.SnomedSystem)],
            "loinc" => [FhirPathItem.FromValue(FhirPathConstants.LoincSystem)],
            _ when name.StartsWith("vs-", StringComparison.Ordinal) => [FhirPathItem.FromValue(FhirPathConstants.ValueSetBase + name[3..])],
            _ when name.StartsWith("ext-", StringComparison.Ordinal) => [FhirPathItem.FromValue(FhirPathConstants.ExtensionBase + name[4..])],
            _ => null,
        };

        if (constant is not null)
        {
            return scope => scope.Context.Variables is { } vars && vars.TryGetValue(name, out var value) ? value : constant;
        }

        return name switch
        {
            "resource" => scope => NodeOrEmpty(scope.Resource),
            "rootResource" => scope => NodeOrEmpty(scope.RootResource),
            "context" => scope => scope.ContextNode is null ? scope.Input : NodeOrEmpty(scope.ContextNode),
            _ => scope => scope.Context.Variables is { } vars && vars.TryGetValue(name, out var value)
                ? value
                : throw new FhirPathEvaluationException($"Unknown variable '%{name}'."),
        };
    }

    private static FhirPathItem[] NodeOrEmpty(Model.ElementNode? node) =>
        node is null ? Items.Empty : [FhirPathItem.FromNode(node)];
}
