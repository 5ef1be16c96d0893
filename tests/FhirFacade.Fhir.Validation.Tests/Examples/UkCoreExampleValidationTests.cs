using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Validation.Tests.Examples;

[Trait("Category", "Conformance")]
public sealed class UkCoreExampleValidationTests
{
    public static TheoryData<string> FacadeExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestFhir.UkCoreExampleFileNames())
        {
            var type = file[..file.IndexOf('-', StringComparison.Ordinal)];
            if (ValidationTestContext.FacadeTypes.Contains(type))
            {
                data.Add(file);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FacadeExamples))]
    public void Validate_UkCoreExample_HasNoErrors(string fileName)
    {
        var resource = TestFhir.ParseUkCoreExample(fileName);

        var result = ValidationTestContext.Validator.Validate(resource, ValidationTestContext.ProfileFor(resource.InstanceType));

        result.Errors.Should().BeEmpty();
    }
}
