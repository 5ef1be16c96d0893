using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Validation.Terminology;
using FhirFacade.Fhir.Validation.Tests.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Terminology;

/// <summary>Terminology over a small project package written to a temporary folder (as SIM's <c>profiles/</c> will be).</summary>
[Trait("Category", "Integration")]
public sealed class LocalTerminologyProjectPackageTests : IDisposable
{
    private const string Cs = "http://example.org/fhir/CodeSystem/colours";
    private const string Vs = "http://example.org/fhir/ValueSet/";
    private const string ReadToSnomed = "http://example.org/fhir/ConceptMap/readv2-to-snomed";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fhirfacade-term-" + Guid.NewGuid().ToString("N"));

    public LocalTerminologyProjectPackageTests()
    {
        Directory.CreateDirectory(_folder);
        Write("package.json", """{ "name": "test.profiles", "version": "0.0.1", "fhirVersions": ["4.0.1"], "dependencies": {} }""");
        Write("CodeSystem-colours.json", $$"""
            { "resourceType": "CodeSystem", "id": "colours", "url": "{{Cs}}", "status": "active", "content": "complete",
              "property": [ { "code": "warm", "type": "boolean" } ],
              "concept": [
                { "code": "colour", "display": "Colour", "concept": [
                  { "code": "red", "display": "Red", "property": [ { "code": "warm", "valueBoolean": true } ], "concept": [
                    { "code": "crimson", "display": "Crimson" } ] },
                  { "code": "blue", "display": "Blue" } ] },
                { "code": "X1", "display": "Other one" },
                { "code": "X2", "display": "Other two" } ] }
            """);
        Write("ValueSet-no-crimson.json", $$"""
            { "resourceType": "ValueSet", "id": "no-crimson", "url": "{{Vs}}no-crimson", "status": "active",
              "compose": { "include": [ { "system": "{{Cs}}", "filter": [ { "property": "concept", "op": "is-a", "value": "colour" } ] } ],
                           "exclude": [ { "system": "{{Cs}}", "concept": [ { "code": "crimson" } ] } ] } }
            """);
        Write("ValueSet-imports.json", $$"""
            { "resourceType": "ValueSet", "id": "imports", "url": "{{Vs}}imports", "status": "active",
              "compose": { "include": [ { "valueSet": [ "{{Vs}}no-crimson" ] },
                                        { "system": "{{Cs}}", "filter": [ { "property": "code", "op": "regex", "value": "X[0-9]" } ] } ] } }
            """);
        Write("ValueSet-warm.json", $$"""
            { "resourceType": "ValueSet", "id": "warm", "url": "{{Vs}}warm", "status": "active",
              "compose": { "include": [ { "system": "{{Cs}}", "filter": [ { "property": "warm", "op": "=", "value": "true" } ] } ] } }
            """);
        Write("ConceptMap-readv2-to-snomed.json", $$"""
            { "resourceType": "ConceptMap", "id": "readv2-to-snomed", "url": "{{ReadToSnomed}}", "status": "active",
              "group": [ { "source": "{{TerminologySystems.ReadV2}}", "target": "{{TerminologySystems.Snomed}}",
                "element": [
                  { "code": "H33..", "target": [ { "code": "195967001", "display": "Asthma", "equivalence": "equivalent" } ] },
                  { "code": "ZZZZ.", "target": [ { "equivalence": "unmatched" } ] } ] } ] }
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string json) => File.WriteAllText(Path.Combine(_folder, name), json);

    private LocalTerminology CreateSut() =>
        new(TestPackageResolver.Shared, FhirPackageSet.FromPackages([FhirPackage.Load(_folder)]));

    [Fact]
    public void Expand_IsAWithExclude_DropsExcludedCode()
    {
        var expansion = CreateSut().Expand(Vs + "no-crimson")!;

        expansion.Contains.Select(c => c.Code).Should().BeEquivalentTo(["colour", "red", "blue"]);
        expansion.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Expand_ImportedValueSetAndRegexFilter_UnionsBoth()
    {
        var expansion = CreateSut().Expand(Vs + "imports")!;

        expansion.Contains.Select(c => c.Code).Should().BeEquivalentTo(["colour", "red", "blue", "X1", "X2"]);
    }

    [Fact]
    public void Expand_PropertyEqualsFilter_SelectsByProperty()
    {
        var expansion = CreateSut().Expand(Vs + "warm")!;

        expansion.Contains.Select(c => c.Code).Should().Equal("red");
    }

    [Fact]
    public void ValidateCode_ExcludedCode_IsInvalid()
    {
        var result = CreateSut().ValidateCode(Vs + "no-crimson", Cs, "crimson", null);

        result.Validity.Should().Be(CodeValidity.Invalid);
    }

    [Fact]
    public void Translate_ProjectReadV2Map_MapsToSnomed()
    {
        var result = CreateSut().Translate(null, TerminologySystems.ReadV2, "H33..", TerminologySystems.Snomed);

        result.Outcome.Should().Be(TranslationOutcome.Matched);
        result.Best.Should().Be(new TranslationMatch(TerminologySystems.Snomed, "195967001", "Asthma", "equivalent", ReadToSnomed));
    }

    [Fact]
    public void Translate_ExplicitlyUnmatchedCode_ReturnsNoMatchWithRecord()
    {
        var result = CreateSut().Translate(ReadToSnomed, TerminologySystems.ReadV2, "ZZZZ.", TerminologySystems.Snomed);

        result.Outcome.Should().Be(TranslationOutcome.NoMatch);
        result.Matches.Should().ContainSingle(m => m.Equivalence == "unmatched" && !m.IsMatch);
    }
}
