using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using static FhirFacade.Server.IntegrationTests.Infrastructure.TestPatients;

namespace FhirFacade.Server.IntegrationTests;

[Trait("Category", "Integration")]
public sealed class PagingTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string Conditions = "/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + EmisRich;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Search_FollowingNextToTheEnd_ReturnsEveryMatchOnce(int count)
    {
        var client = factory.CreateClient();
        var all = (await client.FhirGetAsync(Conditions)).Entries().Select(e => e["id"]!.GetValue<string>()).ToList();
        var seen = new List<string>();
        var pages = 0;

        var url = Conditions + "&_count=" + count;
        while (url is not null && pages < 20)
        {
            var page = await client.FhirGetAsync(url);
            page.Status.Should().Be(HttpStatusCode.OK);
            page.Total.Should().Be(all.Count);
            page.Entries().Count.Should().BeLessThanOrEqualTo(count);
            seen.AddRange(page.Entries().Select(e => e["id"]!.GetValue<string>()));
            url = page.Link("next");
            pages++;
        }

        seen.Should().Equal(all);
        pages.Should().Be((all.Count + count - 1) / count);
    }

    [Fact]
    public async Task Search_SecondPage_LinksBackToTheFirst()
    {
        var client = factory.CreateClient();
        var first = await client.FhirGetAsync(Conditions + "&_count=2");

        var second = await client.FhirGetAsync(first.Link("next")!);
        var previous = await client.FhirGetAsync(second.Link("previous")!);

        previous.Entries().Select(e => e["id"]!.GetValue<string>()).Should().Equal(first.Entries().Select(e => e["id"]!.GetValue<string>()));
        second.Link("self").Should().Contain("_page=");
        first.Link("previous").Should().BeNull();
    }

    [Fact]
    public async Task Search_WhenPageLinkTampered_Returns400()
    {
        var client = factory.CreateClient();
        var next = (await client.FhirGetAsync(Conditions + "&_count=2")).Link("next")!;
        var at = next.IndexOf("_page=", StringComparison.Ordinal) + 10;
        var tampered = next[..at] + (next[at] == 'A' ? 'B' : 'A') + next[(at + 1)..];

        var response = await client.FhirGetAsync(tampered);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ResourceType.Should().Be("OperationOutcome");
        response.SpineCodes().Should().Contain("BAD_REQUEST");
    }

    [Fact]
    public async Task Search_WhenPageLinkUsedOnAnotherType_Returns400()
    {
        var client = factory.CreateClient();
        var next = (await client.FhirGetAsync(Conditions + "&_count=2")).Link("next")!;

        var response = await client.FhirGetAsync(next.Replace("/Condition?", "/AllergyIntolerance?", StringComparison.Ordinal));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_WithSummaryCount_ReturnsOnlyTheTotal()
    {
        var response = await factory.CreateClient().FhirGetAsync(Conditions + "&_summary=count&_count=1");

        response.Total.Should().Be(5);
        response.Body!["entry"].Should().BeNull();
        response.Link("next").Should().BeNull();
    }

    [Fact]
    public async Task Search_WithCountZero_ReturnsOnlyTheTotal()
    {
        var response = await factory.CreateClient().FhirGetAsync(Conditions + "&_count=0");

        response.Total.Should().Be(5);
        response.Entries().Should().BeEmpty();
    }

    [Fact]
    public async Task Search_WithSummaryTrue_ReturnsSummaryElementsTagged()
    {
        var response = await factory.CreateClient().FhirGetAsync(Conditions + "&_summary=true");

        response.Entries().Should().HaveCount(5).And.OnlyContain(c => c["meta"]!["tag"]![0]!["code"]!.GetValue<string>() == "SUBSETTED" && c["note"] == null && c["code"] != null);
        response.Link("self").Should().Contain("_summary=true");
    }

    [Fact]
    public async Task Search_WithSummaryData_DropsOnlyTheNarrative()
    {
        var response = await factory.CreateClient().FhirGetAsync(Conditions + "&_summary=data");

        response.Entries().Should().OnlyContain(c => c["text"] == null && c["subject"] != null && c["recordedDate"] != null);
    }

    [Fact]
    public async Task Search_WithElements_ReturnsNamedAndMandatoryElements()
    {
        var response = await factory.CreateClient().FhirGetAsync(Conditions + "&_elements=code,onsetDateTime,onset");

        response.Entries().Should().HaveCount(5).And.OnlyContain(c => c["code"] != null && c["subject"] != null && c["recordedDate"] == null && c["clinicalStatus"] == null);
        response.Link("self").Should().Contain("_elements=code");
    }
}
