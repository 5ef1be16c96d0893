using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Validation.Terminology;
using FhirFacade.Fhir.Validation.Tests.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Terminology;

[Trait("Category", "Unit")]
public sealed class LocalTerminologyTests
{
    private const string UkCoreVs = "https://fhir.hl7.org.uk/ValueSet/";
    private const string UkCoreCs = "https://fhir.hl7.org.uk/CodeSystem/";
    private const string RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    private const string ActMood = "http://terminology.hl7.org/CodeSystem/v3-ActMood";
    private const string Gender = "http://hl7.org/fhir/administrative-gender";

    private static readonly Lazy<LocalTerminology> Shared = new(() => new LocalTerminology(TestPackageResolver.Shared));

    private static LocalTerminology CreateSut() => Shared.Value;

    [Fact]
    public void Expand_UkCoreConditionCategory_IncludesWholeCoreAndUkCoreSystems()
    {
        var expansion = CreateSut().Expand(UkCoreVs + "UKCore-ConditionCategory")!;

        expansion.IsComplete.Should().BeTrue();
        expansion.Find("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item").Should().NotBeNull();
        expansion.Contains.Should().Contain(c => c.System == UkCoreCs + "UKCore-ConditionCategory");
    }

    [Fact]
    public void Expand_UnknownValueSet_ReturnsNull()
    {
        CreateSut().Expand("http://example.org/ValueSet/none").Should().BeNull();
    }

    [Fact]
    public void Expand_SameValueSetTwice_ReturnsCachedInstance()
    {
        var sut = CreateSut();

        var first = sut.Expand(UkCoreVs + "UKCore-EthnicCategory");

        sut.Expand(UkCoreVs + "UKCore-EthnicCategory").Should().BeSameAs(first);
    }

    [Fact]
    public void Expand_IsAFilter_IncludesConceptAndDescendantsOnly()
    {
        var expansion = CreateSut().Expand("http://terminology.hl7.org/ValueSet/v3-FamilyMember")!;

        expansion.Find(RoleCode, "FAMMEMB").Should().NotBeNull();
        expansion.Find(RoleCode, "MTH").Should().NotBeNull();
        expansion.Find(RoleCode, "SIB").Should().NotBeNull();
        expansion.Find(RoleCode, "FRND").Should().BeNull();
    }

    [Fact]
    public void Expand_DescendentOfFilter_ExcludesTheConceptItself()
    {
        var expansion = CreateSut().Expand("http://hl7.org/fhir/ValueSet/inactive")!;

        expansion.Find(ActMood, "_ActMoodPredicate").Should().BeNull();
        expansion.Find(ActMood, "GOL").Should().NotBeNull();
        expansion.Find(ActMood, "EVN").Should().BeNull();
    }

    [Fact]
    public void Expand_SnomedBasedValueSet_ReportsSystemUnavailable()
    {
        var expansion = CreateSut().Expand(UkCoreVs + "UKCore-AllergyCode")!;

        expansion.IsComplete.Should().BeFalse();
        expansion.UnavailableSystems.Should().Contain([TerminologySystems.Snomed, TerminologySystems.Dmd]);
    }

    public static TheoryData<string, string?, string, CodeValidity> Codes => new()
    {
        { UkCoreVs + "UKCore-EthnicCategory", UkCoreCs + "UKCore-EthnicCategoryEngland", "A", CodeValidity.Valid },
        { UkCoreVs + "UKCore-EthnicCategory", UkCoreCs + "UKCore-EthnicCategoryEngland", "ZZZ", CodeValidity.Invalid },
        { UkCoreVs + "UKCore-EthnicCategory", "http://example.org/other", "A", CodeValidity.Invalid },
        { "http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1", Gender, "male", CodeValidity.Valid },
        { "http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1", Gender, "boy", CodeValidity.Invalid },
        { "http://hl7.org/fhir/ValueSet/administrative-gender", null, "female", CodeValidity.Valid },
        { UkCoreVs + "UKCore-AllergyCode", TerminologySystems.Snomed, "91936005", CodeValidity.Unknown },
        { UkCoreVs + "UKCore-MedicationCode", TerminologySystems.Dmd, "39720311000001101", CodeValidity.Unknown },
        { UkCoreVs + "UKCore-ConditionCode", TerminologySystems.Snomed, "195967001", CodeValidity.Unknown },
        { "http://hl7.org/fhir/ValueSet/all-languages", TerminologySystems.Bcp47, "en-GB", CodeValidity.Unknown },
        { "http://hl7.org/fhir/ValueSet/ucum-units", TerminologySystems.Ucum, "mg", CodeValidity.Valid },
        { "http://hl7.org/fhir/ValueSet/ucum-units", TerminologySystems.Ucum, "mm[Hg]/{beat}", CodeValidity.Unknown },
        { "http://example.org/ValueSet/none", "http://example.org/cs", "x", CodeValidity.Unknown },
        { "http://terminology.hl7.org/ValueSet/v3-FamilyMember", RoleCode, "FRND", CodeValidity.Invalid },
        { "http://terminology.hl7.org/ValueSet/v3-FamilyMember", RoleCode, "NOT-A-CODE", CodeValidity.Invalid },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void ValidateCode_Table_ReturnsExpectedValidity(string valueSet, string? system, string code, CodeValidity expected)
    {
        var result = CreateSut().ValidateCode(valueSet, system, code, null);

        result.Validity.Should().Be(expected, result.Message);
    }

    [Fact]
    public void ValidateCode_WrongDisplay_IsValidButFlagsDisplay()
    {
        var result = CreateSut().ValidateCode("http://hl7.org/fhir/ValueSet/administrative-gender", Gender, "male", "Boy");

        result.IsValid.Should().BeTrue();
        result.DisplayMatches.Should().BeFalse();
        result.ExpectedDisplay.Should().Be("Male");
    }

    [Fact]
    public void ValidateCode_MatchingDisplay_IgnoresCase()
    {
        var result = CreateSut().ValidateCode("http://hl7.org/fhir/ValueSet/administrative-gender", Gender, "male", "MALE");

        result.DisplayMatches.Should().BeTrue();
    }

    [Fact]
    public void ValidateCode_CodeMissingFromCompleteSystem_SaysNotDefined()
    {
        var result = CreateSut().ValidateCode(UkCoreVs + "UKCore-EthnicCategory", UkCoreCs + "UKCore-EthnicCategoryEngland", "ZZZ", null);

        result.Message.Should().Contain("not defined in code system");
    }

    [Fact]
    public void Translate_CoreGenderMap_ReturnsEqualTarget()
    {
        var result = CreateSut().Translate(null, Gender, "male", "http://terminology.hl7.org/CodeSystem/v2-0001");

        result.Outcome.Should().Be(TranslationOutcome.Matched);
        result.Best!.Code.Should().Be("M");
        result.Best.Equivalence.Should().Be("equal");
    }

    [Fact]
    public void Translate_OneToMany_ReturnsEveryTarget()
    {
        var result = CreateSut().Translate(null, Gender, "other", "http://terminology.hl7.org/CodeSystem/v2-0001");

        result.Matches.Select(m => m.Code).Should().BeEquivalentTo(["A", "O"]);
        result.Matches.Should().OnlyContain(m => m.Equivalence == "wider");
    }

    [Fact]
    public void Translate_UnmappedCode_ReturnsNoMatch()
    {
        var result = CreateSut().Translate(null, Gender, "nonsense", "http://terminology.hl7.org/CodeSystem/v2-0001");

        result.Outcome.Should().Be(TranslationOutcome.NoMatch);
        result.Best.Should().BeNull();
    }

    [Fact]
    public void Translate_NoMapForSystems_ReturnsNoConceptMap()
    {
        var result = CreateSut().Translate(null, TerminologySystems.ReadV2, "H33..", TerminologySystems.Snomed);

        result.Outcome.Should().Be(TranslationOutcome.NoConceptMap);
    }

    [Fact]
    public void Translate_NamedMapNotLoaded_ReturnsNoConceptMap()
    {
        var result = CreateSut().Translate("http://example.org/ConceptMap/none", Gender, "male", "http://terminology.hl7.org/CodeSystem/v2-0001");

        result.Outcome.Should().Be(TranslationOutcome.NoConceptMap);
    }
}
