using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Walkthrough;

/// <summary>
/// The request docs/architecture.md walks through (issue #16): the four-supplier patient's medication
/// statements with their medications, on a server of its own. <c>scripts/request-path.sh</c> runs the
/// "once" and "twice" tests under coverage and counts the source files whose lines ran more often in
/// "twice": the files a warm request executes, start-up and first-request initialisation excluded. Both
/// tests also stand alone: the answer is the whole spread record, and the same each time.
/// </summary>
[Trait("Category", "Integration")]
public sealed class WalkThroughRequestTests
{
    public const string Request = "/fhir/MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|"
        + TestPatients.AllFourSuppliers + "&_include=MedicationStatement:medication";

    [Fact]
    public async Task WalkThroughRequest_Once_ReturnsEveryStatementWithItsMedication()
    {
        using var factory = new FacadeServerFactory();

        var answers = await SendAsync(factory, times: 1);

        AssertWholeRecord(answers[0]);
    }

    [Fact]
    public async Task WalkThroughRequest_Twice_ReturnsTheSameAnswerBothTimes()
    {
        using var factory = new FacadeServerFactory();

        var answers = await SendAsync(factory, times: 2);

        AssertWholeRecord(answers[0]);
        Ids(answers[1]).Should().Equal(Ids(answers[0]), "a warm request gives the first one's matches and includes, in the same order");
    }

    private static async Task<List<FhirResponse>> SendAsync(FacadeServerFactory factory, int times)
    {
        var client = factory.CreateClient();
        var answers = new List<FhirResponse>();
        for (var i = 0; i < times; i++)
        {
            answers.Add(await client.FhirGetAsync(Request));
        }

        return answers;
    }

    private static List<string> Ids(FhirResponse answer) =>
        [.. answer.Entries().Concat(answer.Entries("include")).Select(r => r["resourceType"]!.GetValue<string>() + "/" + r["id"]!.GetValue<string>())];

    private static void AssertWholeRecord(FhirResponse answer)
    {
        answer.Status.Should().Be(HttpStatusCode.OK);
        var matches = answer.Entries();
        var included = answer.Entries("include");
        matches.Should().NotBeEmpty();
        matches.Select(m => m["resourceType"]!.GetValue<string>()).Should().OnlyContain(t => t == "MedicationStatement");
        included.Select(m => m["resourceType"]!.GetValue<string>()).Should().OnlyContain(t => t == "Medication");
        var referenced = matches.Select(m => m["medicationReference"]!["reference"]!.GetValue<string>()).ToHashSet();
        included.Select(i => "Medication/" + i["id"]!.GetValue<string>()).Should().BeEquivalentTo(referenced, "every statement's medication is included, and nothing else");
        answer.Issues().Select(i => i["diagnostics"]?.GetValue<string>() ?? "")
            .Should().NotContain(d => d.StartsWith("SUPPLIER-", StringComparison.Ordinal) || d.StartsWith("VALIDATION-", StringComparison.Ordinal));
    }
}
