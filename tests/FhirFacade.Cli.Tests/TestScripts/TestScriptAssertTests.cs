using static FhirFacade.Cli.Tests.TestScripts.TestScriptHarness;

namespace FhirFacade.Cli.Tests.TestScripts;

/// <summary>Each assert element and operator of <c>testscript run</c>, against a scripted server, passing and failing.</summary>
[Trait("Category", "Unit")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The server and folder are disposed in IAsyncLifetime.DisposeAsync.")]
public sealed class TestScriptAssertTests : IAsyncLifetime
{
    private readonly ScriptedFhirServer _server = new();
    private readonly TestScriptHarness _harness = new();

    public static TheoryData<string, string, string> Asserts => new()
    {
        // name, assert body, expected result of the assert
        { "response okay", """ "response":"okay" """, "pass" },
        { "response notFound", """ "response":"notFound" """, "fail" },
        { "response notEquals", """ "response":"notFound","operator":"notEquals" """, "pass" },
        { "response unknown code", """ "response":"fine" """, "error" },
        { "responseCode", """ "responseCode":"200" """, "pass" },
        { "responseCode wrong", """ "responseCode":"201" """, "fail" },
        { "contentType short form", """ "contentType":"json" """, "pass" },
        { "contentType xml", """ "contentType":"xml" """, "fail" },
        { "resource", """ "resource":"Patient" """, "pass" },
        { "resource wrong", """ "resource":"Bundle" """, "fail" },
        { "headerField", """ "headerField":"ETag","value":"W/\"3\"" """, "pass" },
        { "headerField wrong", """ "headerField":"ETag","value":"W/\"4\"" """, "fail" },
        { "headerField missing, notEmpty", """ "headerField":"Last-Modified","operator":"notEmpty" """, "fail" },
        { "headerField without value", """ "headerField":"ETag" """, "error" },
        { "expression boolean", """ "expression":"Patient.gender = 'female'" """, "pass" },
        { "expression boolean false", """ "expression":"Patient.gender = 'male'" """, "fail" },
        { "expression value", """ "expression":"Patient.name.family","value":"Thornton" """, "pass" },
        { "expression value wrong", """ "expression":"Patient.name.family","value":"Smith" """, "fail" },
        { "expression eval", """ "expression":"Patient.birthDate < @2000-01-01","operator":"eval" """, "pass" },
        { "expression syntax error", """ "expression":"Patient.name.(" """, "error" },
        { "expression for another type", """ "expression":"Bundle.total","value":"1" """, "fail" },
        { "path dotted", """ "path":"Patient.identifier[0].value","value":"9990000018" """, "pass" },
        { "path XPath", """ "path":"fhir:Patient/fhir:name/fhir:family/@value","value":"Thornton" """, "pass" },
        { "path XPath wrong", """ "path":"fhir:Patient/fhir:name/fhir:family/@value","value":"Smith" """, "fail" },
        { "path not FHIRPath-compatible", """ "path":"//fhir:family[contains(@value,'T')]","value":"x" """, "skip" },
        { "path JSONPath", """ "path":"$.name[0].given[0]","value":"Alice" """, "pass" },
        { "compareToSourceId equals", """ "expression":"Patient.id","compareToSourceId":"first","compareToSourceExpression":"Patient.id" """, "pass" },
        { "compareToSourceId differs", """ "expression":"Patient.gender","compareToSourceId":"first","compareToSourceExpression":"Patient.id" """, "fail" },
        { "compareToSourceId notEquals", """ "expression":"Patient.gender","operator":"notEquals","compareToSourceId":"first","compareToSourceExpression":"Patient.id" """, "pass" },
        { "compareToSourcePath", """ "path":"Patient.id","compareToSourceId":"first","compareToSourcePath":"Patient.id" """, "pass" },
        { "minimumId", """ "minimumId":"minimum" """, "pass" },
        { "minimumId missing element", """ "minimumId":"more" """, "fail" },
        { "navigationLinks on a Patient", """ "navigationLinks":true """, "fail" },
        { "validateProfileId", """ "validateProfileId":"patient" """, "pass" },
        { "validateProfileId wrong type", """ "validateProfileId":"bundle" """, "fail" },
        { "validateProfileId unknown id", """ "validateProfileId":"nothing" """, "error" },
        { "requestMethod", """ "requestMethod":"get" """, "pass" },
        { "requestMethod wrong", """ "requestMethod":"post" """, "fail" },
        { "requestURL contains", """ "requestURL":"/Patient/p1","operator":"contains" """, "pass" },
        { "direction request headerField", """ "direction":"request","headerField":"Accept","value":"application/fhir+json" """, "pass" },
        { "direction request with response", """ "direction":"request","response":"okay" """, "error" },
        { "sourceId of an earlier response", """ "sourceId":"first","resource":"Patient" """, "pass" },
        { "sourceId unknown", """ "sourceId":"nope","resource":"Patient" """, "error" },
        { "warningOnly failure", """ "responseCode":"500","warningOnly":true """, "warning" },
        { "unknown operator", """ "responseCode":"200","operator":"roughly" """, "error" },
    };

    public static TheoryData<string, string, string, string> Operators => new()
    {
        // operator, headerField value (the server sends X-Count: 42), assert value, expected result
        { "equals", "X-Count", "42", "pass" },
        { "equals", "X-Count", "41", "fail" },
        { "notEquals", "X-Count", "41", "pass" },
        { "notEquals", "X-Count", "42", "fail" },
        { "in", "X-Count", "1,42,7", "pass" },
        { "in", "X-Count", "1,7", "fail" },
        { "notIn", "X-Count", "1,7", "pass" },
        { "notIn", "X-Count", "7,42", "fail" },
        { "greaterThan", "X-Count", "9", "pass" },
        { "greaterThan", "X-Count", "100", "fail" },
        { "lessThan", "X-Count", "100", "pass" },
        { "lessThan", "X-Count", "9", "fail" },
        { "empty", "X-Absent", "", "pass" },
        { "empty", "X-Count", "", "fail" },
        { "notEmpty", "X-Count", "", "pass" },
        { "notEmpty", "X-Absent", "", "fail" },
        { "contains", "X-Count", "4", "pass" },
        { "contains", "X-Count", "5", "fail" },
        { "notContains", "X-Count", "5", "pass" },
        { "notContains", "X-Count", "4", "fail" },
    };

    public Task InitializeAsync()
    {
        _server.On("GET", "/Patient/p1", new CannedResponse(200, PatientJson)
        {
            Headers = new Dictionary<string, string> { ["ETag"] = "W/\"3\"", ["X-Count"] = "42" },
        });
        _harness.Write("minimum.json", """{"resourceType":"Patient","id":"other","name":[{"family":"Thornton"}],"gender":"female"}""");
        _harness.Write("more.json", """{"resourceType":"Patient","name":[{"family":"Thornton"}],"gender":"female","deceasedBoolean":true}""");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _harness.Dispose();
    }

    [Theory]
    [MemberData(nameof(Asserts))]
    public async Task Assert_OnPatientRead_GivesExpectedResult(string name, string assertion, string expected)
    {
        _harness.Write("script.json", OneTest(
            Read("Patient", "/p1", "\"responseId\":\"first\",") + "," + Read("Patient", "/p1", "\"accept\":\"json\",") + "," + Assert(assertion),
            """
            "fixture":[{"id":"minimum","autocreate":false,"autodelete":false,"resource":{"reference":"minimum.json"}},
                       {"id":"more","autocreate":false,"autodelete":false,"resource":{"reference":"more"}}],
            "profile":[{"id":"patient","reference":"http://hl7.org/fhir/StructureDefinition/Patient"},
                       {"id":"bundle","reference":"http://hl7.org/fhir/StructureDefinition/Bundle"}],
            """));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal(["operation:pass", "operation:pass", $"assert:{expected}"], because: $"{name}: {run.Output}{run.Error}");
    }

    [Theory]
    [MemberData(nameof(Operators))]
    public async Task Operator_OnHeaderField_GivesExpectedResult(string op, string header, string value, string expected)
    {
        var valueElement = value.Length == 0 ? string.Empty : $",\"value\":\"{value}\"";
        _harness.Write("script.json", OneTest(Read("Patient", "/p1") + "," + Assert($"\"headerField\":\"{header}\",\"operator\":\"{op}\"{valueElement}")));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal(["operation:pass", $"assert:{expected}"], because: run.Output);
    }

    [Fact]
    public async Task NavigationLinks_OnBundleWithFirstNextLast_Passes()
    {
        _server.On("GET", "/Patient", CannedResponse.Json(BundleJson));
        _harness.Write("script.json", OneTest(
            Op(""" "type":{"code":"search"},"resource":"Patient","params":"?name=x" """) + "," + Assert(""" "navigationLinks":true """)));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal("operation:pass", "assert:pass");
    }

    [Fact]
    public async Task NavigationLinks_OnBundleWithoutLast_FailsNamingIt()
    {
        _server.On("GET", "/Patient", CannedResponse.Json(BundleJson.Replace("\"last\"", "\"previous\"", StringComparison.Ordinal)));
        _harness.Write("script.json", OneTest(
            Op(""" "type":{"code":"search"},"resource":"Patient","params":"?name=x" """) + "," + Assert(""" "navigationLinks":true """)));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal("operation:pass", "assert:fail");
        run.Message(1).Should().Contain("no last link");
    }

    [Fact]
    public async Task Expression_OnSearchBundle_ComparesTotalWithEntries()
    {
        _server.On("GET", "/Patient", CannedResponse.Json(BundleJson));
        _harness.Write("script.json", OneTest(
            Op(""" "type":{"code":"search"},"resource":"Patient","params":"?name=x" """)
            + "," + Assert(""" "expression":"Bundle.total.toInteger() >= entry.count()" """)
            + "," + Assert(""" "expression":"Bundle.entry.count()","operator":"greaterThan","value":"1" """)));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal("operation:pass", "assert:pass", "assert:pass");
    }
}
