using FhirFacade.Core.Gateway;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;
using FhirFacade.Server.Endpoints;

namespace FhirFacade.Server.Tests.Endpoints;

[Trait("Category", "Unit")]
public sealed class ResourceVersionsTests
{
    private const string Condition = """
        {"resourceType":"Condition","id":"c1","meta":{"lastUpdated":"2026-12-07T10:00:00Z","source":"urn:fhirfacade:source:vision:C83001"},
         "clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},
         "code":{"text":"Asthma"},"subject":{"reference":"Patient/p1"}}
        """;

    [Fact]
    public void Stamp_WithNativeVersion_UsesItAsVersionId()
    {
        var resource = Resource(Condition, version: "42");

        var version = CreateSut().Stamp(resource);

        version.Should().Be("42");
        resource.Resource.Child("meta")!.Child("versionId")!.Text.Should().Be("42");
    }

    [Fact]
    public void Stamp_WithoutNativeVersion_DerivesOneFromTheContent()
    {
        var resource = Resource(Condition, version: null);

        var version = CreateSut().Stamp(resource);

        version.Should().MatchRegex("^[0-9a-f]{32}$");
        resource.Resource.Child("meta")!.Child("versionId")!.Text.Should().Be(version);
    }

    [Theory]
    [InlineData("2026-12-07T10:00:00:00")]
    [InlineData("version 2")]
    [InlineData("")]
    public void Stamp_WithNativeVersionThatIsNoFhirId_DerivesOne(string native)
    {
        var resource = Resource(Condition, version: native);

        var version = CreateSut().Stamp(resource);

        version.Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Fact]
    public void Derive_RetrievedAgainLater_IsTheSame()
    {
        var first = Parse(Condition);
        var later = Parse(Condition.Replace("2026-12-07T10:00:00Z", "2026-12-08T11:30:00.123Z", StringComparison.Ordinal));

        ResourceVersions.Derive(later).Should().Be(ResourceVersions.Derive(first));
    }

    [Fact]
    public void Derive_AfterStamping_IsTheSame()
    {
        var resource = Resource(Condition, version: null);
        var before = ResourceVersions.Derive(resource.Resource);

        CreateSut().Stamp(resource);

        ResourceVersions.Derive(resource.Resource).Should().Be(before, "meta.versionId is not part of what it versions");
    }

    public static TheoryData<string, string> Changes => new()
    {
        { "clinical text", Condition.Replace("Asthma", "Asthmb", StringComparison.Ordinal) },
        { "status", Condition.Replace("\"active\"", "\"resolved\"", StringComparison.Ordinal) },
        { "source", Condition.Replace("C83001", "C83002", StringComparison.Ordinal) },
        { "an element added", Condition.Replace("\"subject\"", "\"note\":[{\"text\":\"x\"}],\"subject\"", StringComparison.Ordinal) },
        { "a value moved to another element", Condition.Replace("\"code\":{\"text\":\"Asthma\"}", "\"code\":{\"text\":\"\"},\"note\":[{\"text\":\"Asthma\"}]", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Derive_AnyChangeToWhatIsServed_GivesAnotherVersion(string change, string changed)
    {
        var original = ResourceVersions.Derive(Parse(Condition));

        var version = ResourceVersions.Derive(Parse(changed));

        version.Should().NotBe(original, change);
    }

    // A derived version is a Vision resource's ETag: a client that cached one must find it unchanged after an upgrade of
    // the facade, so the bytes hashed are pinned (as first released), including the replacement of an unpaired surrogate.
    [Theory]
    [InlineData("Asthma", "86eb2fa99ad31d150aa7c5a19a87cc40")]
    [InlineData("Asthma \ud800 and \udc00 é 日本", "64ebd0370a87d7dca79afbde9b0b5eea")]
    public void Derive_SameContent_GivesTheVersionFirstReleased(string text, string expected)
    {
        var resource = Parse(Condition);
        resource.Child("code")!.Child("text")!.Text = text;

        ResourceVersions.Derive(resource).Should().Be(expected);
    }

    [Fact]
    public void Derive_UnpairedSurrogateInText_DoesNotThrow()
    {
        var resource = Parse(Condition);
        resource.Child("code")!.Child("text")!.Text = "Asthma \ud800";

        var derive = () => ResourceVersions.Derive(resource);

        derive.Should().NotThrow();
    }

    private static ResourceVersions CreateSut() => new(FhirKernel.Default.Model);

    private static ElementNode Parse(string json) => FhirKernel.Default.JsonParser.Parse(json).Root!;

    private static GatewayResource Resource(string json, string? version) =>
        new(new SupplierResource("Condition", "n1", Parse(json), version, "9990000034", "n-p1"), "vision", "C83001");
}
