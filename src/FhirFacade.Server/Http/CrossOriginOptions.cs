using System.ComponentModel.DataAnnotations;

namespace FhirFacade.Server.Http;

/// <summary>
/// Which browser origins may read the facade's answers (section <c>Facade:Cors</c>, docs/security.md
/// "Browsers (CORS)"). None by default; the embedded default (appsettings.json) allows loopback
/// origins, which include the viewer's own.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string SectionName = "Facade:Cors";

    /// <summary>Origins allowed exactly, as a browser writes them: <c>https://app.example.nhs.uk</c>, <c>http://127.0.0.1:3000</c> (no path, no wildcard).</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Allows every origin on a loopback host (<c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>), any port (default off).</summary>
    public bool AllowLoopbackOrigins { get; set; }

    /// <summary>How long a browser may keep a preflight's answer, in seconds (<c>Access-Control-Max-Age</c>, default 600).</summary>
    [Range(0, 86_400)]
    public int PreflightMaxAgeSeconds { get; set; } = 600;
}
