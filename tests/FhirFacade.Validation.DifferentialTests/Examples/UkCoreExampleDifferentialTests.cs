using FhirFacade.TestKit.Fhir;
using FhirFacade.Validation.DifferentialTests.Engines;

namespace FhirFacade.Validation.DifferentialTests.Examples;

/// <summary>Item 1b of issue #14: every UK Core STU2 example of the seven emitted profiles, with both engines.</summary>
[Trait("Category", "Conformance")]
public sealed class UkCoreExampleDifferentialTests
{
    public static TheoryData<string> FacadeExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestFhir.UkCoreExampleFileNames())
        {
            if (FacadeProfiles.Types.Contains(file[..file.IndexOf('-', StringComparison.Ordinal)]))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FacadeExamples))]
    public void Validate_UkCoreExample_BothEnginesFindItValid(string fileName)
    {
        var json = TestFhir.ReadUkCoreExample(fileName);
        var type = fileName[..fileName.IndexOf('-', StringComparison.Ordinal)];

        var verdicts = Differential.Compare("example " + fileName, json, FacadeProfiles.For(type));

        verdicts.Kernel.IsValid.Should().BeTrue(verdicts.Kernel.ToString());
        DifferenceTable.Check("example: " + fileName, verdicts.Kernel, verdicts.Firely);
    }
}
