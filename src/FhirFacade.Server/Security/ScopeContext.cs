namespace FhirFacade.Server.Security;

/// <summary>The context of a SMART clinical scope: <c>patient/</c>, <c>user/</c> or <c>system/</c>.</summary>
public enum ScopeContext
{
    Patient,
    User,
    System,
}
