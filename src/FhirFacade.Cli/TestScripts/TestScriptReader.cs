using FhirFacade.Cli.TestScripts.Definitions;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Cli.TestScripts;

/// <summary>
/// Turns the element tree of a <c>TestScript</c> into a <see cref="ScriptDefinition"/>. Every element the
/// runner does not act on is either descriptive (names, descriptions, metadata: nothing to check) or
/// recorded as unsupported where it sits (an action, or the script), so that it is reported when the
/// script runs, never passed over.
/// </summary>
internal static class TestScriptReader
{
    // Descriptive elements: they say what the script is, they ask nothing of the engine.
    private static readonly HashSet<string> ScriptElements =
    [
        "id", "meta", "implicitRules", "language", "text", "contained", "extension", "url", "identifier", "version", "name",
        "title", "status", "experimental", "date", "publisher", "contact", "description", "useContext", "jurisdiction",
        "purpose", "copyright", "metadata", "origin", "destination", "fixture", "profile", "variable", "setup", "test", "teardown",
    ];

    private static readonly HashSet<string> OperationElements =
    [
        "id", "extension", "type", "resource", "label", "description", "accept", "contentType", "destination", "encodeRequestUrl",
        "method", "params", "requestHeader", "requestId", "responseId", "sourceId", "targetId", "url",
    ];

    private static readonly HashSet<string> AssertElements =
    [
        "id", "extension", "label", "description", "direction", "compareToSourceId", "compareToSourceExpression", "compareToSourcePath",
        "contentType", "expression", "headerField", "minimumId", "navigationLinks", "operator", "path", "requestMethod", "requestURL",
        "resource", "response", "responseCode", "sourceId", "validateProfileId", "value", "warningOnly",
    ];

    /// <summary>Reads a parsed TestScript; <paramref name="parseIssues"/> are the reader's issues (unknown elements become unsupported).</summary>
    public static ScriptDefinition Read(ElementNode script, string sourceFile, IReadOnlyList<Issue> parseIssues)
    {
        var unsupported = new List<string>();
        var unknownByLocation = parseIssues.Where(i => i.Location is not null && i.Severity >= IssueSeverity.Warning).ToList();
        foreach (var child in script.Children.Where(c => !ScriptElements.Contains(c.Name)))
        {
            unsupported.Add(child.Location);
        }

        var destinations = script.ChildrenNamed("destination").Count();
        if (destinations > 1)
        {
            unsupported.Add("TestScript.destination (more than one server under test)");
        }

        var fixtures = new List<ScriptFixture>();
        foreach (var fixture in script.ChildrenNamed("fixture"))
        {
            var id = Text(fixture, "id") ?? $"fixture-{fixture.Index}";
            var autoCreate = Text(fixture, "autocreate") == "true";
            var autoDelete = Text(fixture, "autodelete") == "true";
            if (autoCreate)
            {
                unsupported.Add(fixture.Location + ".autocreate (the runner creates nothing on the server)");
            }

            if (autoDelete)
            {
                unsupported.Add(fixture.Location + ".autodelete (the runner deletes nothing on the server)");
            }

            fixtures.Add(new ScriptFixture(id, fixture.Child("resource")?.Child("reference")?.Text, autoCreate, autoDelete));
        }

        var profiles = script.ChildrenNamed("profile")
            .Select(p => new ScriptProfile(Text(p, "id") ?? string.Empty, p.Child("reference")?.Text ?? string.Empty))
            .ToList();

        var variables = script.ChildrenNamed("variable")
            .Select(v => new ScriptVariable(
                Text(v, "name") ?? string.Empty,
                Text(v, "defaultValue"),
                Text(v, "expression"),
                Text(v, "headerField"),
                Text(v, "path"),
                Text(v, "sourceId"),
                Text(v, "hint")))
            .ToList();

        var locationsOfProblems = unknownByLocation.Select(i => (i.Location!, i.Message)).ToList();
        foreach (var (location, message) in locationsOfProblems.Where(p => !IsInsideAction(p.Item1)))
        {
            unsupported.Add($"{location} ({message})");
        }

        var scriptNode = script;
        return new ScriptDefinition
        {
            SourceFile = sourceFile,
            Id = Text(script, "id") ?? Path.GetFileNameWithoutExtension(sourceFile),
            Name = Text(script, "title") ?? Text(script, "name") ?? Path.GetFileNameWithoutExtension(sourceFile),
            Url = Text(script, "url"),
            Fixtures = fixtures,
            Profiles = profiles,
            Variables = variables,
            Setup = Actions(scriptNode.Child("setup"), locationsOfProblems),
            Tests = scriptNode.ChildrenNamed("test")
                .Select(t => new ScriptTest(Text(t, "id"), Text(t, "name") ?? $"test {t.Index + 1}", Text(t, "description"), Actions(t, locationsOfProblems)))
                .ToList(),
            Teardown = Actions(scriptNode.Child("teardown"), locationsOfProblems),
            Unsupported = unsupported,
        };
    }

    private static List<ScriptAction> Actions(ElementNode? parent, List<(string Location, string Message)> problems)
    {
        if (parent is null)
        {
            return [];
        }

        var actions = new List<ScriptAction>();
        foreach (var action in parent.ChildrenNamed("action"))
        {
            var unsupported = new List<string>();
            unsupported.AddRange(problems
                .Where(p => p.Location.StartsWith(action.Location + ".", StringComparison.Ordinal) || p.Location == action.Location)
                .Select(p => $"{p.Location} ({p.Message})"));
            unsupported.AddRange(action.Descendants().Where(d => d.Name == "modifierExtension").Select(d => d.Location + " (modifier extension)"));

            var operationNode = action.Child("operation");
            var assertNode = action.Child("assert");
            ScriptOperation? operation = null;
            ScriptAssert? assertion = null;
            if (operationNode is not null)
            {
                unsupported.AddRange(operationNode.Children.Where(c => !OperationElements.Contains(c.Name) && c.Name != "modifierExtension").Select(c => c.Location));
                if (operationNode.Child("origin") is { } origin)
                {
                    unsupported.Add(origin.Location + " (the runner sends every request itself; it cannot wait for another client)");
                }

                operation = Operation(operationNode);
            }

            if (assertNode is not null)
            {
                unsupported.AddRange(assertNode.Children.Where(c => !AssertElements.Contains(c.Name) && c.Name != "modifierExtension").Select(c => c.Location));
                assertion = Assert(assertNode);
                if (assertion.Kind == "none")
                {
                    var extensions = assertNode.ChildrenNamed("extension").Select(e => $"{e.Location} ({Text(e, "url")})").ToList();
                    unsupported.Add(extensions.Count > 0
                        ? $"{string.Join(", ", extensions)}: an assertion defined by extension"
                        : assertNode.Location + " (no assertion element)");
                }
            }

            if (operation is null && assertion is null)
            {
                unsupported.Add(action.Location + " (neither operation nor assert)");
            }

            actions.Add(new ScriptAction(operation, assertion, unsupported));
        }

        return actions;
    }

    private static ScriptOperation Operation(ElementNode node) => new()
    {
        Type = node.Child("type")?.Child("code")?.Text,
        Resource = Text(node, "resource"),
        Label = Text(node, "label"),
        Description = Text(node, "description"),
        Accept = Text(node, "accept"),
        ContentType = Text(node, "contentType"),
        EncodeRequestUrl = Text(node, "encodeRequestUrl") != "false",
        Method = Text(node, "method"),
        Params = Text(node, "params"),
        RequestHeaders = node.ChildrenNamed("requestHeader")
            .Select(h => KeyValuePair.Create(Text(h, "field") ?? string.Empty, Text(h, "value") ?? string.Empty))
            .ToList(),
        RequestId = Text(node, "requestId"),
        ResponseId = Text(node, "responseId"),
        SourceId = Text(node, "sourceId"),
        TargetId = Text(node, "targetId"),
        Url = Text(node, "url"),
    };

    private static ScriptAssert Assert(ElementNode node) => new()
    {
        Label = Text(node, "label"),
        Description = Text(node, "description"),
        Direction = Text(node, "direction"),
        CompareToSourceId = Text(node, "compareToSourceId"),
        CompareToSourceExpression = Text(node, "compareToSourceExpression"),
        CompareToSourcePath = Text(node, "compareToSourcePath"),
        ContentType = Text(node, "contentType"),
        Expression = Text(node, "expression"),
        HeaderField = Text(node, "headerField"),
        MinimumId = Text(node, "minimumId"),
        NavigationLinks = Text(node, "navigationLinks") switch { "true" => true, "false" => false, _ => null },
        Operator = Text(node, "operator"),
        Path = Text(node, "path"),
        RequestMethod = Text(node, "requestMethod"),
        RequestUrl = Text(node, "requestURL"),
        Resource = Text(node, "resource"),
        Response = Text(node, "response"),
        ResponseCode = Text(node, "responseCode"),
        SourceId = Text(node, "sourceId"),
        ValidateProfileId = Text(node, "validateProfileId"),
        Value = Text(node, "value"),
        WarningOnly = Text(node, "warningOnly") == "true",
    };

    private static bool IsInsideAction(string location) => location.Contains(".action[", StringComparison.Ordinal);

    private static string? Text(ElementNode node, string name) => node.Child(name)?.Text;
}
