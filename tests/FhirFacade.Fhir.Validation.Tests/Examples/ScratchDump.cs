using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Validation.Tests.Examples;

[Trait("Category", "Unit")]
public sealed class ScratchDump
{
    [Fact]
    public void Dump()
    {
        var lines = new List<string>();
        foreach (var file in (IEnumerable<object[]>)UkCoreExampleValidationTests.FacadeExamples())
        {
            var name = (string)((object[])file)[0];
            var resource = TestFhir.ParseUkCoreExample(name);
            var result = ValidationTestContext.Validator.Validate(resource, ValidationTestContext.ProfileFor(resource.InstanceType));
            lines.Add($"== {name}: {result.Issues.Count}");
            lines.AddRange(result.Issues.Select(i => "   " + i));
        }

        lines.Add("SKIPPED:");
        lines.AddRange(ValidationTestContext.Validator.SkippedInvariants.Select(s => "   " + s));
        File.WriteAllLines("/tmp/valc-dump.txt", lines);
    }
}
