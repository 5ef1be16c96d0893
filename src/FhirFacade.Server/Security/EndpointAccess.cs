namespace FhirFacade.Server.Security;

/// <summary>
/// What an endpoint needs from its caller, declared as endpoint metadata where the endpoint is mapped
/// (<see cref="EndpointAccessExtensions.WithAccess{TBuilder}"/>) and enforced, after routing, by
/// <see cref="EndpointAuthorizationMiddleware"/> on the endpoint routing chose. An endpoint without
/// it is never served.
/// </summary>
public sealed class EndpointAccess
{
    private EndpointAccess(EndpointAccessKind kind, string? resourceType, string? resourceTypeRouteValue, ScopeAccess access, bool explicitScopeOnly)
    {
        Kind = kind;
        ResourceType = resourceType;
        ResourceTypeRouteValue = resourceTypeRouteValue;
        Access = access;
        ExplicitScopeOnly = explicitScopeOnly;
    }

    /// <summary>Open to anyone, token or not: the CapabilityStatement, SMART discovery, the development issuer, the 404 fallback.</summary>
    public static EndpointAccess Anonymous { get; } = new(EndpointAccessKind.Anonymous, null, null, ScopeAccess.None, false);

    /// <summary>A valid bearer token and nothing more (the interaction touches no resource: the write fallbacks).</summary>
    public static EndpointAccess Token { get; } = new(EndpointAccessKind.Token, null, null, ScopeAccess.None, false);

    /// <summary>A valid token with a scope granting <paramref name="access"/> on the resource type routing bound to <paramref name="routeValue"/>.</summary>
    public static EndpointAccess ScopeOnRouteType(ScopeAccess access, string routeValue = "type") =>
        new(EndpointAccessKind.Scope, null, routeValue, access, false);

    /// <summary>
    /// A valid token with a scope granting <paramref name="access"/> on <paramref name="resourceType"/>; with
    /// <paramref name="explicitScopeOnly"/>, only a <c>user/</c> or <c>system/</c> scope naming the type counts
    /// (not <c>*</c>, not <c>patient/</c>).
    /// </summary>
    public static EndpointAccess Scope(string resourceType, ScopeAccess access, bool explicitScopeOnly = false) =>
        new(EndpointAccessKind.Scope, resourceType, null, access, explicitScopeOnly);

    public EndpointAccessKind Kind { get; }

    /// <summary>The resource type a scope must cover, when fixed by the endpoint.</summary>
    public string? ResourceType { get; }

    /// <summary>The route value holding the resource type, when routing binds it (<c>{type}</c>).</summary>
    public string? ResourceTypeRouteValue { get; }

    /// <summary>The permission the scope must grant (<c>r</c> for a read, <c>s</c> for a search).</summary>
    public ScopeAccess Access { get; }

    /// <summary>Only an explicit, non-patient scope on <see cref="ResourceType"/> counts.</summary>
    public bool ExplicitScopeOnly { get; }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        EndpointAccessKind.Scope => $"Scope({ResourceType ?? "{" + ResourceTypeRouteValue + "}"}, {Access}{(ExplicitScopeOnly ? ", explicit" : string.Empty)})",
        _ => Kind.ToString(),
    };
}
