using FhirFacade.Server.Security;

namespace FhirFacade.Server.Tests.Security;

[Trait("Category", "Unit")]
public sealed class SmartScopeTests
{
    public static TheoryData<string, ScopeContext, string, ScopeAccess> ValidScopes() => new()
    {
        { "patient/Condition.rs", ScopeContext.Patient, "Condition", ScopeAccess.Read | ScopeAccess.Search },
        { "user/*.rs", ScopeContext.User, "*", ScopeAccess.Read | ScopeAccess.Search },
        { "system/*.cruds", ScopeContext.System, "*", ScopeAccess.Create | ScopeAccess.Read | ScopeAccess.Update | ScopeAccess.Delete | ScopeAccess.Search },
        { "patient/Patient.r", ScopeContext.Patient, "Patient", ScopeAccess.Read },
        { "patient/*.read", ScopeContext.Patient, "*", ScopeAccess.Read | ScopeAccess.Search },
        { "user/Observation.write", ScopeContext.User, "Observation", ScopeAccess.Create | ScopeAccess.Update | ScopeAccess.Delete },
        { "system/AuditEvent.s", ScopeContext.System, "AuditEvent", ScopeAccess.Search },
        { "user/*.*", ScopeContext.User, "*", ScopeAccess.Create | ScopeAccess.Read | ScopeAccess.Update | ScopeAccess.Delete | ScopeAccess.Search },
    };

    [Theory]
    [MemberData(nameof(ValidScopes))]
    public void Parse_ValidClinicalScope_GivesContextTypeAndAccess(string text, ScopeContext context, string type, ScopeAccess access)
    {
        var scope = SmartScope.Parse(text);

        scope.Should().Be(new SmartScope(context, type, access));
    }

    [Theory]
    [InlineData("openid")]
    [InlineData("fhirUser")]
    [InlineData("launch/patient")]
    [InlineData("offline_access")]
    [InlineData("patient/Condition.sr")]
    [InlineData("patient/Condition.rr")]
    [InlineData("patient/Condition.x")]
    [InlineData("doctor/Condition.rs")]
    [InlineData("patient/condition.rs")]
    [InlineData("patient/Condition.rs?category=problem-list-item")]
    [InlineData("patient/.rs")]
    public void Parse_NonClinicalOrMalformedScope_GivesNull(string text)
    {
        SmartScope.Parse(text).Should().BeNull();
    }

    [Fact]
    public void IsGranted_PatientScopeWithoutPatientContext_DoesNotCount()
    {
        var caller = new FacadeCaller { ClientId = "c", Scopes = SmartScope.ParseMany("patient/*.rs") };

        caller.IsGranted("Condition", ScopeAccess.Read).Should().BeFalse();
    }

    [Fact]
    public void IsGranted_ScopeForOtherType_IsRefused()
    {
        var caller = new FacadeCaller { ClientId = "c", PatientContext = "p1", Scopes = SmartScope.ParseMany("patient/Condition.rs launch/patient") };

        caller.IsGranted("Condition", ScopeAccess.Search).Should().BeTrue();
        caller.IsGranted("MedicationStatement", ScopeAccess.Search).Should().BeFalse();
        caller.IsGranted("Condition", ScopeAccess.Create).Should().BeFalse();
    }

    [Fact]
    public void IsGranted_ReadOnlyScope_DoesNotAllowSearch()
    {
        var caller = new FacadeCaller { ClientId = "c", Scopes = SmartScope.ParseMany("user/Patient.r") };

        caller.IsGranted("Patient", ScopeAccess.Read).Should().BeTrue();
        caller.IsGranted("Patient", ScopeAccess.Search).Should().BeFalse();
    }
}
