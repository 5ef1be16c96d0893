using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Validation;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Suppliers.Tpp.Tests;

/// <summary>Every resource the adapter maps from the TPP demo patients validates against its UK Core profile.</summary>
[Trait("Category", "Conformance")]
public sealed class TppUkCoreConformanceTests(TppSimulatorFixture fixture) : IClassFixture<TppSimulatorFixture>
{
    private static readonly Lazy<FhirValidator> Validator = new(() => FhirValidation.CreateValidator(TestFhir.Packages, TestFhir.Model));

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (nhs, ods) in new[] { ("9990000026", "B82005"), ("9990000131", "B82005"), ("9990000050", "RY801") })
        {
            foreach (var type in new[] { FhirResourceTypes.Patient, FhirResourceTypes.Condition, FhirResourceTypes.AllergyIntolerance, FhirResourceTypes.MedicationStatement })
            {
                data.Add(nhs, ods, type);
            }
        }

        return data;
    }

    [Fact]
    public async Task Validate_MappedConditionWithoutSubject_ReportsError()
    {
        NhsNumber.TryParse("9990000026", out var nhs).Should().BeTrue();
        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, new SupplierQuery(new SearchRequest { ResourceType = FhirResourceTypes.Condition }, new PatientSelector(nhs, null)), CancellationToken.None);
        var condition = result.Matches[0].Resource;
        condition.RemoveChild(condition.ChildrenNamed("subject").Single()).Should().BeTrue();

        var validation = Validator.Value.Validate(condition);

        validation.Errors.Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Search_DemoPatient_EveryResourceIsValidUkCore(string nhsNumber, string odsCode, string resourceType)
    {
        NhsNumber.TryParse(nhsNumber, out var nhs).Should().BeTrue();
        var request = new SearchRequest { ResourceType = resourceType, Includes = [FhirResourceTypes.MedicationStatementMedicationInclude] };

        var result = await fixture.Adapter.SearchAsync(fixture.Organisation(odsCode, odsCode), new SupplierQuery(request, new PatientSelector(nhs, null)), CancellationToken.None);

        foreach (var resource in result.Matches.Concat(result.Included))
        {
            var errors = Validator.Value.Validate(resource.Resource).Errors.Select(i => i.ToString()).ToList();
            errors.Should().BeEmpty("{0} {1} must be valid UK Core", resource.ResourceType, resource.NativeId);
        }
    }
}
