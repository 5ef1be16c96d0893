using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Xml;
using FhirFacade.Fhir.Validation;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.World;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Server.IntegrationTests;

/// <summary>
/// The facade reading INPS Vision practices (C83001, C83002) over the real Vision simulator (HL7 v2.5 over MLLP):
/// read and search of every type in JSON and XML, UK Core conformance of the Vision demo records, and Vision's
/// faults shown as partial results or OperationOutcomes (the hang on a facade whose supplier calls give up quickly).
/// </summary>
[Trait("Category", "Integration")]
public sealed class VisionTests(FacadeServerFactory factory, ShortTimeoutFacadeServerFactory faulty)
    : IClassFixture<FacadeServerFactory>, IClassFixture<ShortTimeoutFacadeServerFactory>
{
    private const string Rich = "9990000034";
    private const string NoKnownAllergies = "9990000115";
    private const string AllFour = "9990000050";
    private const string XmlContentType = "application/fhir+xml; charset=utf-8";

    private static readonly Lazy<FhirValidator> Validator = new(() => FhirValidation.CreateValidator(FhirKernel.Default.Packages, FhirKernel.Default.Model));
    private static readonly Lazy<IReadOnlyList<string>> GeneratedVision = new(FindGeneratedVision);

    public static TheoryData<string, string> Searches => new()
    {
        { "Patient", "Patient?identifier=" + FhirHttp.Nhs + Rich },
        { "Condition", "Condition?patient.identifier=" + FhirHttp.Nhs + Rich },
        { "AllergyIntolerance", "AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + Rich },
        { "MedicationStatement", "MedicationStatement?patient.identifier=" + FhirHttp.Nhs + Rich },
    };

    public static TheoryData<string, string> DemoRecords
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var nhs in new[] { Rich, NoKnownAllergies })
            {
                data.Add(nhs, "Patient?identifier=" + FhirHttp.Nhs + nhs);
                data.Add(nhs, "Condition?patient.identifier=" + FhirHttp.Nhs + nhs);
                data.Add(nhs, "AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + nhs);
                data.Add(nhs, "MedicationStatement?patient.identifier=" + FhirHttp.Nhs + nhs + "&_include=MedicationStatement:medication");
            }

            return data;
        }
    }

    public static TheoryData<int, FaultKind> Faults => new()
    {
        { 0, FaultKind.ErrorStatus },
        { 1, FaultKind.Hl7Nak },
        { 2, FaultKind.MalformedPayload },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task Search_VisionPractice_ReturnsVisionResourcesThatReadBackTheSame(string type, string search)
    {
        var client = factory.CreateClient();

        var response = await client.FhirGetAsync("/fhir/" + search);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.ContentType.Should().Be(FhirHttp.JsonContentType);
        var entries = response.Entries();
        entries.Should().NotBeEmpty();
        foreach (var resource in entries)
        {
            resource["resourceType"]!.GetValue<string>().Should().Be(type);
            resource["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:vision:C83001");
            var read = await client.FhirGetAsync($"/fhir/{type}/{resource["id"]!.GetValue<string>()}");
            read.Status.Should().Be(HttpStatusCode.OK);
            JsonNode.DeepEquals(RetrievalTime.Without(read.Body!), RetrievalTime.Without(resource)).Should().BeTrue("a read retrieves the record again: only meta.lastUpdated, the retrieval time, may differ");
        }
    }

    [Fact]
    public async Task Search_MedicationStatementWithInclude_ReturnsReadableMedications()
    {
        var client = factory.CreateClient();

        var response = await client.FhirGetAsync("/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + Rich + "&_include=MedicationStatement:medication");

        var included = response.Entries("include");
        included.Should().NotBeEmpty().And.OnlyContain(m => m["resourceType"]!.GetValue<string>() == "Medication");
        var read = await client.FhirGetAsync("/fhir/Medication/" + included[0]["id"]!.GetValue<string>());
        JsonNode.DeepEquals(RetrievalTime.Without(read.Body!), RetrievalTime.Without(included[0])).Should().BeTrue();
    }

    [Fact]
    public async Task Search_Condition_CarriesReadV2AndSnomedAndTheUnescapedNote()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + Rich);

        var asthma = response.Entries().Single(c => c["code"]!["coding"]![0]!["code"]!.GetValue<string>() == "H33..");
        asthma["code"]!["coding"]![1]!["system"]!.GetValue<string>().Should().Be("http://snomed.info/sct");
        asthma["note"]![0]!["text"]!.GetValue<string>().Should().Contain("350|400").And.Contain("cats & dogs ^ pollen ~ exercise \\ cold air");
    }

    [Fact]
    public async Task Search_NoKnownAllergiesPatient_ReturnsTheNkaEntry()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + NoKnownAllergies);

        response.Status.Should().Be(HttpStatusCode.OK);
        var entry = response.Entries().Should().ContainSingle().Subject;
        entry["code"]!["coding"]![0]!["code"]!.GetValue<string>().Should().Be("716186003");
        entry["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:vision:C83002");
    }

    [Fact]
    public async Task Search_PatientSpanningAllFourSuppliers_IncludesVisionBesideTheOthers()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + AllFour);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Select(e => e["meta"]!["source"]!.GetValue<string>().Split(':')[3]).Distinct().Should()
            .Contain(["emis", "tpp", "vision", "microtest"]);
    }

    [Fact]
    public async Task Read_PractitionerAndOrganizationOfTheVisionPatient_ConformToUkCore()
    {
        var client = factory.CreateClient();
        var patient = (await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + Rich)).Entries().Single();
        var references = patient["generalPractitioner"]!.AsArray().Select(r => r!["reference"]!.GetValue<string>()).ToList();

        references.Should().Contain(r => r.StartsWith("Organization/", StringComparison.Ordinal)).And.Contain(r => r.StartsWith("Practitioner/", StringComparison.Ordinal));
        foreach (var reference in references)
        {
            var read = await client.FhirGetAsync("/fhir/" + reference);
            read.Status.Should().Be(HttpStatusCode.OK, reference);
            var parsed = FhirKernel.Default.JsonParser.Parse(read.Body!.ToJsonString());
            Validator.Value.Validate(parsed.Root!).Errors.Select(e => e.ToString()).Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("Patient?identifier=" + FhirHttp.Nhs + Rich, "application/fhir+xml")]
    [InlineData("Condition?patient.identifier=" + FhirHttp.Nhs + Rich + "&_format=xml", null)]
    [InlineData("AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + NoKnownAllergies, "application/xml")]
    [InlineData("MedicationStatement?patient.identifier=" + FhirHttp.Nhs + Rich + "&_include=MedicationStatement:medication&_format=application/fhir%2Bxml", null)]
    public async Task Search_InXml_CarriesTheSameBundleAsJson(string search, string? accept)
    {
        var client = factory.CreateClient();
        var json = await client.FhirGetAsync("/fhir/" + search.Split("&_format", StringSplitOptions.None)[0]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/fhir/" + search);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);
        var parsed = new FhirXmlParser(FhirKernel.Default.Model).Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be(XmlContentType);
        parsed.HasErrors.Should().BeFalse();
        var fromXml = JsonNode.Parse(FhirKernel.Default.JsonSerializer.Serialize(parsed.Root!))!;
        var ids = (JsonNode bundle) => (bundle["entry"]?.AsArray() ?? []).Select(e => e!["resource"]!["id"]!.GetValue<string>()).ToList();
        ids(fromXml).Should().Equal(ids(json.Body!)).And.NotBeEmpty();
    }

    [Fact]
    public async Task Read_InXml_CarriesTheSameContentAsJson()
    {
        var client = factory.CreateClient();
        var id = (await client.FhirGetAsync("/fhir/AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + Rich)).Entries()[0]["id"]!.GetValue<string>();

        var json = await client.FhirGetAsync("/fhir/AllergyIntolerance/" + id);
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/fhir/AllergyIntolerance/" + id + "?_format=xml"));
        var xml = await response.Content.ReadAsStringAsync();
        var fromXml = FhirKernel.Default.JsonSerializer.Serialize(new FhirXmlParser(FhirKernel.Default.Model).Parse(xml).Root!);

        response.Content.Headers.ContentType!.ToString().Should().Be(XmlContentType);
        JsonNode.DeepEquals(RetrievalTime.Without(JsonNode.Parse(fromXml)!), RetrievalTime.Without(json.Body!)).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(DemoRecords))]
    public async Task Search_VisionDemoRecord_EveryResourceConformsToUkCore(string nhs, string query)
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/" + query);

        response.Status.Should().Be(HttpStatusCode.OK, nhs);
        response.Issues().Select(i => i["diagnostics"]?.GetValue<string>()).Should().NotContain(c => c != null && c.StartsWith("VALIDATION-", StringComparison.Ordinal));
        var resources = response.Entries().Concat(response.Entries("include")).ToList();
        resources.Should().NotBeEmpty();
        foreach (var resource in resources)
        {
            var parsed = FhirKernel.Default.JsonParser.Parse(resource.ToJsonString());
            parsed.HasErrors.Should().BeFalse();
            var errors = Validator.Value.Validate(parsed.Root!).Errors.Select(e => e.ToString()).ToList();
            errors.Should().BeEmpty($"{resource["resourceType"]} of {nhs} should conform to its UK Core profile");
        }
    }

    // Faults Vision answers at once run on the ordinary facade, so that the other suppliers' answers are not at the
    // mercy of the short budget on a loaded machine; the hang needs the short-timeout facade.
    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Search_WhenVisionIsTheOnlyHolderAndAnswersWithAFault_Returns502NamingVision(int patient, FaultKind kind)
    {
        var nhs = GeneratedVision.Value[patient];
        await factory.Simulators.Vision.ApplyFaultAsync(FaultSpec.Of(kind, nhs), CancellationToken.None);
        try
        {
            var response = await TimedGetAsync(factory, "/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + nhs);

            response.Status.Should().Be(HttpStatusCode.BadGateway);
            response.ContentType.Should().Be(FhirHttp.JsonContentType);
            response.ResourceType.Should().Be("OperationOutcome");
            response.Issues().Should().NotBeEmpty().And.OnlyContain(i => i["code"]!.GetValue<string>() == "transient");
            response.Issues().Should().OnlyContain(i => i["details"]!["text"]!.GetValue<string>().Contains("INPS Vision", StringComparison.Ordinal));
            response.Issues()[0]["details"]!["text"]!.GetValue<string>().Should().Contain("C8300");
        }
        finally
        {
            await factory.Simulators.Vision.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Search_WhenVisionIsTheOnlyHolderAndHangs_Returns504NamingVision()
    {
        var nhs = GeneratedVision.Value[3];
        await faulty.Simulators.Vision.ApplyFaultAsync(FaultSpec.Of(FaultKind.Hang, nhs), CancellationToken.None);
        try
        {
            var response = await TimedGetAsync(faulty, "/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + nhs);

            response.Status.Should().Be(HttpStatusCode.GatewayTimeout);
            response.ContentType.Should().Be(FhirHttp.JsonContentType);
            response.ResourceType.Should().Be("OperationOutcome");
            response.Issues().Should().NotBeEmpty().And.OnlyContain(i => i["code"]!.GetValue<string>() == "timeout");
            response.Issues().Should().Contain(i => i["details"]!["text"]!.GetValue<string>().Contains("INPS Vision", StringComparison.Ordinal));
        }
        finally
        {
            await faulty.Simulators.Vision.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Search_WhenVisionFailsForAPatientHeldElsewhereToo_ReturnsTheOthersWithAWarning()
    {
        await factory.Simulators.Vision.ApplyFaultAsync(FaultSpec.Of(FaultKind.ErrorStatus, AllFour), CancellationToken.None);
        try
        {
            var response = await TimedGetAsync(factory, "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + AllFour);

            response.Status.Should().Be(HttpStatusCode.OK);
            var sources = response.Entries().Select(e => e["meta"]!["source"]!.GetValue<string>()).ToList();
            sources.Should().NotBeEmpty().And.NotContain(s => s.Contains(":vision:", StringComparison.Ordinal));
            response.Issues().Should().Contain(i => i["severity"]!.GetValue<string>() == "warning"
                && i["details"]!["text"]!.GetValue<string>().Contains("INPS Vision", StringComparison.Ordinal));
        }
        finally
        {
            await factory.Simulators.Vision.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Search_WhenVisionRefusesConnections_AnEmisPatientIsStillServedWithAWarning()
    {
        await factory.Simulators.Vision.ApplyFaultAsync(FaultSpec.Of(FaultKind.ConnectionRefused), CancellationToken.None);
        try
        {
            var response = await TimedGetAsync(factory, "/fhir/Patient?identifier=" + FhirHttp.Nhs + "9990000123");

            response.Status.Should().Be(HttpStatusCode.OK);
            response.Total.Should().Be(1);
            response.Issues().Should().Contain(i => i["details"]!["text"]!.GetValue<string>().Contains("INPS Vision", StringComparison.Ordinal));
        }
        finally
        {
            await factory.Simulators.Vision.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Search_WhenVisionRefusesConnectionsForItsOwnPatient_Returns502()
    {
        var nhs = GeneratedVision.Value[4];
        await factory.Simulators.Vision.ApplyFaultAsync(FaultSpec.Of(FaultKind.ConnectionRefused), CancellationToken.None);
        try
        {
            var response = await TimedGetAsync(factory, "/fhir/AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + nhs);

            response.Status.Should().Be(HttpStatusCode.BadGateway);
            response.ResourceType.Should().Be("OperationOutcome");
            response.Issues().Should().OnlyContain(i => i["details"]!["text"]!.GetValue<string>().Contains("INPS Vision", StringComparison.Ordinal));
        }
        finally
        {
            await factory.Simulators.Vision.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Read_WhenVisionFails_Returns502()
    {
        var nhs = GeneratedVision.Value[5];
        var client = factory.CreateClient();
        var id = (await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + nhs)).Entries().Single()["id"]!.GetValue<string>();
        await factory.Simulators.Vision.ApplyFaultAsync(FaultSpec.Of(FaultKind.Hl7Nak, nhs), CancellationToken.None);
        try
        {
            var response = await client.FhirGetAsync("/fhir/Patient/" + id);

            response.Status.Should().Be(HttpStatusCode.BadGateway);
            response.ResourceType.Should().Be("OperationOutcome");
        }
        finally
        {
            await factory.Simulators.Vision.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Search_WhenVisionSendsAnotherPatientsRecord_WithholdsItAndSaysSo()
    {
        var nhs = GeneratedVision.Value[6];
        await factory.Simulators.Vision.ApplyFaultAsync(FaultSpec.Of(FaultKind.WrongPatient, nhs), CancellationToken.None);
        try
        {
            var response = await TimedGetAsync(factory, "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + nhs);

            response.Status.Should().Be(HttpStatusCode.OK);
            response.Entries().Should().BeEmpty();
            response.Issues().Select(i => i["diagnostics"]!.GetValue<string>()).Should().Contain("PATIENT-MISMATCH");
        }
        finally
        {
            await factory.Simulators.Vision.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Read_WhenVisionAnswersAboutAnotherPatient_Returns502PatientMismatch()
    {
        var client = factory.CreateClient();
        var id = (await client.FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + Rich)).Entries()[0]["id"]!.GetValue<string>();
        await factory.Simulators.Vision.ApplyFaultAsync(FaultSpec.Of(FaultKind.WrongPatient, Rich), CancellationToken.None);
        try
        {
            var response = await client.FhirGetAsync("/fhir/Condition/" + id);

            response.Status.Should().Be(HttpStatusCode.BadGateway);
            response.Issues().Select(i => i["diagnostics"]!.GetValue<string>()).Should().Contain("PATIENT-MISMATCH");
        }
        finally
        {
            await factory.Simulators.Vision.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Search_WhenVisionIsSlowButInTime_Returns200()
    {
        var nhs = GeneratedVision.Value[7];
        await factory.Simulators.Vision.ApplyFaultAsync(FaultSpec.Latency(50, nhs), CancellationToken.None);
        try
        {
            var response = await TimedGetAsync(factory, "/fhir/Patient?identifier=" + FhirHttp.Nhs + nhs);

            response.Status.Should().Be(HttpStatusCode.OK);
            response.Total.Should().Be(1);
        }
        finally
        {
            await factory.Simulators.Vision.ClearFaultsAsync(CancellationToken.None);
        }
    }

    private static List<string> FindGeneratedVision()
    {
        var found = new List<string>();
        for (var n = 999_000_500L; found.Count < 10 && n < 999_100_000L; n++)
        {
            var digits = n.ToString(CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }

            var check = (11 - (sum % 11)) % 11;
            var candidate = digits + check.ToString(CultureInfo.InvariantCulture);
            if (check != 10 && SimulatorDirectory.HoldersOf(candidate) is { Count: 1 } holders && holders[0].Organisation.Supplier == SupplierKind.Vision)
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    /// <summary>A GET that must be answered within the server's overall budget plus a generous margin (a bound, not a speed test).</summary>
    private static async Task<FhirResponse> TimedGetAsync(FacadeServerFactory server, string url)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await server.CreateClient().FhirGetAsync(url);
        clock.Elapsed.Should().BeLessThan(server.OverallBudget + TimeSpan.FromSeconds(1.5), "a supplier fault must be answered within the request's time budget");
        return response;
    }
}
