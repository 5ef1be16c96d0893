using System.Diagnostics;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Issues;
using FhirFacade.TestKit.Metrics;
using FhirFacade.TestKit.Server;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FhirFacade.Core.Tests.Validation;

[Trait("Category", "Unit")]
public sealed class ResourceValidationStepTests
{
    [Theory]
    [InlineData(ValidationPolicy.Enforce, false, "withheld")]
    [InlineData(ValidationPolicy.Report, true, "reported")]
    public void Check_WhenResourceInvalid_CountsItPerSupplierAndRule(ValidationPolicy policy, bool released, string outcome)
    {
        var factory = TestMeters.NewFactory();
        using var resources = new MeasurementRecorder(factory, ValidationMetrics.MeterName, ValidationMetrics.InvalidResources);
        using var rules = new MeasurementRecorder(factory, ValidationMetrics.MeterName, ValidationMetrics.RuleFailures);
        var resource = TestResources.Make("Condition", "emis", "A81001", "bad", "9000000009");
        var validator = new FakeResourceValidator();
        validator.InvalidIds.Add(resource.Resource.Child("id")!.Text!);
        var sut = new ResourceValidationStep(validator, Options.Create(new ValidationOptions { Policy = policy }), new ValidationMetrics(factory), NullLogger<ResourceValidationStep>.Instance);
        var issues = new List<Issue>();

        var result = sut.Check(resource, "emis", "A81001", "EMIS Web at A81001", issues);

        result.Should().Be(released);
        var counted = resources.Measurements.Should().ContainSingle().Subject;
        counted.Value.Should().Be(1);
        counted.Tags.Should().Contain(new Dictionary<string, string?>
        {
            ["supplier"] = "emis",
            ["organisation"] = "A81001",
            ["resource_type"] = "Condition",
            ["outcome"] = outcome,
        });
        var rule = rules.Measurements.Should().ContainSingle().Subject;
        rule.Tags.Should().Contain("rule", "VAL-FAKE").And.Contain("supplier", "emis");
    }

    [Theory]
    [InlineData(ValidationPolicy.Enforce)]
    [InlineData(ValidationPolicy.Off)]
    public void Check_WhenResourceValidOrPolicyOff_CountsNothing(ValidationPolicy policy)
    {
        var factory = TestMeters.NewFactory();
        using var resources = new MeasurementRecorder(factory, ValidationMetrics.MeterName, ValidationMetrics.InvalidResources);
        var resource = TestResources.Make("Condition", "emis", "A81001", "fine", "9000000009");
        var validator = new FakeResourceValidator();
        if (policy == ValidationPolicy.Off)
        {
            validator.InvalidIds.Add(resource.Resource.Child("id")!.Text!);
        }

        var sut = new ResourceValidationStep(validator, Options.Create(new ValidationOptions { Policy = policy }), new ValidationMetrics(factory), NullLogger<ResourceValidationStep>.Instance);

        var result = sut.Check(resource, "emis", "A81001", "EMIS Web at A81001", new List<Issue>());

        result.Should().BeTrue();
        resources.Measurements.Should().BeEmpty();
    }

    [Theory]
    [InlineData(ValidationPolicy.Enforce, "withheld")]
    [InlineData(ValidationPolicy.Report, "reported")]
    public void Check_WhenResourceInvalid_AddsAnEventToTheRequestSpanNamingSupplierAndOutcome(ValidationPolicy policy, string outcome)
    {
        using var source = new ActivitySource("FhirFacade.Core.Tests.Validation");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var invalid = TestResources.Make("Condition", "tpp", "B82001", "bad", "9000000009");
        var valid = TestResources.Make("Condition", "tpp", "B82001", "fine", "9000000009");
        var validator = new FakeResourceValidator();
        validator.InvalidIds.Add(invalid.Resource.Child("id")!.Text!);
        var sut = new ResourceValidationStep(validator, Options.Create(new ValidationOptions { Policy = policy }), new ValidationMetrics(TestMeters.NewFactory()), NullLogger<ResourceValidationStep>.Instance);

        using var span = source.StartActivity("search");
        span.Should().NotBeNull();
        sut.Check(valid, "tpp", "B82001", "SystmOne at B82001", new List<Issue>());
        sut.Check(invalid, "tpp", "B82001", "SystmOne at B82001", new List<Issue>());

        var added = span!.Events.Should().ContainSingle("only the invalid resource is an event").Subject;
        added.Name.Should().Be(ValidationMetrics.InvalidResourceEvent);
        added.Tags.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["fhirfacade.supplier"] = "tpp",
            ["fhirfacade.organisation"] = "B82001",
            ["fhirfacade.resource_type"] = "Condition",
            ["fhirfacade.outcome"] = outcome,
        });
    }
}
