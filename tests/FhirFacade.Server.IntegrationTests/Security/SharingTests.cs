using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Core.Audit;
using FhirFacade.Core.Sharing;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.Faults;
using FhirFacade.TestKit.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.IntegrationTests.Security;

/// <summary>
/// Organisation sharing rules over the real simulators (docs/sharing.md, docs/adr/0006-organisation-sharing-refusals.md):
/// configured rules (shares nothing, some areas only, listed requesting organisations only) keep the
/// supplier from being called, and the response says so; SystmOne's own refusals (third-party sharing
/// off at B82010, problems withheld at RY801) are reported as refusals, not outages.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharingTests(SharingFacadeServerFactory factory) : IClassFixture<SharingFacadeServerFactory>
{
    private const string Benjamin = "9990000026";
    private const string Mabel = "9990000131";
    private const string Alice = "9990000018";
    private const string Leonard = "9990000123";
    private const string Hannah = "9990000085";
    private const string Ian = "9990000093";
    private const string Eleanor = "9990000050";
    private const string NoOrganisationConsent = "NO_ORGANISATION_CONSENT";

    [Fact]
    public async Task Search_AtOrganisationSharingNothing_Returns200WithRefusalAndNoData()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + Benjamin);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().BeEmpty();
        var issue = response.Issues().Should().ContainSingle().Subject;
        Diagnostics(issue).Should().Be(SharingIssues.RefusedCode);
        issue["severity"]!.GetValue<string>().Should().Be("warning");
        issue["code"]!.GetValue<string>().Should().Be("suppressed");
        Text(issue).Should().Contain("Moorland Health Centre (B82005)");
        response.SpineCodes().Should().Equal(NoOrganisationConsent);
    }

    [Fact]
    public async Task Search_AtOrganisationSharingNothing_DoesNotCallTheSupplier()
    {
        var client = factory.CreateClient();
        var path = "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + Mabel;
        await client.FhirGetAsync(path);
        await factory.Simulators.Tpp.ApplyFaultAsync(FaultSpec.Error(500, Mabel), CancellationToken.None);

        try
        {
            var response = await client.FhirGetAsync(path);

            response.Status.Should().Be(HttpStatusCode.OK);
            response.Issues().Select(Diagnostics).Should().Equal(SharingIssues.RefusedCode);
        }
        finally
        {
            await factory.Simulators.Tpp.ClearFaultsAsync(CancellationToken.None);
        }
    }

    public static TheoryData<string> ReadsAtOrganisationSharingNothing() => new()
    {
        "Patient",
        "Organization",
    };

    [Theory]
    [MemberData(nameof(ReadsAtOrganisationSharingNothing))]
    public async Task Read_AtOrganisationSharingNothing_Is403NoOrganisationConsent(string resourceType)
    {
        var nativeId = resourceType == "Patient" ? Benjamin : SharingFacadeServerFactory.SharesNothing;
        var id = TestResourceIds.Encode(resourceType, "tpp", SharingFacadeServerFactory.SharesNothing, nativeId);

        var response = await factory.CreateClient().FhirGetAsync($"/fhir/{resourceType}/{id}");

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.ResourceType.Should().Be("OperationOutcome");
        response.Issues()[0]["code"]!.GetValue<string>().Should().Be("forbidden");
        response.SpineCodes().Should().Equal(NoOrganisationConsent);
        response.Body!.ToJsonString().Should().NotContain("Hartley");
    }

    public static TheoryData<string, string?> AreasAtRiverside() => new()
    {
        { "Patient", null },
        { "MedicationStatement", null },
        { "Condition", RecordAreas.Problems },
        { "AllergyIntolerance", RecordAreas.Allergies },
    };

    [Theory]
    [MemberData(nameof(AreasAtRiverside))]
    public async Task Search_AtOrganisationSharingSomeAreas_ServesOnlyThoseAreas(string resourceType, string? withheldArea)
    {
        var query = resourceType == "Patient" ? "identifier=" : "patient.identifier=";

        var response = await factory.CreateClient().FhirGetAsync($"/fhir/{resourceType}?{query}{FhirHttp.Nhs}{Alice}");

        response.Status.Should().Be(HttpStatusCode.OK);
        if (withheldArea is null)
        {
            response.Entries().Should().NotBeEmpty();
            response.Issues().Select(Diagnostics).Should().NotContain(c => c.StartsWith("SHARING-", StringComparison.Ordinal));
        }
        else
        {
            response.Entries().Should().BeEmpty();
            var issue = response.Issues().Should().ContainSingle().Subject;
            Diagnostics(issue).Should().Be(SharingIssues.AreaWithheldCode);
            Text(issue).Should().Contain("Riverside Medical Practice (A81001)").And.Contain(withheldArea);
        }
    }

    [Fact]
    public async Task Search_ForWithheldArea_DoesNotCallTheSupplier()
    {
        var client = factory.CreateClient();
        (await client.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + Leonard)).Status.Should().Be(HttpStatusCode.OK);
        await factory.Simulators.Emis.ApplyFaultAsync(FaultSpec.Error(500, Leonard), CancellationToken.None);

        try
        {
            var withheld = await client.FhirGetAsync("/fhir/AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + Leonard);
            var shared = await client.FhirGetAsync("/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + Leonard);

            withheld.Status.Should().Be(HttpStatusCode.OK);
            withheld.Issues().Select(Diagnostics).Should().Equal(SharingIssues.AreaWithheldCode);
            shared.Status.Should().Be(HttpStatusCode.BadGateway, "the fault is in force for a call the facade does make");
        }
        finally
        {
            await factory.Simulators.Emis.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Read_InWithheldArea_Is403WithoutAskingTheSupplier()
    {
        var id = TestResourceIds.Encode("Condition", "emis", SharingFacadeServerFactory.SomeAreas, "no-such-problem");

        var response = await factory.CreateClient().FhirGetAsync("/fhir/Condition/" + id);

        // Decided from the id alone: a 403 says nothing about whether the record exists (ADR 0006).
        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.Issues().Select(Diagnostics).Should().Equal(SharingIssues.AreaWithheldCode);
        response.SpineCodes().Should().Equal(NoOrganisationConsent);
    }

    public static TheoryData<string?, bool> Requesters() => new()
    {
        { SharingFacadeServerFactory.ListedRequester, true },
        { "X12345", false },
        { null, false },
    };

    [Theory]
    [MemberData(nameof(Requesters))]
    public async Task Search_AtOrganisationSharingWithListedRequestersOnly_ServesOnlyThem(string? requester, bool served)
    {
        var token = new SecurityTokens(factory.Services).UserOf(requester);

        var response = await factory.CreateAnonymousClient().FhirGetAsync(
            "/fhir/Patient?identifier=" + FhirHttp.Nhs + Hannah,
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

        response.Status.Should().Be(HttpStatusCode.OK);
        if (served)
        {
            response.Entries().Should().ContainSingle();
            response.Issues().Should().BeEmpty();
        }
        else
        {
            response.Entries().Should().BeEmpty();
            var issue = response.Issues().Should().ContainSingle().Subject;
            Diagnostics(issue).Should().Be(SharingIssues.RequesterRefusedCode);
            Text(issue).Should().Contain("Hillview Surgery (A81002)");
            if (requester is not null)
            {
                Text(issue).Should().Contain(requester);
            }
        }
    }

    [Fact]
    public async Task Search_WhereSystmOneHasSharingOff_Returns200WithSupplierRefusal()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + Ian);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().BeEmpty();
        var issue = response.Issues().Should().ContainSingle().Subject;
        Diagnostics(issue).Should().Be("SUPPLIER-REFUSED");
        issue["severity"]!.GetValue<string>().Should().Be("warning");
        Text(issue).Should().Contain("Castle Street Surgery (B82010)")
            .And.Contain("does not share records with third parties")
            .And.NotContain("could not be reached");
        response.SpineCodes().Should().Equal(NoOrganisationConsent);
    }

    [Fact]
    public async Task Read_WhereSystmOneHasSharingOff_Is403()
    {
        var id = TestResourceIds.Encode("Patient", "tpp", "B82010", Ian);

        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient/" + id);

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.Issues()[0]["code"]!.GetValue<string>().Should().Be("forbidden");
        Text(response.Issues()[0]).Should().Contain("does not share records with third parties");
        response.SpineCodes().Should().Equal(NoOrganisationConsent);
        response.Body!.ToJsonString().Should().NotContain("Sutcliffe");
    }

    [Fact]
    public async Task Search_WhereSystmOneWithholdsProblems_SaysSoBesideTheOtherHoldersProblems()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + Eleanor);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().NotBeEmpty();
        response.Entries().Should().OnlyContain(e => !e["meta"]!["source"]!.GetValue<string>().EndsWith(":RY801", StringComparison.Ordinal));
        var withheld = response.Issues().Should().ContainSingle(i => Diagnostics(i) == SharingIssues.AreaWithheldCode).Subject;
        Text(withheld).Should().Contain("TPP SystmOne").And.Contain("(RY801)").And.Contain("problems");
    }

    [Fact]
    public async Task RefusedSearch_IsAuditedWithTheRefusal()
    {
        var correlationId = Guid.NewGuid().ToString("D");

        var response = await factory.CreateClient().FhirGetAsync(
            "/fhir/AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + Alice,
            headers: new Dictionary<string, string> { ["X-Request-Id"] = correlationId });

        response.Status.Should().Be(HttpStatusCode.OK);
        var record = await AuditedAsync(correlationId);
        record.Outcome.HttpStatus.Should().Be(200);
        record.Outcome.IssueCode.Should().Be("suppressed");
        record.Outcome.SpineCode.Should().Be(NoOrganisationConsent);
        record.Sources.Should().BeEmpty("no supplier was called");
    }

    [Fact]
    public async Task RefusedRead_IsAuditedAs403()
    {
        var correlationId = Guid.NewGuid().ToString("D");
        var id = TestResourceIds.Encode("Patient", "tpp", SharingFacadeServerFactory.SharesNothing, Mabel);

        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient/" + id, headers: new Dictionary<string, string> { ["X-Request-Id"] = correlationId });

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        var record = await AuditedAsync(correlationId);
        record.Outcome.HttpStatus.Should().Be(403);
        record.Outcome.IssueCode.Should().Be("forbidden");
        record.Outcome.SpineCode.Should().Be(NoOrganisationConsent);
    }

    [Fact]
    public async Task Startup_WithUnknownSharingArea_FailsNamingIt()
    {
        // Organisations:0 is A81001 in appsettings.json (the directory lists ODS codes in order).
        await using var plain = new FacadeServerFactory();
        await using var misconfigured = plain.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Facade:Organisations:0:Sharing:Areas:0"] = "immunisations" })));

        var act = () => misconfigured.CreateClient();

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("'immunisations', which is not a record area");
    }

    private static string Diagnostics(JsonNode issue) => issue["diagnostics"]!.GetValue<string>();

    private static string Text(JsonNode issue) => issue["details"]!["text"]!.GetValue<string>();

    private async Task<AuditRecord> AuditedAsync(string correlationId)
    {
        var entries = await factory.Services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        return entries.Should().ContainSingle().Subject.Record;
    }
}
