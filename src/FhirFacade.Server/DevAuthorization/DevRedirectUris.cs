using FhirFacade.Server.Http;

namespace FhirFacade.Server.DevAuthorization;

/// <summary>
/// Which redirect URIs the development issuer sends a browser (and a code) to. A registered URI must be
/// <c>https</c>, or <c>http</c> on a loopback host, and carry no fragment (RFC 6749 section 3.1.2, RFC 8252
/// section 8.3); start-up refuses anything else. A request's URI must be registered exactly — except that
/// a public client may use a registered loopback URI on any port (RFC 8252 section 7.3: a native or
/// locally served app listens on whatever port it got), with the same scheme, host, path and query.
/// </summary>
internal static class DevRedirectUris
{
    /// <summary>Why a registered redirect URI is not acceptable, or <see langword="null"/> when it is.</summary>
    public static string? ProblemWithRegistered(string registered)
    {
        if (!Uri.TryCreate(registered, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "is not an absolute http or https URI";
        }

        if (uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return "has a fragment or user information";
        }

        return uri.Scheme == "http" && !LoopbackHosts.Contains(uri)
            ? "is http on a host other than 127.0.0.1, [::1] or localhost: only loopback redirect URIs may be http, any other must be https"
            : null;
    }

    /// <summary><see langword="true"/> when <paramref name="client"/> may be redirected to <paramref name="requested"/>.</summary>
    public static bool Accepts(DevClient client, string? requested)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return false;
        }

        if (client.RedirectUris.Contains(requested, StringComparer.Ordinal))
        {
            return true;
        }

        if (client.ClientSecret is not null || !Uri.TryCreate(requested, UriKind.Absolute, out var uri)
            || uri.Scheme != "http" || !LoopbackHosts.Contains(uri) || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return false;
        }

        return client.RedirectUris.Any(registered => Uri.TryCreate(registered, UriKind.Absolute, out var r)
            && r.Scheme == "http" && LoopbackHosts.Contains(r)
            && string.Equals(r.Host, uri.Host, StringComparison.Ordinal)
            && string.Equals(r.PathAndQuery, uri.PathAndQuery, StringComparison.Ordinal));
    }
}
