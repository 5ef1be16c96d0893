using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;
using FhirFacade.Server.Security;
using FhirFacade.TestKit.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.Tests.Security;

/// <summary>The gateway's request context, built at the edge from what the pipeline established before the endpoint ran.</summary>
[Trait("Category", "Unit")]
public sealed class RequestContextsTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(1800);

    [Fact]
    public void For_AuthenticatedRequest_CarriesTheCallerTheCorrelationIdAndTheBudget()
    {
        var http = new DefaultHttpContext { TraceIdentifier = "corr-42" };
        http.SetCaller(new FacadeCaller
        {
            ClientId = "viewer",
            OrganisationOds = "Y90001",
            PatientContext = "patient-id",
            ScopeClaims = ["launch/patient", "patient/Condition.rs"],
        });

        var context = CreateSut().For(http);

        context.Caller!.ClientId.Should().Be("viewer");
        context.Caller.Scopes.Should().Equal("launch/patient", "patient/Condition.rs");
        context.Caller.IsConfinedToPatient.Should().BeTrue();
        context.RequestingOrganisation.Should().Be("Y90001");
        context.PatientContext.Should().Be("patient-id");
        context.CorrelationId.Should().Be("corr-42");
        context.Budget.Should().Be(Budget);
    }

    [Fact]
    public void For_RequestWithoutACaller_HasNoCallerAndStillItsCorrelationIdAndBudget()
    {
        var http = new DefaultHttpContext { TraceIdentifier = "corr-43" };

        var context = CreateSut().For(http);

        context.Caller.Should().BeNull();
        context.RequestingOrganisation.Should().BeNull();
        context.CorrelationId.Should().Be("corr-43");
        context.Budget.Should().Be(Budget);
    }

    [Fact]
    public void For_PatientClaim_IsDecodedOnceIntoTheCaller()
    {
        var http = new DefaultHttpContext { TraceIdentifier = "corr-44" };
        http.SetCaller(new FacadeCaller { ClientId = "viewer", PatientContext = TestResourceIds.Encode("Patient", "emis", "A81001", "9990000018") });

        var caller = CreateSut().For(http).Caller!;

        caller.PatientId.Should().Be(new FacadeResourceId("emis", "A81001", "9990000018"));
        caller.PatientNhsNumber!.Value.Value.Should().Be("9990000018");
    }

    [Fact]
    public void For_PatientClaimThatIsNoFacadeId_IsConfinedWithNoPatientId()
    {
        var http = new DefaultHttpContext { TraceIdentifier = "corr-45" };
        http.SetCaller(new FacadeCaller { ClientId = "viewer", PatientContext = "forged-9990000018" });

        var caller = CreateSut().For(http).Caller!;

        caller.IsConfinedToPatient.Should().BeTrue("a claim that does not decode still confines the caller");
        caller.PatientId.Should().BeNull();
        caller.PatientNhsNumber.Should().BeNull();
    }

    [Fact]
    public void For_SameRequestTwice_BuildsEqualContexts()
    {
        var http = new DefaultHttpContext { TraceIdentifier = "corr-46" };
        http.SetCaller(new FacadeCaller { ClientId = "viewer", PatientContext = "p", ScopeClaims = ["launch/patient", "patient/Condition.rs"] });
        var sut = CreateSut();

        sut.For(http).Should().Be(sut.For(http), "the caller is a value: its scopes are compared by content, not by array");
    }

    private static RequestContexts CreateSut() => new(Options.Create(new GatewayOptions { OverallBudget = Budget }), TestResourceIds.Codec);
}
