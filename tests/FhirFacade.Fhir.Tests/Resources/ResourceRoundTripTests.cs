using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Resources;

/// <summary>
/// Every UK Core STU2 example of a type the typed model covers survives
/// JSON → ElementNode → typed resource → ElementNode → JSON unchanged.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ResourceRoundTripTests
{
    private static readonly HashSet<string> TypedResourceTypes =
    [
        "Patient", "MedicationStatement", "Medication", "AllergyIntolerance", "Condition", "Organization",
        "Practitioner", "Bundle", "OperationOutcome", "CapabilityStatement", "AuditEvent", "Provenance", "List",
    ];

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestFhir.UkCoreExampleFileNames().Where(n => TypedResourceTypes.Contains(n[..n.IndexOf('-', StringComparison.Ordinal)])))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ToElementNode_AfterFromElementNode_SerializesAsTheParsedExample(string fileName)
    {
        var parsed = TestFhir.ParseUkCoreExample(fileName);
        var expected = TestFhir.SerializeJson(parsed, pretty: true);

        var typed = FhirResource.FromElementNode(parsed);
        var node = typed!.ToElementNode(TestFhir.Model);

        TestFhir.SerializeJson(node, pretty: true).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ToElementNode_AfterFromElementNode_TypesEveryNodeAsTheParserDoes(string fileName)
    {
        var parsed = TestFhir.ParseUkCoreExample(fileName);

        var node = FhirResource.FromElementNode(parsed)!.ToElementNode(TestFhir.Model);

        // The parser keeps document order (an extension's url may follow its children); compare as sets of located nodes.
        Describe(node).Should().BeEquivalentTo(Describe(parsed));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ToElementNode_AfterFromElementNode_WritesChildrenInCanonicalOrder(string fileName)
    {
        var parsed = TestFhir.ParseUkCoreExample(fileName);

        var node = FhirResource.FromElementNode(parsed)!.ToElementNode(TestFhir.Model);

        var outOfOrder = new[] { node }.Concat(node.Descendants())
            .Where(n => n.Children.Zip(n.Children.Skip(1)).Any(p => p.First.Definition!.Order > p.Second.Definition!.Order))
            .Select(n => n.Location);
        outOfOrder.Should().BeEmpty();
    }

    private static List<string> Describe(ElementNode root) =>
        new[] { root }.Concat(root.Descendants())
            .Select(n => $"{n.Location} {n.InstanceType} type={n.Type?.Name} def={n.Definition?.Path} text={n.Text}")
            .ToList();
}
