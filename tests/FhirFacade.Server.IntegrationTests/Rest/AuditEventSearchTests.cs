using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Server.IntegrationTests.Security;

namespace FhirFacade.Server.IntegrationTests.Rest;

/// <summary>
/// AuditEvent search as a real client pages it: <c>total</c> counts every match on every page, and the absolute
/// <c>self</c>/<c>next</c>/<c>previous</c> links (on the public base URL) walk the whole trail of a patient, newest
/// first, each entry once, and back.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AuditEventSearchTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    /// <summary>A valid NHS number no simulated supplier holds: only this test's requests name it.</summary>
    private const string Patient = "9000001013";

    private const int Requests = 7;

    [Fact]
    public async Task Search_FollowingNextThenPrevious_WalksEveryEntryOnceWithATrueTotal()
    {
        var clinician = factory.CreateClient();
        for (var i = 0; i < Requests; i++)
        {
            await clinician.FhirGetAsync("/fhir/Patient?identifier=" + FhirHttp.Nhs + Patient);
        }

        var auditor = Auditor();

        var first = await auditor.FhirGetAsync($"/fhir/AuditEvent?patient={Patient}&_count=3");
        var second = await auditor.FhirGetAsync(first.Link("next")!);
        var third = await auditor.FhirGetAsync(second.Link("next")!);
        var back = await auditor.FhirGetAsync(third.Link("previous")!);
        var backToFirst = await auditor.FhirGetAsync(back.Link("previous")!);

        foreach (var page in new[] { first, second, third, back, backToFirst })
        {
            page.Status.Should().Be(HttpStatusCode.OK);
            page.Total.Should().Be(Requests, "total counts every match, not the page");
            page.Link("self").Should().StartWith(FacadeServerFactory.PublicBaseUrl + "/AuditEvent?");
        }

        first.Link("next").Should().StartWith(FacadeServerFactory.PublicBaseUrl + "/AuditEvent?patient=" + Patient + "&_count=3&_before=");
        first.Link("previous").Should().BeNull();
        third.Link("next").Should().BeNull();
        third.Link("previous").Should().StartWith(FacadeServerFactory.PublicBaseUrl + "/AuditEvent?patient=" + Patient + "&_count=3&_after=");
        var walked = new[] { first, second, third }.SelectMany(Ids).ToList();
        walked.Should().HaveCount(Requests).And.OnlyHaveUniqueItems();
        Sequences(walked).Should().BeInDescendingOrder();
        Ids(back).Should().Equal(Ids(second));
        Ids(backToFirst).Should().Equal(Ids(first));
        first.Body!["entry"]![0]!["fullUrl"]!.GetValue<string>().Should().StartWith(FacadeServerFactory.PublicBaseUrl + "/AuditEvent/");
    }

    [Fact]
    public async Task Search_BeforeAndAfterTogether_Is400()
    {
        var response = await Auditor().FhirGetAsync($"/fhir/AuditEvent?patient={Patient}&_before=10&_after=2");

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.SpineCodes().Should().Contain("INVALID_PARAMETER");
    }

    [Fact]
    public async Task Search_NoMatches_HasTotalZeroAndNoPagingLinks()
    {
        var response = await Auditor().FhirGetAsync("/fhir/AuditEvent?patient=9000001021");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Total.Should().Be(0);
        response.Link("next").Should().BeNull();
        response.Link("previous").Should().BeNull();
    }

    private HttpClient Auditor()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", new SecurityTokens(factory.Services).User("user/AuditEvent.rs"));
        return client;
    }

    private static IEnumerable<string> Ids(FhirResponse page) => page.Entries().Select(e => e["id"]!.GetValue<string>());

    private static IEnumerable<long> Sequences(IEnumerable<string> ids) => ids.Select(id => long.Parse(id.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture));
}
