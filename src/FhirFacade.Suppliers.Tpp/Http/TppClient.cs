using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FhirFacade.Suppliers.Tpp.Http;

/// <summary>
/// The typed client of the TPP JSON query API (<c>POST api/v2/query</c>, docs/suppliers/tpp.md), over the
/// one named HttpClient <see cref="HttpClientName"/>. Not found is <see langword="null"/>; a sharing refusal
/// and every other failure is a <see cref="SupplierException"/> whose message holds no payload.
/// </summary>
internal sealed class TppClient(IHttpClientFactory httpClientFactory, IOptions<TppOptions> options)
{
    /// <summary>The named HttpClient of the TPP adapter.</summary>
    public const string HttpClientName = "tpp";

    /// <summary>The API key header.</summary>
    public const string ApiKeyHeader = "X-TPP-Api-Key";

    private const string QueryPath = "api/v2/query";

    /// <summary>The cheap "do you hold this patient?" query.</summary>
    public Task<TppPatientExistsAnswer?> PatientExistsAsync(OrganisationEndpoint organisation, string nhsNumber, CancellationToken cancellationToken) =>
        QueryAsync<TppPatientExistsAnswer>(organisation, new TppQuery { QueryType = TppCodeSystems.QueryPatientExists, NhsNumber = nhsNumber }, cancellationToken);

    /// <summary>The patient's records (one per holding unit), limited to some areas.</summary>
    public Task<TppPatientRecordAnswer?> GetPatientRecordAsync(OrganisationEndpoint organisation, string nhsNumber, IReadOnlyList<string> areas, CancellationToken cancellationToken) =>
        QueryAsync<TppPatientRecordAnswer>(organisation, new TppQuery { QueryType = TppCodeSystems.QueryPatientRecord, NhsNumber = nhsNumber, Areas = areas }, cancellationToken);

    /// <summary>A unit by ODS code.</summary>
    public Task<TppOrganisationAnswer?> GetOrganisationAsync(OrganisationEndpoint organisation, string odsCode, CancellationToken cancellationToken) =>
        QueryAsync<TppOrganisationAnswer>(organisation, new TppQuery { QueryType = TppCodeSystems.QueryOrganisation, OdsCode = odsCode }, cancellationToken);

    /// <summary>Demographic search at one unit: family name (starts-with) and optional date of birth (<c>yyyy-MM-dd</c>).</summary>
    public Task<TppPatientSearchAnswer?> SearchPatientsAsync(OrganisationEndpoint organisation, string familyName, string? dateOfBirth, CancellationToken cancellationToken) =>
        QueryAsync<TppPatientSearchAnswer>(organisation, new TppQuery { QueryType = TppCodeSystems.QueryPatientSearch, FamilyName = familyName, DateOfBirth = dateOfBirth, OdsCode = organisation.OdsCode }, cancellationToken);

    private async Task<T?> QueryAsync<T>(OrganisationEndpoint organisation, TppQuery query, CancellationToken cancellationToken)
        where T : class
    {
        using var request = SupplierHttpRequests.WithApiKey(HttpMethod.Post, organisation, QueryPath, "TPP", ApiKeyHeader, options.Value.ApiKey);
        request.Content = JsonContent.Create(query, options: TppJson.Options);
        var client = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return await ReadAsync<T>(response, cancellationToken)
                        ?? throw new SupplierException(SupplierFailureKind.Malformed, "TPP answered with an empty JSON document.");
                case HttpStatusCode.NotFound:
                    return null;
                case HttpStatusCode.Forbidden:
                    var error = await ReadErrorAsync(response, cancellationToken);
                    throw error?.Code == TppCodeSystems.ErrorThirdPartySharingDisabled
                        ? SharingRefused()
                        : new SupplierException(SupplierFailureKind.Unauthorized, "TPP refused the request (403).");
                case HttpStatusCode.Unauthorized:
                    throw new SupplierException(SupplierFailureKind.Unauthorized, "TPP refused the API key (401).");
                default:
                    throw new SupplierException(SupplierFailureKind.Unavailable, $"TPP answered {(int)response.StatusCode}.");
            }
        }
        catch (JsonException exception)
        {
            throw new SupplierException(SupplierFailureKind.Malformed, "TPP sent a document that is not the documented JSON.", exception);
        }
        catch (Exception exception) when (SupplierHttpFailures.IsTransport(exception))
        {
            throw SupplierHttpFailures.From("TPP", exception);
        }
    }

    /// <summary>
    /// The unit's third-party sharing switch is off: a <see cref="SupplierFailureKind.Refused"/> the gateway
    /// reports as a sharing refusal (a warning beside other results; 403 for a read), never passed off as
    /// an empty record nor as an outage (docs/adr/0006-organisation-sharing-refusals.md).
    /// </summary>
    public static SupplierException SharingRefused() =>
        new(SupplierFailureKind.Refused, "TPP refused: third-party sharing is switched off at the unit.");

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync<T>(stream, TppJson.Options, cancellationToken);
    }

    private static async Task<TppError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await ReadAsync<TppErrorAnswer>(response, cancellationToken))?.Error;
        }
        catch (JsonException)
        {
            // An unreadable error body is still an error; its kind then comes from the status alone.
            return null;
        }
    }
}
