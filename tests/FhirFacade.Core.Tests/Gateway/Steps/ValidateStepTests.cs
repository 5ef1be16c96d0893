using FhirFacade.Core.Gateway.Steps;
using FhirFacade.Core.Suppliers;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Server;

namespace FhirFacade.Core.Tests.Gateway.Steps;

/// <summary>Validate: whether one resource may be released under the policy, and what is said about it, as a value.</summary>
[Trait("Category", "Unit")]
public sealed class ValidateStepTests
{
    private static readonly OrganisationEndpoint Practice = new() { OdsCode = "A1", Name = "Practice A", Supplier = "fake", Endpoint = new Uri("http://127.0.0.1:1/") };

    [Theory]
    [InlineData(ValidationPolicy.Enforce)]
    [InlineData(ValidationPolicy.Report)]
    [InlineData(ValidationPolicy.Off)]
    public void Run_ValidResource_IsReleasedWithNoIssues(ValidationPolicy policy)
    {
        var validated = ValidateStep.Run(TestGateway.Validation(new FakeResourceValidator(), policy), Resource("good"), new FakeSupplierAdapter(), Practice);

        validated.Value.Should().BeTrue();
        validated.Issues.Should().BeEmpty();
    }

    [Theory]
    [InlineData(ValidationPolicy.Enforce, false, new[] { "VALIDATION-WITHHELD", "VAL-FAKE" })]
    [InlineData(ValidationPolicy.Report, true, new[] { "VALIDATION-REPORTED", "VAL-FAKE" })]
    [InlineData(ValidationPolicy.Off, true, new string[0])]
    public void Run_InvalidResource_FollowsThePolicyAndSaysSoInOrder(ValidationPolicy policy, bool released, string[] codes)
    {
        var resource = Resource("bad");
        var validator = new FakeResourceValidator();
        validator.InvalidIds.Add(resource.Resource.Child("id")!.Text!);

        var validated = ValidateStep.Run(TestGateway.Validation(validator, policy), resource, new FakeSupplierAdapter(), Practice);

        validated.Value.Should().Be(released);
        validated.Issues.Select(i => i.Code).Should().Equal(codes);
        if (codes.Length > 0)
        {
            validated.Issues.Should().OnlyContain(i => i.Severity == IssueSeverity.Warning);
            validated.Issues[0].Message.Should().Contain("Fake fake (fake) at Practice A (A1)");
        }
    }

    private static SupplierResource Resource(string id) => TestResources.Make("Condition", "fake", "A1", id, "9000000009");
}
