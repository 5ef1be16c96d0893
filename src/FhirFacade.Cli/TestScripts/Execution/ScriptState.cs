using System.Globalization;
using System.Text.RegularExpressions;
using FhirFacade.Cli.TestScripts.Definitions;
using FhirFacade.Fhir.FhirPath;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Cli.TestScripts.Execution;

/// <summary>
/// The state of one script run: fixtures by id (static ones, and requests and responses mapped by
/// <c>requestId</c>/<c>responseId</c>), the last exchange, and variables, evaluated each time they are
/// used (<see href="https://hl7.org/fhir/R4/testscript-definitions.html#TestScript.variable"/>).
/// </summary>
internal sealed partial class ScriptState
{
    private readonly ScriptDefinition _script;
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly Dictionary<string, Fixture> _fixtures = new(StringComparer.Ordinal);

    public ScriptState(ScriptDefinition script, IReadOnlyDictionary<string, string> overrides, TestScriptServices services)
    {
        _script = script;
        _overrides = overrides;
        Services = services;
    }

    public TestScriptServices Services { get; }

    public ScriptDefinition Script => _script;

    /// <summary>The most recent operation's exchange; <see langword="null"/> before the first.</summary>
    public Exchange? Last { get; set; }

    public FhirPathContext PathContext => new() { Model = Services.Kernel.Model };

    public void SetFixture(string id, Fixture fixture) => _fixtures[id] = fixture;

    public Fixture? FindFixture(string id) => _fixtures.GetValueOrDefault(id);

    /// <summary>Replaces every <c>${name}</c> with the variable's value; the error names the first variable without one.</summary>
    public (string? Value, string? Error) Substitute(string? text)
    {
        if (text is null || !text.Contains("${", StringComparison.Ordinal))
        {
            return (text, null);
        }

        string? error = null;
        var replaced = Placeholder().Replace(text, match =>
        {
            var (value, problem) = Resolve(match.Groups[1].Value);
            error ??= problem;
            return value ?? match.Value;
        });
        return error is null ? (replaced, null) : (null, error);
    }

    /// <summary>The value of a variable: a <c>--variable</c> override, else what its source gives, else its <c>defaultValue</c>.</summary>
    public (string? Value, string? Error) Resolve(string name)
    {
        if (_overrides.TryGetValue(name, out var overridden))
        {
            return (overridden, null);
        }

        var variable = _script.Variables.FirstOrDefault(v => v.Name == name);
        if (variable is null)
        {
            return (null, $"${{{name}}} names no variable of the script");
        }

        var sources = new[] { variable.Expression, variable.HeaderField, variable.Path }.Count(s => s is not null);
        if (sources > 1)
        {
            return (null, $"variable {name} sets more than one of expression, headerField and path (tst-3)");
        }

        string? computed = null;
        if (sources == 1)
        {
            var fixture = variable.SourceId is null ? Last?.Response : FindFixture(variable.SourceId);
            if (fixture is not null)
            {
                if (variable.HeaderField is not null)
                {
                    computed = fixture.Headers.GetValueOrDefault(variable.HeaderField);
                }
                else
                {
                    var (values, problem) = variable.Expression is not null
                        ? EvaluateExpression(fixture, variable.Expression)
                        : EvaluatePath(fixture, variable.Path!);
                    if (problem is not null)
                    {
                        return (null, $"variable {name}: {problem}");
                    }

                    if (values!.Count > 1)
                    {
                        return (null, $"variable {name} evaluates to {values.Count} values; a variable holds one");
                    }

                    computed = values.Count == 1 ? values[0] : null;
                }
            }
        }

        if (computed is not null || variable.DefaultValue is not null)
        {
            return (computed ?? variable.DefaultValue, null);
        }

        var from = variable.SourceId is null ? "the last response" : $"fixture {variable.SourceId}";
        return (null, sources == 0
            ? $"variable {name} has no value: give it one with --variable {name}=VALUE{(variable.Hint is null ? string.Empty : $" ({variable.Hint})")}"
            : $"variable {name} found nothing in {from}");
    }

    /// <summary>Evaluates FHIRPath on a fixture's body: the values as text, or why there are none.</summary>
    public (IReadOnlyList<string>? Values, string? Error) EvaluateExpression(Fixture fixture, string expression)
    {
        var (items, error) = EvaluateItems(fixture, expression);
        return error is null ? (items!.Select(ItemText).ToList(), null) : (null, error);
    }

    /// <summary>Evaluates FHIRPath on a fixture's body, keeping the items (for boolean evaluation).</summary>
    public (IReadOnlyList<FhirPathItem>? Items, string? Error) EvaluateItems(Fixture fixture, string expression)
    {
        var (items, error, _) = EvaluateChecked(fixture, expression);
        return (items, error);
    }

    /// <summary>
    /// Evaluates FHIRPath on a fixture's body. <c>ScriptFault</c> tells an expression that cannot be
    /// compiled (the script's mistake) from one the body cannot answer (no resource, another type: the server's).
    /// </summary>
    public (IReadOnlyList<FhirPathItem>? Items, string? Error, bool ScriptFault) EvaluateChecked(Fixture fixture, string expression)
    {
        if (fixture.Resource is null)
        {
            return (null, "the body is not a FHIR resource", false);
        }

        try
        {
            return (FhirPathEngine.Default.Evaluate(fixture.Resource, expression, PathContext), null, false);
        }
        catch (FhirPathSyntaxException exception)
        {
            return (null, $"the FHIRPath expression '{expression}' cannot be compiled: {exception.Message}", true);
        }
        catch (FhirPathEvaluationException exception)
        {
            return (null, $"the FHIRPath expression '{expression}' cannot be evaluated on this {fixture.Resource.InstanceType}: {exception.Message}", false);
        }
    }

    /// <summary>Evaluates an R4 <c>path</c>: a JSONPath over a plain JSON body, or the FHIRPath a simple path stands for.</summary>
    public (IReadOnlyList<string>? Values, string? Error) EvaluatePath(Fixture fixture, string path)
    {
        if (ScriptPaths.IsJsonPath(path))
        {
            var values = ScriptPaths.EvaluateJsonPath(fixture.Body, path);
            return values is null ? (null, $"the JSONPath '{path}' cannot be evaluated (supported: $.name, $.name[n], $.name[*]) or the body is not JSON") : (values, null);
        }

        var expression = ScriptPaths.ToFhirPath(path);
        return expression is null
            ? (null, $"path '{path}' is neither a FHIRPath-compatible simple path nor a JSONPath")
            : EvaluateExpression(fixture, expression);
    }

    // A complex value is compared as its canonical JSON.
    private string ItemText(FhirPathItem item) => item.Node switch
    {
        { Text: { } text } => text,
        { } node => Services.Kernel.JsonSerializer.Serialize(node),
        null => item.Value switch
        {
            bool b => b ? "true" : "false",
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            var other => other?.ToString() ?? string.Empty,
        },
    };

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Placeholder();
}
