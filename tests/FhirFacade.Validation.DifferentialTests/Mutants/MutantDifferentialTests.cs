using System.Text.Json.Nodes;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Validation.DifferentialTests.Mutants;

/// <summary>
/// Item 1c of issue #14: every one-rule mutant is an error for the project's validator (with the expected
/// issue code) and for Firely, unless the difference is documented; every control stays valid for both.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class MutantDifferentialTests
{
    private static readonly string[] Categories =
        ["cardinality", "slicing", "binding", "extension", "invariant", "choice type", "reference", "primitive", "contained", "narrative"];

    public static TheoryData<string> Mutants() => Names(MutantCorpus.All);

    public static TheoryData<string> Controls() => Names(MutantCorpus.Controls);

    [Fact]
    public void Corpus_IsSpreadOverTheSevenProfilesAndEveryCategory()
    {
        var mutants = MutantCorpus.All.Values.ToList();

        mutants.Should().HaveCountGreaterThanOrEqualTo(150);
        mutants.Select(m => m.Profile).Distinct().Should().BeEquivalentTo(FacadeProfiles.Types.Select(FacadeProfiles.For));
        mutants.Select(m => m.Category).Distinct().Should().Contain(Categories);
        foreach (var type in FacadeProfiles.Types)
        {
            mutants.Count(m => m.Profile == FacadeProfiles.For(type)).Should().BeGreaterThanOrEqualTo(10, "each profile carries a share of the corpus ({0})", type);
        }
    }

    [Theory]
    [MemberData(nameof(Mutants))]
    public void Validate_Mutant_IsAnErrorForBothEngines(string name)
    {
        var mutant = MutantCorpus.All[name];

        var (kernel, firely) = Differential.Compare("mutant " + name, Apply(mutant), mutant.Profile);

        kernel.IsValid.Should().BeFalse($"the mutant breaks a rule{Environment.NewLine}{firely}");
        if (mutant.KernelCode is { } code)
        {
            kernel.Errors.Should().Contain(e => e.StartsWith(code + " ", StringComparison.Ordinal), $"the broken rule is {code}{Environment.NewLine}{kernel}");
        }

        DifferenceTable.Check("mutant: " + name, kernel, firely);
    }

    [Theory]
    [MemberData(nameof(Controls))]
    public void Validate_Control_StaysValidForBothEngines(string name)
    {
        var control = MutantCorpus.Controls[name];

        var (kernel, firely) = Differential.Compare("control " + name, Apply(control), control.Profile);

        kernel.IsValid.Should().BeTrue(kernel.ToString());
        DifferenceTable.Check(name, kernel, firely);
    }

    [Fact]
    public void Mutants_BreakTheirExampleAndNothingElse_TheUnchangedExamplesAreValid()
    {
        foreach (var file in MutantCorpus.All.Values.Select(m => m.File).Distinct())
        {
            var type = file[..file.IndexOf('-', StringComparison.Ordinal)];

            var (kernel, firely) = Differential.Compare(file, TestFhir.ReadUkCoreExample(file), FacadeProfiles.For(type));

            kernel.IsValid.Should().BeTrue(kernel.ToString());
            firely.IsValid.Should().BeTrue(firely.ToString());
        }
    }

    private static string Apply(Mutant mutant)
    {
        var json = JsonNode.Parse(TestFhir.ReadUkCoreExample(mutant.File))!.AsObject();
        mutant.Break(json);
        return json.ToJsonString();
    }

    private static TheoryData<string> Names(IReadOnlyDictionary<string, Mutant> table)
    {
        var data = new TheoryData<string>();
        foreach (var name in table.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }
}
