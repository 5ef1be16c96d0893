namespace FhirFacade.Server.Security;

/// <summary>
/// What a FHIR request touches, read from its method and path alone (before routing): the resource
/// type and the access it needs, so that scopes are enforced the same way for every endpoint.
/// </summary>
internal sealed record FhirRequestTarget(string? ResourceType, ScopeAccess Access, bool IsOpen)
{
    /// <summary><see langword="null"/> when the path is not under the FHIR base path.</summary>
    public static FhirRequestTarget? From(HttpRequest request, string fhirBasePath)
    {
        var path = request.Path.Value ?? string.Empty;
        if (path.StartsWith("/.well-known/", StringComparison.Ordinal) || path.StartsWith(fhirBasePath + "/.well-known/", StringComparison.Ordinal))
        {
            return new FhirRequestTarget(null, ScopeAccess.None, IsOpen: true);
        }

        if (!path.StartsWith(fhirBasePath, StringComparison.Ordinal) || (path.Length > fhirBasePath.Length && path[fhirBasePath.Length] != '/'))
        {
            return null;
        }

        var segments = path[fhirBasePath.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return new FhirRequestTarget(null, ScopeAccess.None, IsOpen: false);
        }

        if (segments is ["metadata"])
        {
            return new FhirRequestTarget(null, ScopeAccess.None, IsOpen: true);
        }

        var type = segments[0];
        var isGet = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var access = segments switch
        {
            [_] when isGet => ScopeAccess.Search,
            [_, "_search"] when HttpMethods.IsPost(request.Method) => ScopeAccess.Search,
            [_, _] when isGet => ScopeAccess.Read,
            [_, _, "_history", ..] when isGet => ScopeAccess.Read,
            // Writes and anything else: authenticated, then the server answers 405/404 itself.
            _ => ScopeAccess.None,
        };
        return new FhirRequestTarget(type, access, IsOpen: false);
    }
}
