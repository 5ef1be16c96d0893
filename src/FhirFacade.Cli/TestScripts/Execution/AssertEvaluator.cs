using System.Globalization;
using FhirFacade.Cli.TestScripts.Definitions;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// Evaluates one <c>action.assert</c> against the last exchange (or the fixture <c>sourceId</c> names;
/// the request when <c>direction</c> is <c>request</c>) with its operator (default <c>equals</c>; an
/// <c>expression</c> with nothing to compare to is evaluated as a boolean). A failed assert with
/// <c>warningOnly</c> is a warning.
/// </summary>
internal static class AssertEvaluator
{
    /// <summary>The HTTP status each <c>assert.response</c> code stands for (assert-response-code-types).</summary>
    public static readonly IReadOnlyDictionary<string, int> ResponseCodes = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["okay"] = 200,
        ["created"] = 201,
        ["noContent"] = 204,
        ["notModified"] = 304,
        ["bad"] = 400,
        ["forbidden"] = 403,
        ["notFound"] = 404,
        ["methodNotAllowed"] = 405,
        ["conflict"] = 409,
        ["gone"] = 410,
        ["preconditionFailed"] = 412,
        ["unprocessable"] = 422,
    };

    private static readonly string[] NavigationRelations = ["first", "last", "next"];

    public static ActionResult Evaluate(ScriptAssert assertion, ScriptState state)
    {
        var (outcome, message) = Check(assertion, state);
        if (outcome == ActionOutcome.Fail && assertion.WarningOnly)
        {
            outcome = ActionOutcome.Warning;
        }

        return new ActionResult(false, outcome, assertion.Title, message);
    }

    private static (ActionOutcome, string) Check(ScriptAssert assertion, ScriptState state)
    {
        var op = assertion.Operator ?? DefaultOperator(assertion);
        if (!AssertOperators.Known.Contains(op))
        {
            return Error($"assert.operator '{op}' is not an assert operator");
        }

        if (op == "eval" && assertion.Kind is not ("expression" or "path"))
        {
            return Error($"assert.operator eval applies to expression asserts, not {assertion.Kind}");
        }

        var request = assertion.Direction == "request";
        if (request && (assertion.Response is not null || assertion.ResponseCode is not null))
        {
            return Error("assert.response and assert.responseCode need direction response (tst-12)");
        }

        Fixture? target;
        if (assertion.SourceId is not null)
        {
            target = state.FindFixture(assertion.SourceId);
            if (target is null)
            {
                return Error($"assert.sourceId {assertion.SourceId} names no fixture (yet)");
            }
        }
        else if (state.Last is null)
        {
            return Error("no operation has run before this assert");
        }
        else
        {
            target = request ? state.Last.Request : state.Last.Response;
            if (target is null)
            {
                return Error("the last operation got no response");
            }
        }

        var (value, valueError) = state.Substitute(assertion.Value);
        if (valueError is not null)
        {
            return Error(valueError);
        }

        switch (assertion.Kind)
        {
            case "response":
                if (target.Status is not { } status)
                {
                    return Error("assert.response needs a response");
                }

                if (!Split(assertion.Response!).All(ResponseCodes.ContainsKey))
                {
                    return Error($"assert.response '{assertion.Response}' is not an assert-response-code-types code");
                }

                var name = ResponseCodes.FirstOrDefault(p => p.Value == status).Key ?? status.ToString(CultureInfo.InvariantCulture);
                return Compare(op, [name], assertion.Response, $"HTTP {status}: ");
            case "responseCode":
                return target.Status is { } code
                    ? Compare(op, [code.ToString(CultureInfo.InvariantCulture)], assertion.ResponseCode, string.Empty)
                    : Error("assert.responseCode needs a response");
            case "contentType":
                return Compare(op, target.MediaType is { } mediaType ? [mediaType] : [], MimeTypes.Expand(assertion.ContentType!) ?? string.Empty, "Content-Type: ", StringComparison.OrdinalIgnoreCase);
            case "resource":
                return Compare(op, target.Resource is { } resource ? [resource.InstanceType] : [], assertion.Resource, "resource type: ");
            case "headerField":
                if (value is null && !AssertOperators.NeedsNoValue(op))
                {
                    return Error($"assert.headerField {assertion.HeaderField} with operator {op} needs assert.value");
                }

                return Compare(op, target.Headers.TryGetValue(assertion.HeaderField!, out var header) ? [header] : [], value, $"{assertion.HeaderField}: ");
            case "expression":
            case "path":
                return CheckExpression(assertion, state, target, op, value);
            case "minimumId":
                return CheckMinimum(assertion, state, target);
            case "navigationLinks":
                return CheckNavigationLinks(assertion, target);
            case "validateProfileId":
                return CheckProfile(assertion, state, target);
            case "requestMethod":
                return Compare(op, state.Last?.Request.Method is { } method ? [method] : [], assertion.RequestMethod!.ToLowerInvariant(), "request method: ", StringComparison.OrdinalIgnoreCase);
            case "requestURL":
                var (expectedUrl, urlError) = state.Substitute(assertion.RequestUrl);
                return urlError is not null ? Error(urlError) : Compare(op, state.Last?.Request.Url is { } url ? [url] : [], expectedUrl, "request URL: ");
            default:
                return (ActionOutcome.Skip, "no assertion element the runner knows");
        }
    }

    private static string DefaultOperator(ScriptAssert assertion) =>
        assertion.Kind is "expression" or "path" && assertion.Value is null && assertion.CompareToSourceId is null ? "eval" : AssertOperators.EqualsOperator;

    private static (ActionOutcome, string) CheckExpression(ScriptAssert assertion, ScriptState state, Fixture target, string op, string? value)
    {
        string expressionText;
        if (assertion.Expression is not null)
        {
            var (substituted, substitutionError) = state.Substitute(assertion.Expression);
            if (substituted is null)
            {
                return Error(substitutionError!);
            }

            expressionText = substituted;
        }
        else if (ScriptPaths.IsJsonPath(assertion.Path!))
        {
            if (op == "eval")
            {
                return Error("operator eval needs a FHIRPath expression, not a JSONPath");
            }

            var (jsonValues, jsonError) = state.EvaluatePath(target, assertion.Path!);
            return jsonError is not null ? Error(jsonError) : Compare(op, jsonValues!, value, $"{assertion.Path}: ");
        }
        else
        {
            var converted = ScriptPaths.ToFhirPath(assertion.Path!);
            if (converted is null)
            {
                return (ActionOutcome.Skip, $"unsupported: assert.path '{assertion.Path}' is neither a FHIRPath-compatible simple path nor a JSONPath");
            }

            expressionText = converted;
        }

        var (items, error, scriptFault) = state.EvaluateChecked(target, expressionText);
        if (error is not null)
        {
            return scriptFault ? Error(error) : Fail($"{expressionText}: {error}");
        }

        if (op == "eval")
        {

            var passed = items!.Count == 1 && items[0].Value is true;
            return passed
                ? Pass()
                : Fail($"{expressionText} evaluated to {(items.Count == 0 ? "nothing" : items.Count == 1 ? $"'{items[0]}'" : $"{items.Count} items")}, not true");
        }

        var (values, evaluationError) = state.EvaluateExpression(target, expressionText);
        if (evaluationError is not null)
        {
            return Error(evaluationError);
        }

        if (assertion.CompareToSourceId is not null && value is null)
        {
            var source = state.FindFixture(assertion.CompareToSourceId);
            if (source is null)
            {
                return Error($"assert.compareToSourceId {assertion.CompareToSourceId} names no fixture (yet)");
            }

            var sourceExpression = assertion.CompareToSourceExpression;
            var (expected, sourceError) = sourceExpression is not null
                ? state.EvaluateExpression(source, sourceExpression)
                : assertion.CompareToSourcePath is not null
                    ? state.EvaluatePath(source, assertion.CompareToSourcePath)
                    : (null, "assert.compareToSourceId needs compareToSourceExpression or compareToSourcePath (tst-10)");
            if (sourceError is not null)
            {
                return Error($"{assertion.CompareToSourceId}: {sourceError}");
            }

            if (op is "equals" or "notEquals")
            {
                var same = values!.SequenceEqual(expected!, StringComparer.Ordinal);
                return same == (op == "equals")
                    ? Pass()
                    : Fail($"{expressionText} gave {AssertOperators.Describe(values!)}; {assertion.CompareToSourceId} gave {AssertOperators.Describe(expected!)} (operator {op})");
            }

            value = expected!.Count > 0 ? expected[0] : null;
        }

        if (value is null && !AssertOperators.NeedsNoValue(op))
        {
            return Error($"operator {op} needs assert.value or compareToSourceId");
        }

        return Compare(op, values!, value, $"{expressionText}: ");
    }

    private static (ActionOutcome, string) CheckMinimum(ScriptAssert assertion, ScriptState state, Fixture target)
    {
        var minimum = state.FindFixture(assertion.MinimumId!)?.Resource;
        if (minimum is null)
        {
            return Error($"assert.minimumId {assertion.MinimumId} names no fixture holding a resource");
        }

        if (target.Resource is null)
        {
            return Fail("the body is not a FHIR resource");
        }

        var missing = MinimumContent.FirstMissing(target.Resource, minimum);
        return missing is null ? Pass() : Fail($"the response lacks {missing} of fixture {assertion.MinimumId}");
    }

    private static (ActionOutcome, string) CheckNavigationLinks(ScriptAssert assertion, Fixture target)
    {
        if (assertion.NavigationLinks == false)
        {
            return (ActionOutcome.Skip, "navigationLinks is false: nothing to check");
        }

        if (target.Resource?.InstanceType != "Bundle")
        {
            return Fail($"expected a Bundle with navigation links, found {target.Resource?.InstanceType ?? "no resource"}");
        }

        var relations = target.Resource.ChildrenNamed("link").Select(l => l.Child("relation")?.Text).ToHashSet(StringComparer.Ordinal);
        var missing = NavigationRelations.Where(r => !relations.Contains(r)).ToList();
        return missing.Count == 0
            ? Pass()
            : Fail($"the Bundle has no {string.Join(", ", missing)} link (it has {(relations.Count == 0 ? "none" : string.Join(", ", relations))})");
    }

    private static (ActionOutcome, string) CheckProfile(ScriptAssert assertion, ScriptState state, Fixture target)
    {
        var profile = state.Script.Profiles.FirstOrDefault(p => p.Id == assertion.ValidateProfileId);
        if (profile is null || profile.Canonical.Length == 0)
        {
            return Error($"assert.validateProfileId {assertion.ValidateProfileId} names no TestScript.profile");
        }

        if (target.Resource is null)
        {
            return Fail("the body is not a FHIR resource");
        }

        var validator = state.Services.Validator;
        if (!validator.CanResolve(profile.Canonical))
        {
            return Error($"profile {profile.Canonical} is not in the loaded FHIR packages");
        }

        var errors = validator.Validate(target.Resource, profile.Canonical).Issues.Where(i => i.IsError).ToList();
        return errors.Count == 0
            ? Pass()
            : Fail($"{errors.Count} error(s) against {profile.Canonical}: {string.Join("; ", errors.Take(5).Select(Describe))}");
    }

    private static string Describe(Issue issue) => issue.Location is null ? $"{issue.Code} {issue.Message}" : $"{issue.Code} at {issue.Location}: {issue.Message}";

    private static (ActionOutcome, string) Compare(string op, IReadOnlyList<string> actual, string? expected, string prefix, StringComparison comparison = StringComparison.Ordinal)
    {
        if (op == "eval")
        {
            return Error("operator eval applies to expression asserts");
        }

        var (passed, message) = AssertOperators.Apply(op, actual, expected, comparison);
        return passed ? (ActionOutcome.Pass, $"{prefix}{AssertOperators.Describe(actual)} ({op}{(expected is null ? string.Empty : $" '{expected}'")})") : Fail(prefix + message);
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static (ActionOutcome, string) Pass() => (ActionOutcome.Pass, "passed");

    private static (ActionOutcome, string) Fail(string message) => (ActionOutcome.Fail, message);

    private static (ActionOutcome, string) Error(string message) => (ActionOutcome.Error, message);
}
