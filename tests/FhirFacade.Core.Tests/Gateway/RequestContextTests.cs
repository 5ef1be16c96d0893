using FhirFacade.Core.Gateway;

namespace FhirFacade.Core.Tests.Gateway;

/// <summary>The request context: the caller's parts the gateway reads, and the budget it starts.</summary>
[Trait("Category", "Unit")]
public sealed class RequestContextTests
{
    [Fact]
    public void RequestingOrganisation_WithACaller_IsTheCallersOrganisationBesideItsPatientContext()
    {
        var context = new RequestContext(new Caller("app", ["user/Condition.rs"], "patient-id", "Y90001"), "corr-1", TimeSpan.FromSeconds(1));

        context.RequestingOrganisation.Should().Be("Y90001");
        context.PatientContext.Should().Be("patient-id");
        context.Caller!.IsConfinedToPatient.Should().BeTrue();
    }

    [Fact]
    public void WithoutCaller_Always_StatesNoRequesterAndConfinesToNoPatient()
    {
        var context = RequestContext.WithoutCaller("corr-1", TimeSpan.FromSeconds(1));

        context.Caller.Should().BeNull();
        context.RequestingOrganisation.Should().BeNull();
        context.PatientContext.Should().BeNull();
        context.CorrelationId.Should().Be("corr-1");
    }

    [Fact]
    public async Task StartBudget_CancelsWhenTheBudgetRunsOut()
    {
        var context = RequestContext.WithoutCaller("corr-1", TimeSpan.FromMilliseconds(50));

        using var budget = context.StartBudget(CancellationToken.None);
        var act = () => Task.Delay(TimeSpan.FromSeconds(30), budget.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void StartBudget_CancelsWhenTheRequestIsAborted()
    {
        using var aborted = new CancellationTokenSource();
        var context = RequestContext.WithoutCaller("corr-1", TimeSpan.FromMinutes(1));
        using var budget = context.StartBudget(aborted.Token);

        aborted.Cancel();

        budget.IsCancellationRequested.Should().BeTrue();
    }
}
