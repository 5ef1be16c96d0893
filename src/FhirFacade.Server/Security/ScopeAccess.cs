namespace FhirFacade.Server.Security;

/// <summary>The SMART v2 permissions a scope grants on a resource type (<c>c r u d s</c>).</summary>
[Flags]
public enum ScopeAccess
{
    None = 0,
    Create = 1,
    Read = 2,
    Update = 4,
    Delete = 8,
    Search = 16,
}
