namespace FhirFacade.Server.DevAuthorization;

/// <summary>
/// The built-in DEVELOPMENT authorization server (section <c>DevAuthorization</c>). On only in the
/// embedded default configuration and in tests; production points <c>Smart</c> at a real issuer.
/// </summary>
public sealed class DevAuthorizationOptions
{
    public const string SectionName = "DevAuthorization";

    /// <summary>Turns the development issuer on. Never in production.</summary>
    public bool Enabled { get; set; }

    /// <summary>Lifetime of issued access tokens and id tokens, in minutes (default 60).</summary>
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>The registered clients.</summary>
    public IList<DevClient> Clients { get; } = [];

    /// <summary>
    /// Offers every demo patient of the embedded simulators in the patient picker, at the practice the
    /// simulators register them with (default on; only when the embedded simulators run).
    /// </summary>
    public bool DemoPatients { get; set; } = true;

    /// <summary>Further patients the launch picker offers (facade Patient id, or the three fields it is made from, and a label).</summary>
    public IList<DevPatientChoice> Patients { get; } = [];
}

/// <summary>A client of the development issuer.</summary>
public sealed class DevClient
{
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The secret of a confidential client; <see langword="null"/> for a public client (PKCE only).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes this client may be granted (exact strings).</summary>
    public IList<string> AllowedScopes { get; } = [];

    /// <summary>
    /// Scopes granted when a request names none (each one also in <see cref="AllowedScopes"/>). Empty: a
    /// request without <c>scope</c> is refused (<c>invalid_scope</c>); it is never given every allowed scope.
    /// </summary>
    public IList<string> DefaultScopes { get; } = [];

    /// <summary>
    /// Redirect URIs accepted for <c>authorization_code</c>: <c>https</c>, or <c>http</c> on a loopback host
    /// (<c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>). A public client may use a loopback one on any port
    /// (RFC 8252 section 7.3): same scheme, host, path and query, the port free.
    /// </summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>
    /// Where the issuer's EHR launch page (<c>/dev-auth/launch</c>) sends the browser, with <c>iss</c> and
    /// <c>launch</c> added: absolute, or a path on this server (<c>/viewer/</c>). None: the client is not offered there.
    /// </summary>
    public string? LaunchUrl { get; set; }

    /// <summary>The requesting organisation's ODS code put in the <c>organization</c> claim.</summary>
    public string? OrganisationOds { get; set; }

    /// <summary>The user: the <c>fhirUser</c> claim (e.g. <c>Practitioner/dev-clinician</c>) and the tokens' <c>sub</c>.</summary>
    public string? FhirUser { get; set; }
}

/// <summary>One entry of the launch patient picker.</summary>
public sealed class DevPatientChoice
{
    /// <summary>The facade Patient id; computed from the three fields below when not given.</summary>
    public string Id { get; set; } = string.Empty;

    public string? NhsNumber { get; set; }

    public string? Supplier { get; set; }

    public string? OrganisationOds { get; set; }

    public string Label { get; set; } = string.Empty;
}
