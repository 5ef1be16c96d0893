using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FhirFacade.Core.Audit;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.DependencyInjection;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// <c>Patient/$everything</c> over the real simulators: the answer is exactly what the four type searches give (the
/// Medications the statements reference included), from every holder, paged with working links, filtered by
/// <c>_type</c> and <c>_since</c>, confined like a read, scoped per type, audited.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EverythingTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Leonard = ResolvedHistory;
    private static readonly string AllFourId = TestResourceIds.Encode("Patient", "emis", "A81002", AllFourSuppliers);
    private static readonly string AliceId = TestResourceIds.Encode("Patient", "emis", "A81001", EmisRich);
    private static readonly string LeonardId = TestResourceIds.Encode("Patient", "emis", "A81001", Leonard);

    public static TheoryData<string> Forms() => new()
    {
        $"/fhir/Patient/{AllFourId}/$everything",
        $"/fhir/Patient/$everything?identifier={FhirHttp.Nhs}{AllFourSuppliers}",
        $"/fhir/Patient/{AllFourId}/%24everything",
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Everything_PatientHeldAtFourSuppliers_IsWhatTheTypeSearchesGiveFromEveryHolder(string form)
    {
        var expected = await TypeSearchesAsync(AllFourSuppliers);

        var response = await factory.CreateClient().FhirGetAsync(With(form, "_count=500"));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Body!["type"]!.GetValue<string>().Should().Be("searchset");
        var keys = response.Entries().Select(Key).ToList();
        keys.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected);
        response.Total.Should().Be(keys.Count);
        keys.Select(k => k.Split('/')[0]).Distinct().Should().Equal("Patient", "AllergyIntolerance", "Condition", "MedicationStatement", "Medication");
        var sources = response.Entries().Select(e => e["meta"]?["source"]?.GetValue<string>() ?? string.Empty).ToList();
        foreach (var ods in new[] { "A81002", "RY801", "C83002", "L83100" })
        {
            sources.Should().Contain(s => s.EndsWith(":" + ods, StringComparison.Ordinal), $"the record held at {ods} is part of the answer");
        }
    }

    [Fact]
    public async Task Everything_PagedWithSmallCount_GivesEveryResourceExactlyOnceAndLinksBack()
    {
        var client = factory.CreateClient();
        var whole = (await client.FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?_count=500")).Entries().Select(Key).ToList();
        var seen = new List<string>();
        var url = $"/fhir/Patient/{AllFourId}/$everything?_count=4";
        FhirResponse? second = null;
        var pages = 0;
        while (url is not null && pages < 100)
        {
            var page = await client.FhirGetAsync(url);
            page.Status.Should().Be(HttpStatusCode.OK);
            page.Total.Should().Be(whole.Count, "total counts the whole record on every page");
            page.Entries().Count.Should().BeLessThanOrEqualTo(4);
            seen.AddRange(page.Entries().Select(Key));
            pages++;
            second = pages == 2 ? page : second;
            url = page.Link("next");
        }

        seen.Should().Equal(whole, "every resource once, in the same stable order, across all pages");
        pages.Should().Be((whole.Count + 3) / 4);
        var back = await client.FhirGetAsync(second!.Link("previous")!);
        back.Entries().Select(Key).Should().Equal(whole.Take(4));
        second.Link("next")!.Should().StartWith(FacadeServerFactory.PublicBaseUrl + $"/Patient/{AllFourId}/$everything?_page=");
    }

    [Fact]
    public async Task Everything_PagingLinkEditedOrMovedToAnotherPatient_Is400()
    {
        var client = factory.CreateClient();
        var next = (await client.FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?_count=2")).Link("next")!;
        var token = next[(next.IndexOf("_page=", StringComparison.Ordinal) + 6)..];

        var tampered = await client.FhirGetAsync(next.Replace("_page=", "_page=x", StringComparison.Ordinal));
        var moved = await client.FhirGetAsync($"/fhir/Patient/{AliceId}/$everything?_page={token}");

        tampered.Status.Should().Be(HttpStatusCode.BadRequest);
        moved.Status.Should().Be(HttpStatusCode.BadRequest);
        moved.SpineCodes().Should().Contain("BAD_REQUEST");
    }

    [Fact]
    public async Task Everything_WithType_ReturnsOnlyThoseTypes()
    {
        var response = await factory.CreateClient().FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?_type=Condition,Patient&_count=500");
        var expected = (await TypeSearchesAsync(AllFourSuppliers)).Where(k => k.StartsWith("Condition/", StringComparison.Ordinal) || k.StartsWith("Patient/", StringComparison.Ordinal));

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Select(Key).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Everything_WithTypeMedicationOnly_ReturnsTheMedicationsTheStatementsReference()
    {
        var response = await factory.CreateClient().FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?_type=Medication&_count=500");
        var expected = (await TypeSearchesAsync(AllFourSuppliers)).Where(k => k.StartsWith("Medication/", StringComparison.Ordinal)).ToList();

        response.Status.Should().Be(HttpStatusCode.OK);
        expected.Should().NotBeEmpty();
        response.Entries().Select(Key).Should().BeEquivalentTo(expected);
    }

    [Theory]
    [InlineData("_type=Observation")]
    [InlineData("_type=Condition,Practitioner")]
    [InlineData("_since=yesterday")]
    [InlineData("_count=-1")]
    public async Task Everything_BadParameter_Is400WithInvalidParameter(string query)
    {
        var response = await factory.CreateClient().FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?{query}");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ResourceType.Should().Be("OperationOutcome");
        response.SpineCodes().Should().Contain("INVALID_PARAMETER");
    }

    [Fact]
    public async Task Everything_WithSince_KeepsEntriesRecordedAtOrAfterItAndSaysHow()
    {
        var client = factory.CreateClient();
        var conditions = (await client.FhirGetAsync($"/fhir/Condition?patient.identifier={FhirHttp.Nhs}{AllFourSuppliers}&_count=500")).Entries();
        var dates = conditions.Select(c => c["recordedDate"]?.GetValue<string>()).Where(d => d is not null).Select(d => d!).Order(StringComparer.Ordinal).ToList();
        dates.Count.Should().BeGreaterThan(2, "the demo patient's problems carry recorded dates");
        var since = dates[dates.Count / 2][..10] + "T12:00:00Z";
        var sinceInstant = DateTimeOffset.Parse(since, CultureInfo.InvariantCulture);
        var expected = conditions.Where(c => c["recordedDate"] is not { } recorded || EndOf(recorded.GetValue<string>()) > sinceInstant).Select(Key).ToList();

        var response = await client.FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?_type=Condition&_since={Uri.EscapeDataString(since)}&_count=500");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Select(Key).Should().BeEquivalentTo(expected);
        expected.Count.Should().BeLessThan(conditions.Count, "the date splits the problems");
        response.Issues().Should().Contain(i => i["diagnostics"]!.GetValue<string>() == "EVERYTHING-SINCE");
    }

    [Fact]
    public async Task Everything_WithSinceInTheFuture_KeepsThePatientAndUndatedEntriesOnly()
    {
        var response = await factory.CreateClient().FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?_since=2999-01-01&_count=500");

        response.Status.Should().Be(HttpStatusCode.OK);
        var entries = response.Entries();
        entries.Should().Contain(e => e["resourceType"]!.GetValue<string>() == "Patient");
        entries.Where(e => e["resourceType"]!.GetValue<string>() is "Condition" or "AllergyIntolerance").Should().NotContain(e => e["recordedDate"] != null);
        entries.Where(e => e["resourceType"]!.GetValue<string>() == "MedicationStatement").Should().NotContain(e => e["dateAsserted"] != null);
        var undated = entries.Count(e => e["resourceType"]!.GetValue<string>() is "Condition" or "AllergyIntolerance" or "MedicationStatement");
        var undatedIssues = response.Issues().Where(i => i["diagnostics"]!.GetValue<string>() == "EVERYTHING-SINCE-UNDATED").ToList();
        undatedIssues.Should().HaveCount(undated > 0 ? 1 : 0, "an entry kept only because it has no recorded date is reported");
    }

    [Fact]
    public async Task Everything_SummaryCount_GivesTheTotalOnly()
    {
        var client = factory.CreateClient();
        var whole = await client.FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?_count=500");

        var counted = await client.FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?_summary=count");

        counted.Status.Should().Be(HttpStatusCode.OK);
        counted.Entries().Should().BeEmpty();
        counted.Total.Should().Be(whole.Entries().Count);
    }

    [Fact]
    public async Task TypeLevel_WithoutPatient_Is400BadRequestLikeTheOtherNoFishingSearches()
    {
        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient/$everything");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.SpineCodes().Should().Equal("BAD_REQUEST");
    }

    [Theory]
    [InlineData("9990000019", "INVALID_NHS_NUMBER")]
    [InlineData(null, "INVALID_IDENTIFIER_SYSTEM")]
    public async Task TypeLevel_WithBadIdentifier_Is400WithTheSearchSpineCode(string? nhs, string spineCode)
    {
        var identifier = nhs is null ? "urn:other|9990000018" : FhirHttp.Nhs + nhs;

        var response = await factory.CreateClient().FhirGetAsync("/fhir/Patient/$everything?identifier=" + Uri.EscapeDataString(identifier));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.SpineCodes().Should().Contain(spineCode);
    }

    [Fact]
    public async Task Everything_UnknownPatientId_Is404LikeARead()
    {
        var unknownId = TestResourceIds.Encode("Patient", "emis", "A81001", Unknown);
        var client = factory.CreateClient();

        var read = await client.FhirGetAsync($"/fhir/Patient/{unknownId}");
        var everything = await client.FhirGetAsync($"/fhir/Patient/{unknownId}/$everything");
        var neverIssued = await client.FhirGetAsync("/fhir/Patient/not-an-id/$everything");

        everything.Status.Should().Be(read.Status).And.Be(HttpStatusCode.NotFound);
        everything.SpineCodes().Should().Equal(read.SpineCodes());
        neverIssued.Status.Should().Be(HttpStatusCode.NotFound);
        neverIssued.SpineCodes().Should().Equal("PATIENT_NOT_FOUND");
    }

    [Fact]
    public async Task Everything_PatientConfinedTokenAskingAboutAnother_GetsTheReadsAnswerAndNothingOfThem()
    {
        var token = new SecurityTokens(factory.Services).ForPatient(AliceId);

        var own = await SendAsync(HttpMethod.Get, $"/fhir/Patient/{AliceId}/$everything", token);
        var otherRead = await SendAsync(HttpMethod.Get, $"/fhir/Patient/{LeonardId}", token);
        var other = await SendAsync(HttpMethod.Get, $"/fhir/Patient/{LeonardId}/$everything", token);
        var otherByNhs = await SendAsync(HttpMethod.Get, $"/fhir/Patient/$everything?identifier={FhirHttp.Nhs}{Leonard}", token);
        var otherSearch = await SendAsync(HttpMethod.Get, $"/fhir/Patient?identifier={FhirHttp.Nhs}{Leonard}", token);

        own.Status.Should().Be(HttpStatusCode.OK);
        own.Entries().Should().NotBeEmpty();
        other.Status.Should().Be(otherRead.Status).And.Be(HttpStatusCode.NotFound);
        other.SpineCodes().Should().Equal(otherRead.SpineCodes());
        otherByNhs.Status.Should().Be(otherSearch.Status).And.Be(HttpStatusCode.Forbidden);
        foreach (var answer in new[] { other, otherByNhs })
        {
            answer.Body!.ToJsonString().Should().NotContain(Leonard).And.NotContain("Condition");
        }
    }

    [Fact]
    public async Task Everything_TokenWithPatientScopeOnly_ReturnsThePatientAndSaysWhatItLeftOut()
    {
        var token = new SecurityTokens(factory.Services).User("user/Patient.rs");

        var response = await SendAsync(HttpMethod.Get, $"/fhir/Patient/{AllFourId}/$everything?_count=500", token);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().NotBeEmpty().And.OnlyContain(e => e["resourceType"]!.GetValue<string>() == "Patient");
        var issue = response.Issues().Should().ContainSingle(i => i["diagnostics"]!.GetValue<string>() == "EVERYTHING-SCOPE").Subject;
        issue["severity"]!.GetValue<string>().Should().Be("warning");
        issue["details"]!["text"]!.GetValue<string>().Should().Contain("AllergyIntolerance, Condition, MedicationStatement, Medication");
    }

    [Theory]
    [InlineData("user/Condition.rs", "")]
    [InlineData("user/Basic.rs", "")]
    [InlineData("user/Patient.rs", "?_type=Condition")]
    public async Task Everything_WrongScope_Is403InsufficientScope(string scopes, string query)
    {
        var token = new SecurityTokens(factory.Services).User(scopes);

        var response = await SendAsync(HttpMethod.Get, $"/fhir/Patient/{AllFourId}/$everything{query}", token);

        response.Status.Should().Be(HttpStatusCode.Forbidden);
        response.SpineCodes().Should().Contain("ACCESS_DENIED");
        response.Message.Headers.WwwAuthenticate.ToString().Should().Contain("insufficient_scope");
    }

    [Fact]
    public async Task Head_IsTheGetWithoutItsBody()
    {
        var token = new SecurityTokens(factory.Services).User();
        var get = await SendAsync(HttpMethod.Get, $"/fhir/Patient/{AllFourId}/$everything?_count=5", token);

        var head = await SendAsync(HttpMethod.Head, $"/fhir/Patient/{AllFourId}/$everything?_count=5", token);

        head.Status.Should().Be(get.Status).And.Be(HttpStatusCode.OK);
        head.ContentType.Should().Be(get.ContentType);
        (await head.Message.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Post_WithEmptyBody_IsTheGet_AndWithABody_Is415()
    {
        var client = factory.CreateClient();
        var get = await client.FhirGetAsync($"/fhir/Patient/{AllFourId}/$everything?_type=Condition&_count=500");

        var post = await client.FhirSendAsync(HttpMethod.Post, $"/fhir/Patient/{AllFourId}/$everything?_type=Condition&_count=500");
        var withBody = await client.FhirSendAsync(HttpMethod.Post, $"/fhir/Patient/{AllFourId}/$everything", """{"resourceType":"Parameters"}""");

        post.Status.Should().Be(HttpStatusCode.OK);
        post.Entries().Select(Key).Should().Equal(get.Entries().Select(Key));
        withBody.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
        withBody.ResourceType.Should().Be("OperationOutcome");
    }

    [Fact]
    public async Task Everything_IsAuditedAsAnOperationWithThePatient()
    {
        var correlationId = Guid.NewGuid().ToString("D");
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient/{AllFourId}/$everything?_count=3");
        request.Headers.Add("X-Request-Id", correlationId);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var entries = await factory.Services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        var record = entries.Should().ContainSingle().Subject.Record;
        record.Interaction.Should().Be(AuditInteractions.Operation);
        record.PathTemplate.Should().Contain("$everything").And.NotContain(AllFourSuppliers);
        record.PatientNhsNumber.Should().Be(AllFourSuppliers);
        record.ResourceCount.Should().Be(3);
        record.Sources.Select(s => s.OrganisationOdsCode).Should().Contain(["A81002", "RY801", "C83002", "L83100"]);
    }

    [Fact]
    public async Task TypeLevel_PatientConfinedTokenAskingAboutAnother_IsAuditedWithThatPatient()
    {
        var correlationId = Guid.NewGuid().ToString("D");
        using var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/fhir/Patient/$everything?identifier={FhirHttp.Nhs}{Leonard}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", new SecurityTokens(factory.Services).ForPatient(AliceId));
        request.Headers.Add("X-Request-Id", correlationId);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var entries = await factory.Services.GetRequiredService<IAuditTrail>().SearchAsync(new AuditQuery { CorrelationId = correlationId }, CancellationToken.None);
        var record = entries.Should().ContainSingle().Subject.Record;
        record.Outcome.HttpStatus.Should().Be(403);
        record.PatientNhsNumber.Should().Be(Leonard, "a refused look at another patient's record is audited with whom it was about");
    }

    private static string Key(JsonNode resource) => resource["resourceType"]!.GetValue<string>() + "/" + resource["id"]!.GetValue<string>();

    private static string With(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;

    private static DateTimeOffset EndOf(string recorded) => recorded.Length == 10
        ? DateTimeOffset.Parse(recorded, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).AddDays(1)
        : DateTimeOffset.Parse(recorded, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    // The four type searches by NHS number (every holder), and the Medications the statements reference.
    private async Task<List<string>> TypeSearchesAsync(string nhs)
    {
        var client = factory.CreateClient();
        var keys = new List<string>();
        foreach (var url in new[]
        {
            $"/fhir/Patient?identifier={FhirHttp.Nhs}{nhs}&_count=500",
            $"/fhir/AllergyIntolerance?patient.identifier={FhirHttp.Nhs}{nhs}&_count=500",
            $"/fhir/Condition?patient.identifier={FhirHttp.Nhs}{nhs}&_count=500",
            $"/fhir/MedicationStatement?patient.identifier={FhirHttp.Nhs}{nhs}&_include=MedicationStatement:medication&_count=500",
        })
        {
            var response = await client.FhirGetAsync(url);
            response.Status.Should().Be(HttpStatusCode.OK);
            keys.AddRange(response.Entries().Select(Key));
            keys.AddRange(response.Entries("include").Select(Key));
        }

        return [.. keys.Distinct()];
    }

    private async Task<FhirResponse> SendAsync(HttpMethod method, string url, string token)
    {
        var client = factory.CreateAnonymousClient();
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        var text = method == HttpMethod.Head ? string.Empty : await response.Content.ReadAsStringAsync();
        return new FhirResponse(response.StatusCode, response.Content.Headers.ContentType?.ToString(), text.Length > 0 ? JsonNode.Parse(text) : null, response);
    }
}
