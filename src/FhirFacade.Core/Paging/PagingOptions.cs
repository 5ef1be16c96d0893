namespace FhirFacade.Core.Paging;

/// <summary>Options of stateless paging links (<c>Facade:Paging</c>).</summary>
public sealed class PagingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade:Paging";

    /// <summary>
    /// The base64 HMAC-SHA256 key that signs paging links (at least 32 bytes). When empty, a random
    /// key is made per process: links then stop working across restarts and between instances.
    /// </summary>
    public string? SigningKey { get; set; }
}
