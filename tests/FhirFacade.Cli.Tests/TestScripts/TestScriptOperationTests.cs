using static FhirFacade.Cli.Tests.TestScripts.TestScriptHarness;

namespace FhirFacade.Cli.Tests.TestScripts;

/// <summary>How <c>testscript run</c> builds requests: operation types, url/params/targetId, headers, bodies, variables and fixtures.</summary>
[Trait("Category", "Unit")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The server and folder are disposed in IAsyncLifetime.DisposeAsync.")]
public sealed class TestScriptOperationTests : IAsyncLifetime
{
    private readonly ScriptedFhirServer _server = new();
    private readonly TestScriptHarness _harness = new();

    public static TheoryData<string, string, string> OperationForms => new()
    {
        // operation body, expected method, expected path and query (after /fhir)
        { """ "type":{"code":"read"},"resource":"Patient","params":"/p1" """, "GET", "/Patient/p1" },
        { """ "type":{"code":"vread"},"targetId":"stored" """, "GET", "/Patient/p1/_history/3" },
        { """ "type":{"code":"read"},"targetId":"stored" """, "GET", "/Patient/p1" },
        { """ "type":{"code":"history"},"targetId":"stored" """, "GET", "/Patient/p1/_history" },
        { """ "type":{"code":"history"},"resource":"Patient" """, "GET", "/Patient/_history" },
        { """ "type":{"code":"search"},"resource":"Patient","params":"?family=Thornton&gender=female" """, "GET", "/Patient?family=Thornton&gender=female" },
        { """ "type":{"code":"search"},"resource":"Patient" """, "GET", "/Patient" },
        { """ "type":{"code":"capabilities"} """, "GET", "/metadata" },
        { """ "type":{"code":"capabilities"},"params":"?mode=terse" """, "GET", "/metadata?mode=terse" },
        { """ "type":{"code":"search"},"resource":"Patient","method":"post","params":"?family=Thornton" """, "POST", "/Patient/_search" },
        { """ "method":"delete","url":"Patient/p1" """, "DELETE", "/Patient/p1" },
        { """ "method":"head","url":"/Patient/p1" """, "HEAD", "/Patient/p1" },
        { """ "type":{"code":"everything"},"resource":"Patient","params":"/p1/$everything" """, "GET", "/Patient/p1/$everything" },
        { """ "type":{"code":"create"},"resource":"Patient","sourceId":"stored" """, "POST", "/Patient" },
        { """ "type":{"code":"update"},"resource":"Patient","params":"/p1","sourceId":"stored" """, "PUT", "/Patient/p1" },
        { """ "type":{"code":"search"},"resource":"Patient","params":"?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018" """, "GET", "/Patient?identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number%7C9990000018" },
    };

    public Task InitializeAsync()
    {
        _server.On("GET", "/Patient/p1", new CannedResponse(200, PatientJson) { Headers = new Dictionary<string, string> { ["Content-Location"] = "Patient/p1", ["ETag"] = "W/\"3\"" } });
        _server.On("GET", "/Patient", CannedResponse.Json(BundleJson));
        _harness.Write("stored.json", PatientJson);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _harness.Dispose();
    }

    private const string StoredFixture = """ "fixture":[{"id":"stored","autocreate":false,"autodelete":false,"resource":{"reference":"stored.json"}}], """;

    [Theory]
    [MemberData(nameof(OperationForms))]
    public async Task Operation_Form_SendsExpectedRequest(string operation, string method, string pathAndQuery)
    {
        _harness.Write("script.json", OneTest(Op(operation), StoredFixture));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal(["operation:pass"], because: run.Output + run.Error);
        var request = _server.Requests.Should().ContainSingle().Subject;
        (request.Method, request.PathAndQuery).Should().Be((method, pathAndQuery));
    }

    [Fact]
    public async Task PostSearch_SendsParametersAsFormBody()
    {
        _harness.Write("script.json", OneTest(Op(""" "type":{"code":"search"},"resource":"Patient","method":"post","params":"?family=Thornton&birthdate=1960" """)));

        await _harness.RunAsync(_server.BaseUrl);

        var request = _server.Requests.Should().ContainSingle().Subject;
        request.Body.Should().Be("family=Thornton&birthdate=1960");
        request.Headers["Content-Type"].Should().StartWith("application/x-www-form-urlencoded");
    }

    [Fact]
    public async Task Create_SendsFixtureAsBodyInContentTypeFormat()
    {
        _harness.Write("script.json", OneTest(Op(""" "type":{"code":"create"},"resource":"Patient","contentType":"xml","sourceId":"stored" """), StoredFixture));

        await _harness.RunAsync(_server.BaseUrl);

        var request = _server.Requests.Should().ContainSingle().Subject;
        request.Headers["Content-Type"].Should().StartWith("application/fhir+xml");
        request.Body.Should().Contain("<Patient xmlns=\"http://hl7.org/fhir\">").And.Contain("<family value=\"Thornton\" />");
    }

    [Fact]
    public async Task EncodeRequestUrlFalse_SendsQueryAsWritten()
    {
        _harness.Write("script.json", OneTest(Op(""" "type":{"code":"search"},"resource":"Patient","encodeRequestUrl":false,"params":"?code=http://snomed.info/sct,x&_count=1" """)));

        var run = await _harness.RunAsync(_server.BaseUrl);

        _server.Requests.Should().ContainSingle(run.Output).Which.PathAndQuery.Should().Be("/Patient?code=http://snomed.info/sct,x&_count=1");
    }

    [Fact]
    public async Task AcceptAndContentTypeShortForms_BecomeFhirMediaTypes()
    {
        _harness.Write("script.json", OneTest(Op(""" "type":{"code":"read"},"resource":"Patient","params":"/p1","accept":"xml" """)));

        await _harness.RunAsync(_server.BaseUrl);

        _server.Requests.Should().ContainSingle().Which.Headers["Accept"].Should().Be("application/fhir+xml");
    }

    [Fact]
    public async Task ExtraHeader_IsSentOnEveryRequest_AndRequestHeaderWins()
    {
        _harness.Write("script.json", OneTest(
            Read("Patient", "/p1") + "," + Read("Patient", "/p1", """ "requestHeader":[{"field":"Authorization","value":"Bearer other"},{"field":"If-None-Match","value":"W/\"3\""}], """)));

        await _harness.RunAsync(_server.BaseUrl, configure: o => o with { Headers = ["Authorization: Bearer secret-token", "X-Tester: me"] });

        var requests = _server.Requests.ToList();
        requests.Should().HaveCount(2);
        requests[0].Headers["Authorization"].Should().Be("Bearer secret-token");
        requests[0].Headers["X-Tester"].Should().Be("me");
        requests[1].Headers["Authorization"].Should().Be("Bearer other");
        requests[1].Headers["If-None-Match"].Should().Be("W/\"3\"");
        requests[1].Headers["X-Tester"].Should().Be("me");
    }

    [Fact]
    public async Task Variables_FromDefaultExpressionHeaderAndPath_AreSubstituted()
    {
        _harness.Write("script.json", OneTest(
            Op(""" "type":{"code":"search"},"resource":"Patient","params":"?family=${family}","responseId":"found" """)
            + "," + Read("Patient", "/${fromExpression}", "\"responseId\":\"read\",")
            + "," + Op(""" "method":"get","url":"${fromHeader}?v=${fromPath}" """)
            + "," + Assert(""" "expression":"Patient.name.family","value":"${family}" """),
            """
            "variable":[{"name":"family","defaultValue":"Thornton"},
                        {"name":"fromExpression","expression":"Bundle.entry[0].resource.id","sourceId":"found"},
                        {"name":"fromHeader","headerField":"Content-Location","sourceId":"read"},
                        {"name":"fromPath","path":"Patient.meta.versionId","sourceId":"read"}],
            """));

        var run = await _harness.RunAsync(_server.BaseUrl);

        _server.Requests.Select(r => r.PathAndQuery).Should().Equal("/Patient?family=Thornton", "/Patient/p1", "/Patient/p1?v=3");
        run.TestActions().Should().Equal("operation:pass", "operation:pass", "operation:pass", "assert:pass");
    }

    [Fact]
    public async Task VariableOverride_WinsOverDefaultValue()
    {
        _harness.Write("script.json", OneTest(Read("Patient", "/${id}"), """ "variable":[{"name":"id","defaultValue":"example"}], """));

        await _harness.RunAsync(_server.BaseUrl, configure: o => o with { Variables = ["id=p1"] });

        _server.Requests.Should().ContainSingle().Which.PathAndQuery.Should().Be("/Patient/p1");
    }

    [Fact]
    public async Task VariableWithoutValue_IsAnOperationErrorNamingIt_AndSkipsTheAssertsAfterIt()
    {
        _harness.Write("script.json", OneTest(
            Read("Patient", "/${KnownId}") + "," + Assert(""" "response":"okay" """),
            """ "variable":[{"name":"KnownId","hint":"[resource.id]"}], """));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal("operation:error", "assert:skip");
        run.Message(0).Should().Contain("variable KnownId has no value").And.Contain("--variable KnownId=VALUE");
        run.ExitCode.Should().Be(1);
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task ResponseIdFixture_CanBeAssertedAfterLaterOperations()
    {
        _harness.Write("script.json", OneTest(
            Read("Patient", "/p1", "\"responseId\":\"patient\",")
            + "," + Op(""" "type":{"code":"search"},"resource":"Patient","params":"?x=1" """)
            + "," + Assert(""" "sourceId":"patient","headerField":"ETag","value":"W/\"3\"" """)
            + "," + Assert(""" "resource":"Bundle" """)));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal("operation:pass", "operation:pass", "assert:pass", "assert:pass");
    }

    [Fact]
    public async Task XmlFixture_IsReadAndUsable()
    {
        _harness.Write("patient.xml", """<Patient xmlns="http://hl7.org/fhir"><id value="p1"/><meta><versionId value="3"/></meta><gender value="female"/></Patient>""");
        _harness.Write("script.json", OneTest(
            Op(""" "type":{"code":"read"},"targetId":"xmlPatient" """) + "," + Assert(""" "minimumId":"xmlPatient" """),
            """ "fixture":[{"id":"xmlPatient","autocreate":false,"autodelete":false,"resource":{"reference":"patient.xml"}}], """));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.TestActions().Should().Equal("operation:pass", "assert:pass");
        _server.Requests.Should().ContainSingle().Which.PathAndQuery.Should().Be("/Patient/p1");
    }

    [Fact]
    public async Task MissingFixtureFile_IsASetupErrorNamingIt()
    {
        _harness.Write("script.json", OneTest(Read("Patient", "/p1"), """ "fixture":[{"id":"gone","autocreate":false,"autodelete":false,"resource":{"reference":"nowhere.json"}}], """));

        var run = await _harness.RunAsync(_server.BaseUrl);

        run.ExitCode.Should().Be(1);
        run.Output.Should().Contain("fixture gone").And.Contain("nowhere.json");
        run.TestActions().Should().Equal("operation:skip");
    }

    [Fact]
    public async Task UnreachableServer_IsAnOperationError()
    {
        _harness.Write("script.json", OneTest(Read("Patient", "/p1") + "," + Assert(""" "response":"okay" """)));
        var deadBase = _server.BaseUrl;
        await _server.DisposeAsync();

        var run = await _harness.RunAsync(deadBase);

        run.TestActions().Should().Equal("operation:error", "assert:skip");
        run.ExitCode.Should().Be(1);
    }
}
