namespace FhirFacade.Server.Http;

/// <summary>
/// The loopback host names a browser app on the same machine can use (RFC 8252 section 7.3, 8.3):
/// <c>127.0.0.1</c>, <c>[::1]</c> and <c>localhost</c>. Shared by the CORS rule for loopback origins
/// and the development issuer's rule for loopback redirect URIs, so that both mean the same hosts.
/// </summary>
internal static class LoopbackHosts
{
    /// <summary><see langword="true"/> when <paramref name="uri"/> names one of the loopback hosts (any scheme, any port).</summary>
    public static bool Contains(Uri uri) =>
        uri.IsAbsoluteUri && uri.Host is "127.0.0.1" or "[::1]" or "localhost";
}
