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

    /// <summary>Lifetime of issued access tokens, in minutes (default 60).</summary>
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>The registered clients.</summary>
    public IList<DevClient> Clients { get; } = [];

    /// <summary>The patients the launch picker offers (facade Patient id and a label).</summary>
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

    /// <summary>Redirect URIs accepted for <c>authorization_code</c>.</summary>
    public IList<string> RedirectUris { get; } = [];

    /// <summary>The requesting organisation's ODS code put in the <c>organization</c> claim.</summary>
    public string? OrganisationOds { get; set; }

    /// <summary>The <c>fhirUser</c> claim (e.g. <c>Practitioner/dev-gp</c>).</summary>
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
