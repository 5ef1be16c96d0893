using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Validation.Terminology;
using FhirFacade.Fhir.Validation.Tests.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Terminology;

/// <summary>Translation through the facade's own ConceptMaps in <c>profiles/</c> (supplier local codes to SNOMED CT).</summary>
[Trait("Category", "Integration")]
public sealed class LocalTerminologyProfilesTests
{
    private const string Asthma = "195967001";
    private const string EmisLocal = "https://fhirfacade.example.org/CodeSystem/emis-local";

    private static readonly Lazy<LocalTerminology> Shared = new(() =>
    {
        var profiles = Path.Combine(FhirPackageLocator.FindCheckoutRoot()!, "profiles");
        return new LocalTerminology(TestPackageResolver.Shared, FhirPackageSet.FromPackages([FhirPackage.Load(profiles)]));
    });

    public static TheoryData<string, string> AsthmaCodes => new()
    {
        { TerminologySystems.ReadV2, "H33.." },
        { TerminologySystems.Ctv3, "H33.." },
        { EmisLocal, "EMISSIM-AST01" },
    };

    [Theory]
    [MemberData(nameof(AsthmaCodes))]
    public void Translate_SupplierAsthmaCode_MapsToSnomedAsthma(string system, string code)
    {
        var result = Shared.Value.Translate(null, system, code, TerminologySystems.Snomed);

        result.Outcome.Should().Be(TranslationOutcome.Matched);
        result.Best!.Code.Should().Be(Asthma);
        result.Best.ConceptMap.Should().StartWith("https://fhirfacade.example.org/fhir/ConceptMap/");
    }

    [Fact]
    public void Translate_UnknownReadCode_DoesNotMatch()
    {
        var result = Shared.Value.Translate(null, TerminologySystems.ReadV2, "NOPE.", TerminologySystems.Snomed);

        result.Outcome.Should().Be(TranslationOutcome.NoMatch);
    }
}
