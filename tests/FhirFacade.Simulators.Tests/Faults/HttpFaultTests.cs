using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using FhirFacade.Simulators.Emis;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.Tpp;

namespace FhirFacade.Simulators.Tests.Faults;

[Trait("Category", "Integration")]
public sealed class HttpFaultTests : IAsyncLifetime
{
    private const string Patient = "9990000018";
    private const string OtherEmisPatient = "9990000123";
    private EmisSimulator _emis = null!;

    public async Task InitializeAsync() =>
        _emis = await EmisSimulator.StartAsync(new EmisSimulatorOptions { MaxHang = TimeSpan.FromMilliseconds(500) }, TestTimeout.Token());

    public async Task DisposeAsync() => await _emis.DisposeAsync();

    [Fact]
    public async Task ErrorStatus_Set_AnswersWithStatusAndNativeErrorBody()
    {
        _emis.Faults.Set(FaultSpec.Error(503));
        using var client = Client();

        using var response = await client.GetAsync($"api/patients/{Patient}/record", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Value.Should().Contain("SERVICE_UNAVAILABLE");
    }

    [Fact]
    public async Task ErrorStatus_ScopedToOnePatient_LeavesOthersAlone()
    {
        _emis.Faults.Set(FaultSpec.Error(500, Patient));
        using var client = Client();

        using var faulted = await client.GetAsync($"api/patients/{Patient}", TestTimeout.Token());
        using var other = await client.GetAsync($"api/patients/{OtherEmisPatient}", TestTimeout.Token());

        faulted.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        other.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Latency_LongerThanTheClientWaits_MakesTheClientGiveUp()
    {
        _emis.Faults.Set(FaultSpec.Latency(10_000));
        using var client = Client();
        client.Timeout = TimeSpan.FromMilliseconds(300);

        var act = () => client.GetAsync($"api/patients/{Patient}", TestTimeout.Token());

        await act.Should().ThrowAsync<TaskCanceledException>();
    }

    [Fact]
    public async Task Latency_Cleared_AnswersNormally()
    {
        _emis.Faults.Set(FaultSpec.Latency(10_000));
        _emis.Faults.Clear();
        using var client = Client();
        client.Timeout = TimeSpan.FromSeconds(5);

        using var response = await client.GetAsync($"api/patients/{Patient}", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Hang_NeverAnswers_AndDropsTheConnectionAfterMaxHang()
    {
        _emis.Faults.Set(FaultSpec.Of(FaultKind.Hang));
        using var client = Client();

        var act = () => client.GetAsync($"api/patients/{Patient}", TestTimeout.Token(10));

        await act.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task Hang_OnShutdown_IsCancelled()
    {
        await using var simulator = await EmisSimulator.StartAsync(new EmisSimulatorOptions { MaxHang = TimeSpan.FromMinutes(5) }, TestTimeout.Token());
        simulator.Faults.Set(FaultSpec.Of(FaultKind.Hang));
        using var client = new HttpClient { BaseAddress = simulator.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", simulator.ApiKey);
        var pending = client.GetAsync($"api/patients/{Patient}", TestTimeout.Token(15));

        await simulator.DisposeAsync();
        var act = () => pending;

        await act.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task ConnectionRefused_StopsListeningUntilCleared()
    {
        var address = _emis.BaseAddress;
        await _emis.ApplyFaultAsync(FaultSpec.Of(FaultKind.ConnectionRefused), TestTimeout.Token());
        using var client = Client();

        var refused = () => client.GetAsync($"api/patients/{Patient}", TestTimeout.Token());
        (await refused.Should().ThrowAsync<HttpRequestException>()).Which.InnerException.Should().BeOfType<SocketException>()
            .Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        _emis.IsListening.Should().BeFalse();

        await _emis.ClearFaultsAsync(TestTimeout.Token());
        using var response = await client.GetAsync($"api/patients/{Patient}", TestTimeout.Token());
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _emis.BaseAddress.Should().Be(address);
    }

    [Fact]
    public async Task MalformedPayload_Set_ReturnsATruncatedDocument()
    {
        _emis.Faults.Set(FaultSpec.Of(FaultKind.MalformedPayload));
        using var client = Client();

        using var response = await client.GetAsync($"api/patients/{Patient}/record", TestTimeout.Token());
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var parse = () => XDocument.Parse(body);
        parse.Should().Throw<XmlException>();
    }

    [Fact]
    public async Task WrongPatient_Set_ReturnsAnotherPatientsRecord()
    {
        _emis.Faults.Set(FaultSpec.Of(FaultKind.WrongPatient, Patient));
        using var client = Client();

        var xml = await client.GetStringAsync($"api/patients/{Patient}/record", TestTimeout.Token());

        XNamespace ns = "urn:fhirfacade:sim:emis:openhr-lite:1";
        XDocument.Parse(xml).Root!.Element(ns + "Patient")!.Element(ns + "NhsNumber")!.Value.Should().NotBe(Patient).And.HaveLength(10);
    }

    [Fact]
    public async Task WrongPatient_NamingARestrictedDemoPatient_ReturnsThatPatientsRecordWithItsFlagsAtTheOrganisationAsked()
    {
        const string sensitiveAtTpp = "9990000077";
        _emis.Faults.Set(FaultSpec.WrongPatient(Patient, sensitiveAtTpp));
        using var client = Client();

        var xml = await client.GetStringAsync($"api/patients/{Patient}/record", TestTimeout.Token());

        XNamespace ns = "urn:fhirfacade:sim:emis:openhr-lite:1";
        var root = XDocument.Parse(xml).Root!;
        var patient = root.Element(ns + "Patient")!;
        patient.Element(ns + "NhsNumber")!.Value.Should().Be(sensitiveAtTpp);
        patient.Element(ns + "SharingFlags")!.Attribute("sensitive")!.Value.Should().Be("true");
        root.Element(ns + "Organisation")!.Attribute("odsCode")!.Value.Should().Be("A81001");
    }

    [Fact]
    public async Task StandIn_NamingTheDissentingDemoPatient_ReturnsTheirFlagsAndEventsUnderTheAskedPatientsNumber()
    {
        const string dissenting = "9990000069";
        _emis.Faults.Set(FaultSpec.StandIn(Patient, dissenting));
        using var client = Client();

        var xml = await client.GetStringAsync($"api/patients/{Patient}/record", TestTimeout.Token());

        XNamespace ns = "urn:fhirfacade:sim:emis:openhr-lite:1";
        var root = XDocument.Parse(xml).Root!;
        var patient = root.Element(ns + "Patient")!;
        patient.Element(ns + "NhsNumber")!.Value.Should().Be(Patient);
        patient.Element(ns + "Name")!.Element(ns + "Family")!.Value.Should().Be("Thornton");
        patient.Element(ns + "SharingFlags")!.Attribute("dissent")!.Value.Should().Be("true");
        root.Element(ns + "Organisation")!.Attribute("odsCode")!.Value.Should().Be("A81001");
    }

    [Fact]
    public async Task StandIn_NamingTheBrokenDataDemoPatient_ServesItsDefectsInEmisXml()
    {
        const string brokenData = "9990000107";
        _emis.Faults.Set(FaultSpec.StandIn(Patient, brokenData));
        using var client = Client();

        var xml = await client.GetStringAsync($"api/patients/{Patient}/record?sections=medications", TestTimeout.Token());

        XNamespace ns = "urn:fhirfacade:sim:emis:openhr-lite:1";
        var medications = XDocument.Parse(xml).Root!.Element(ns + "Events")!.Elements(ns + "Medication").ToList();
        medications.Should().Contain(m => m.Element(ns + "Drug")!.Attribute("code") == null);
        medications.Should().Contain(m => m.Element(ns + "StartDate")!.Value.EndsWith("-02-30", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdminEndpoint_StandInWithAnswerWith_IsSetAndListed()
    {
        using var client = new HttpClient { BaseAddress = _emis.BaseAddress };

        using var posted = await client.PostAsJsonAsync("_admin/faults", new { kind = "stand-in-record", nhsNumber = Patient, answerWith = "9990000085" }, TestTimeout.Token());
        var listed = JsonNode.Parse(await client.GetStringAsync("_admin/faults", TestTimeout.Token()))!;

        posted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        listed["faults"]![0]!["answerWith"]!.GetValue<string>().Should().Be("9990000085");
        _emis.Faults.Active.Should().ContainSingle().Which.Should().Be(FaultSpec.StandIn(Patient, "9990000085"));
    }

    [Fact]
    public async Task AdminEndpoint_PostListDelete_ControlsTheFaults()
    {
        using var client = new HttpClient { BaseAddress = _emis.BaseAddress };

        using var posted = await client.PostAsJsonAsync("_admin/faults", new { kind = "error-status", nhsNumber = Patient, statusCode = 503 }, TestTimeout.Token());
        var listed = JsonNode.Parse(await client.GetStringAsync("_admin/faults", TestTimeout.Token()))!;
        using var deleted = await client.DeleteAsync("_admin/faults", TestTimeout.Token());

        posted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        listed["faults"]![0]!["kind"]!.GetValue<string>().Should().Be("error-status");
        listed["faults"]![0]!["statusCode"]!.GetValue<int>().Should().Be(503);
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        _emis.Faults.Active.Should().BeEmpty();
    }

    [Fact]
    public async Task AdminEndpoint_UnknownKind_Returns400()
    {
        using var client = new HttpClient { BaseAddress = _emis.BaseAddress };

        using var response = await client.PostAsJsonAsync("_admin/faults", new { kind = "gremlins" }, TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AdminEndpoint_ConnectionRefused_StopsTheListener()
    {
        using var client = new HttpClient { BaseAddress = _emis.BaseAddress };

        using var response = await client.PostAsJsonAsync("_admin/faults", new { kind = "connection-refused" }, TestTimeout.Token());
        for (var i = 0; i < 100 && _emis.IsListening; i++)
        {
            await Task.Delay(50, TestTimeout.Token());
        }

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        _emis.IsListening.Should().BeFalse();
    }

    [Fact]
    public async Task Tpp_ErrorStatusScopedByBodyNhsNumber_AppliesToThatQueryOnly()
    {
        await using var tpp = await TppSimulator.StartAsync(new TppSimulatorOptions(), TestTimeout.Token());
        tpp.Faults.Set(FaultSpec.Error(503, "9990000026"));
        using var client = new HttpClient { BaseAddress = tpp.BaseAddress };
        client.DefaultRequestHeaders.Add("X-TPP-Api-Key", tpp.ApiKey);

        using var faulted = await client.PostAsJsonAsync("api/v2/query", new { queryType = "PatientRecord", nhsNumber = "9990000026" }, TestTimeout.Token());
        using var other = await client.PostAsJsonAsync("api/v2/query", new { queryType = "PatientRecord", nhsNumber = "9990000131" }, TestTimeout.Token());

        faulted.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        other.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Tpp_WrongPatient_ReturnsAnotherPatient()
    {
        await using var tpp = await TppSimulator.StartAsync(new TppSimulatorOptions(), TestTimeout.Token());
        tpp.Faults.Set(FaultSpec.Of(FaultKind.WrongPatient));
        using var client = new HttpClient { BaseAddress = tpp.BaseAddress };
        client.DefaultRequestHeaders.Add("X-TPP-Api-Key", tpp.ApiKey);

        using var response = await client.PostAsJsonAsync("api/v2/query", new { queryType = "PatientRecord", nhsNumber = "9990000026" }, TestTimeout.Token());

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["records"]![0]!["patient"]!["nhsNumber"]!.GetValue<string>().Should().NotBe("9990000026");
    }

    private HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = _emis.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", _emis.ApiKey);
        return client;
    }
}
