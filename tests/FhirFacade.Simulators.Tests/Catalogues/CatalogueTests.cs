using FhirFacade.Simulators.Catalogues;

namespace FhirFacade.Simulators.Tests.Catalogues;

[Trait("Category", "Unit")]
public sealed class CatalogueTests
{
    public static TheoryData<string> SnomedIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var id in ConditionCatalogue.All.Select(c => c.SnomedId)
                .Concat(MedicineCatalogue.All.Select(m => m.DmdId))
                .Concat(AllergenCatalogue.Allergens.Select(a => a.SnomedId))
                .Concat(AllergenCatalogue.Reactions.Select(r => r.SnomedId))
                .Append("716186003")
                .Distinct())
            {
                data.Add(id);
            }

            return data;
        }
    }

    [Fact]
    public void Catalogues_HaveTheCuratedSizes()
    {
        ConditionCatalogue.All.Should().HaveCountGreaterThanOrEqualTo(50);
        MedicineCatalogue.All.Should().HaveCountGreaterThanOrEqualTo(80);
        AllergenCatalogue.Allergens.Should().HaveCountGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(SnomedIds))]
    public void SnomedId_HasAValidVerhoeffCheckDigit(string id) =>
        Verhoeff.IsValid(id).Should().BeTrue();

    [Fact]
    public void Catalogues_HaveNoDuplicateCodes()
    {
        ConditionCatalogue.All.Select(c => c.SnomedId).Should().OnlyHaveUniqueItems();
        ConditionCatalogue.All.Where(c => c.Read2 is not null).Select(c => c.Read2).Should().OnlyHaveUniqueItems();
        MedicineCatalogue.All.Select(m => m.DmdId).Should().OnlyHaveUniqueItems();
        AllergenCatalogue.Allergens.Select(a => a.SnomedId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void ReadCodes_AreFiveCharacters() =>
        ConditionCatalogue.All.SelectMany(c => new[] { c.Read2, c.Ctv3 }).OfType<string>().Should().OnlyContain(code => code.Length == 5);
}
