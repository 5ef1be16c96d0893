using System.Diagnostics.Metrics;
using System.Net;
using FhirFacade.Core.Validation;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Metrics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirFacade.Server.IntegrationTests;

/// <summary>
/// Invalid resources are counted per supplier and rule on the live path (the real EMIS simulator;
/// the real UK Core validator wrapped so that every Condition also breaks one test rule).
/// </summary>
[Trait("Category", "Integration")]
public sealed class ValidationMetricsTests(ValidationMetricsTests.ConditionBreakingFactory factory) : IClassFixture<ValidationMetricsTests.ConditionBreakingFactory>
{
    [Fact]
    public async Task Search_WhenSupplierSendsInvalidResources_CountsEachPerSupplierAndRule()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var resources = new MeasurementRecorder(meters, ValidationMetrics.MeterName, ValidationMetrics.InvalidResources);
        using var rules = new MeasurementRecorder(meters, ValidationMetrics.MeterName, ValidationMetrics.RuleFailures);

        var response = await factory.CreateClient().FhirGetAsync("/fhir/Condition?patient.identifier=" + FhirHttp.Nhs + TestPatients.EmisRich);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().BeEmpty("every Condition breaks the test rule and the policy is enforce");
        var withheld = response.Issues().Count(i => i["diagnostics"]!.GetValue<string>() == "VALIDATION-WITHHELD");
        withheld.Should().BePositive();
        resources.Measurements.Should().HaveCount(withheld).And.OnlyContain(m =>
            m.Value == 1
            && m.Tags["supplier"] == "emis"
            && m.Tags["organisation"] == "A81001"
            && m.Tags["resource_type"] == "Condition"
            && m.Tags["outcome"] == "withheld");
        rules.Measurements.Should().HaveCount(withheld).And.OnlyContain(m => m.Tags["rule"] == ConditionBreakingValidator.Rule && m.Tags["supplier"] == "emis");
    }

    [Fact]
    public async Task Search_WhenEveryResourceIsValid_CountsNothing()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var resources = new MeasurementRecorder(meters, ValidationMetrics.MeterName, ValidationMetrics.InvalidResources);

        var response = await factory.CreateClient().FhirGetAsync("/fhir/AllergyIntolerance?patient.identifier=" + FhirHttp.Nhs + TestPatients.EmisRich);

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Entries().Should().NotBeEmpty();
        resources.Measurements.Should().BeEmpty();
    }

    /// <summary>The facade with the real validator, wrapped by <see cref="ConditionBreakingValidator"/>.</summary>
    public sealed class ConditionBreakingFactory : FacadeServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IResourceValidator>(sp =>
                new ConditionBreakingValidator(sp.GetRequiredService<UkCoreResourceValidator>()))));
        }
    }

    /// <summary>The real validator's issues, plus one error on every Condition.</summary>
    private sealed class ConditionBreakingValidator(IResourceValidator inner) : IResourceValidator
    {
        public const string Rule = "TEST-CONDITION-RULE";

        public IReadOnlyList<Issue> Validate(ElementNode resource)
        {
            var issues = inner.Validate(resource);
            return resource.InstanceType == "Condition"
                ? [.. issues, new Issue(Rule, IssueSeverity.Error, IssueType.BusinessRule, "Test rule broken by every Condition.", "Condition")]
                : issues;
        }
    }
}
