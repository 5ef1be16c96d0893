namespace FhirFacade.Core.Suppliers.Http;

/// <summary>
/// How an HTTP supplier that authenticates with an API key is asked, the same at every such supplier: under the
/// organisation's endpoint from the directory, with the organisation's own key (directory credential
/// <see cref="ApiKeyCredential"/>) or else the supplier-wide one from its options.
/// </summary>
public static class SupplierHttpRequests
{
    /// <summary>The directory credential holding an organisation's API key.</summary>
    public const string ApiKeyCredential = "ApiKey";

    /// <summary>
    /// A request for <paramref name="relative"/> under <paramref name="organisation"/>'s endpoint carrying its API key in
    /// <paramref name="header"/>; an organisation with no endpoint is a call to <paramref name="supplier"/> (<c>EMIS</c>) that
    /// cannot be made (<see cref="SupplierFailureKind.Unavailable"/>).
    /// </summary>
    public static HttpRequestMessage WithApiKey(HttpMethod method, OrganisationEndpoint organisation, string relative, string supplier, string header, string? supplierWideKey)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var endpoint = organisation.Endpoint ?? throw new SupplierException(SupplierFailureKind.Unavailable, $"The organisation has no {supplier} endpoint.");
        var request = new HttpRequestMessage(method, new Uri(endpoint, relative));
        request.Headers.TryAddWithoutValidation(header, organisation.Credentials.GetValueOrDefault(ApiKeyCredential) ?? supplierWideKey);
        return request;
    }
}
