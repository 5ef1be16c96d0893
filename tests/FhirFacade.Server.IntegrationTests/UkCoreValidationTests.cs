using System.Net;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests;

/// <summary>
/// Every resource the server returns for the EMIS demo patients' full records validates against its
/// UK Core profile with the kernel's validator (and none was withheld by the enforce policy).
/// </summary>
[Trait("Category", "Conformance")]
public sealed class UkCoreValidationTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private static readonly Lazy<FhirValidator> Validator = new(() => FhirValidation.CreateValidator(FhirKernel.Default.Packages, FhirKernel.Default.Model));

    public static TheoryData<string, string> Records
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var nhs in new[] { "9990000018", "9990000085", "9990000123", "9990000050", "9990000069" })
            {
                data.Add(nhs, "Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhs);
                data.Add(nhs, "Condition?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhs);
                data.Add(nhs, "AllergyIntolerance?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhs);
                data.Add(nhs, "MedicationStatement?patient.identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhs + "&_include=MedicationStatement:medication");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Records))]
    public async Task Search_DemoPatientRecord_EveryResourceConformsToUkCore(string nhs, string query)
    {
        var client = factory.CreateClient();

        var response = await client.FhirGetAsync("/fhir/" + query);

        response.Status.Should().Be(HttpStatusCode.OK, nhs);
        response.Issues().Select(i => i["diagnostics"]?.GetValue<string>()).Should().NotContain(c => c != null && c.StartsWith("VALIDATION-", StringComparison.Ordinal));
        var resources = response.Entries().Concat(response.Entries("include")).ToList();
        foreach (var resource in resources)
        {
            var parsed = FhirKernel.Default.JsonParser.Parse(resource.ToJsonString());
            parsed.HasErrors.Should().BeFalse();
            var errors = Validator.Value.Validate(parsed.Root!).Errors.Select(e => e.ToString()).ToList();
            errors.Should().BeEmpty($"{resource["resourceType"]} of {nhs} should conform to its UK Core profile");
        }
    }

    [Fact]
    public async Task Read_ReferencedOrganizationAndPractitioner_ConformToUkCore()
    {
        var client = factory.CreateClient();
        var patient = (await client.FhirGetAsync("/fhir/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018")).Entries()[0];

        foreach (var reference in patient["generalPractitioner"]!.AsArray())
        {
            var read = await client.FhirGetAsync("/fhir/" + reference!["reference"]!.GetValue<string>());
            var parsed = FhirKernel.Default.JsonParser.Parse(read.Body!.ToJsonString());
            Validator.Value.Validate(parsed.Root!).Errors.Select(e => e.ToString()).Should().BeEmpty();
        }
    }
}
