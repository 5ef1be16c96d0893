using System.Text;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Paging;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Server.Bundles;
using FhirFacade.Server.Subsetting;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Tests.Bundles;

[Trait("Category", "Unit")]
public sealed class SearchBundleBuilderTests
{
    private const string BaseUrl = "https://facade.example.org/fhir";
    private const string Nhs = "9000000009";

    [Fact]
    public void Build_WithMatchesAndAnInclude_MovesEachResourceTreeUnderItsEntryUnchanged()
    {
        var resources = new[] { Statement("s1", "m1"), Statement("s2", "m1"), Medication("m1") };
        var alone = resources.Select(r => Json(r.Resource)).ToList();
        var children = resources.Select(r => r.Resource.Children.ToList()).ToList();
        var result = new GatewaySearchResult(resources[..2], resources[2..], [], ["emis/A1"]);

        var built = CreateSut().Build(Request(("_include", "MedicationStatement:medication")), result, BaseUrl);

        built.ResourceCount.Should().Be(3);
        var entries = built.Bundle.ChildrenNamed("entry").ToList();
        entries.Should().HaveCount(3, "two matches, one include and no outcome");
        for (var i = 0; i < resources.Length; i++)
        {
            var nested = entries[i].Child("resource")!;
            nested.Children.Should().Equal(children[i], "entry {0} carries the mapped tree itself, not a copy", i);
            resources[i].Resource.Children.Should().BeEmpty("the tree was moved");
            (nested.InstanceType, nested.IsResource, nested.Definition?.Name).Should().Be((resources[i].ResourceType, true, "resource"));
        }

        entries[1].Child("resource")!.ChildrenNamed("identifier").Select(n => (n.Index, n.Location)).Should().Equal(
            (0, "Bundle.entry[1].resource.identifier[0]"),
            (1, "Bundle.entry[1].resource.identifier[1]"));
        var bundleJson = Json(built.Bundle);
        for (var i = 0; i < resources.Length; i++)
        {
            bundleJson.Should().Contain("\"resource\":" + alone[i], "entry {0} serializes exactly as the resource did alone", i);
        }
    }

    [Fact]
    public void Build_OnAPageOfOne_CountsThePageAndItsIncludeOnly()
    {
        var resources = new[] { Statement("s1", "m1"), Statement("s2", "m2"), Medication("m1"), Medication("m2") };
        var result = new GatewaySearchResult(resources[..2], resources[2..], [], ["emis/A1"]);

        var built = CreateSut().Build(Request(("_include", "MedicationStatement:medication"), ("_count", "1")), result, BaseUrl);

        built.ResourceCount.Should().Be(2);
        built.Bundle.ChildrenNamed("entry").Select(e => e.Child("resource")?.Child("id")?.Text).Should().Equal("s1", "m1");
        built.Bundle.Child("total")!.Text.Should().Be("2");
    }

    [Fact]
    public void Build_WithSummaryCount_CarriesNoResource()
    {
        var resources = new[] { Statement("s1", "m1"), Statement("s2", "m1") };
        var result = new GatewaySearchResult(resources, [], [], ["emis/A1"]);

        var built = CreateSut().Build(Request(("_summary", "count")), result, BaseUrl);

        built.ResourceCount.Should().Be(0);
        built.Bundle.ChildrenNamed("entry").Should().BeEmpty();
        resources[0].Resource.Children.Should().NotBeEmpty("a resource not on the page is left alone");
    }

    private static SearchBundleBuilder CreateSut() =>
        new(FhirKernel.Default.Model, new PageTokenCodec(Options.Create(new PagingOptions())), new ElementSubsetter(FhirKernel.Default.Model));

    private static SearchRequest Request(params (string Name, string Value)[] parameters) => SearchRequestParser.Parse(
        "MedicationStatement",
        [KeyValuePair.Create("patient.identifier", SearchRequestParser.NhsNumberSystem + "|" + Nhs), .. parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))],
        strict: false,
        TestResourceIds.Codec);

    private static string Json(ElementNode node) =>
        Encoding.UTF8.GetString(FhirKernel.Default.JsonSerializer.SerializeToUtf8Bytes(node, FhirJsonSerializerOptions.Compact));

    private static GatewayResource Statement(string id, string medicationId) => Gateway(
        "MedicationStatement",
        id,
        $$$"""
        {"resourceType":"MedicationStatement","id":"{{{id}}}","meta":{"source":"urn:fhirfacade:source:emis:A1"},
         "identifier":[{"system":"https://example.org/a","value":"{{{id}}}-a"},{"system":"https://example.org/b","value":"{{{id}}}-b"}],
         "status":"active","medicationReference":{"reference":"Medication/{{{medicationId}}}"},"subject":{"reference":"Patient/p1"}}
        """);

    private static GatewayResource Medication(string id) => Gateway(
        "Medication",
        id,
        $$$"""{"resourceType":"Medication","id":"{{{id}}}","code":{"coding":[{"system":"https://dmd.nhs.uk","code":"7493911000001100"}]}}""");

    private static GatewayResource Gateway(string type, string id, string json) =>
        new(new SupplierResource(type, id, FhirKernel.Default.JsonParser.Parse(json).Root!, null, Nhs, Nhs), "emis", "A1");
}
