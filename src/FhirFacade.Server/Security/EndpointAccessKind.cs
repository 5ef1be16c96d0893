namespace FhirFacade.Server.Security;

/// <summary>The kinds of <see cref="EndpointAccess"/>.</summary>
public enum EndpointAccessKind
{
    /// <summary>No token needed.</summary>
    Anonymous,

    /// <summary>A valid token, no particular scope.</summary>
    Token,

    /// <summary>A valid token whose scopes grant an access on a resource type.</summary>
    Scope,
}
