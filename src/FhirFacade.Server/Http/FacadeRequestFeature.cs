namespace FhirFacade.Server.Http;

/// <summary>
/// What the FHIR endpoints learned about a request, for the audit record written per request
/// (<c>HttpContext.Features.Get&lt;FacadeRequestFeature&gt;()</c> after the endpoint ran, failures included).
/// Never clinical content.
/// </summary>
public sealed class FacadeRequestFeature
{
    /// <summary>
    /// The caller went away (its connection was reset or aborted) before it could be answered; audited as 499
    /// even when the server's abort signal had not yet fired when the failure surfaced.
    /// </summary>
    public bool ClientGone { get; set; }

    /// <summary><c>read</c>, <c>search-type</c>, <c>search-compartment</c>, <c>capabilities</c>.</summary>
    public string? Interaction { get; set; }

    public string? ResourceType { get; set; }

    /// <summary>The id asked for by a read.</summary>
    public string? ResourceId { get; set; }

    /// <summary>The NHS number the request named, when it named one.</summary>
    public string? PatientNhsNumber { get; set; }

    /// <summary>The supplier/organisation pairs consulted (<c>emis/A81001</c>).</summary>
    public IReadOnlyList<string> Suppliers { get; set; } = [];

    /// <summary>The number of resources returned (matches and includes).</summary>
    public int ResourceCount { get; set; }

    /// <summary>The FHIR issue code of the error outcome, when the request failed.</summary>
    public string? IssueCode { get; set; }

    /// <summary>The NHS Spine code of the error outcome, when there is one.</summary>
    public string? SpineCode { get; set; }

    /// <summary>Gets or creates the feature of a request.</summary>
    public static FacadeRequestFeature Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Features.Get<FacadeRequestFeature>();
        if (feature is null)
        {
            feature = new FacadeRequestFeature();
            context.Features.Set(feature);
        }

        return feature;
    }
}
