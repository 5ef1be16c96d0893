using System.Collections.Immutable;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Identity;

namespace FhirFacade.Core.Tests.Gateway;

/// <summary>The caller is a value: equal when every part is, the scopes element by element; its launch patient decoded once.</summary>
[Trait("Category", "Unit")]
public sealed class CallerTests
{
    private static readonly FacadeResourceId Alice = new("emis", "A81001", "9990000018");

    [Fact]
    public void Equals_SameScopesInAnotherArray_IsEqualWithTheSameHash()
    {
        var first = new Caller("app", ImmutableArray.Create("user/Condition.rs", "launch/patient"), "p", "Y90001") { PatientId = Alice };
        var second = new Caller("app", ImmutableArray.Create("user/Condition.rs", "launch/patient"), "p", "Y90001") { PatientId = Alice with { } };

        first.Should().Be(second);
        (first == second).Should().BeTrue();
        first.GetHashCode().Should().Be(second.GetHashCode());
    }

    [Fact]
    public void Equals_AnyPartDiffers_IsNotEqual()
    {
        var caller = new Caller("app", ["user/Condition.rs", "launch/patient"], "p", "Y90001") { PatientId = Alice };

        caller.Should().NotBe(caller with { ClientId = "other" });
        caller.Should().NotBe(caller with { Scopes = ["launch/patient", "user/Condition.rs"] }, "the scopes are compared in order, as the token wrote them");
        caller.Should().NotBe(caller with { Scopes = ["user/Condition.rs"] });
        caller.Should().NotBe(caller with { PatientContext = "q" });
        caller.Should().NotBe(caller with { OrganisationOds = "Y90002" });
        caller.Should().NotBe(caller with { PatientId = null });
        caller.Should().NotBe(caller with { PatientId = Alice with { NativeId = "9990000123" } });
    }

    [Fact]
    public void Equals_DefaultAndEmptyScopes_IsEqualAndHashesWithoutThrowing()
    {
        var none = new Caller("app", default, null, null);
        var empty = new Caller("app", [], null, null);

        none.Should().Be(empty);
        none.GetHashCode().Should().Be(empty.GetHashCode());
    }

    [Fact]
    public void PatientNhsNumber_PatientIdNamingAnNhsNumber_IsThatNumberAndFollowsAChangedId()
    {
        var caller = new Caller("app", [], "p", null) { PatientId = Alice };

        NhsNumber.TryParse("9990000018", out var nhs).Should().BeTrue();
        caller.PatientNhsNumber.Should().Be(nhs);
        (caller with { PatientId = Alice with { NativeId = "not-an-nhs-number" } }).PatientNhsNumber.Should().BeNull();
        (caller with { PatientId = null }).PatientNhsNumber.Should().BeNull();
    }
}
