using System.Net;
using System.Xml;
using Microsoft.Extensions.Options;

namespace FhirFacade.Suppliers.Emis.Http;

/// <summary>
/// The typed client of the EMIS XML API (docs/suppliers/emis.md), over the one named HttpClient
/// <see cref="HttpClientName"/>. Not found is <see langword="null"/>; every other failure is a
/// <see cref="SupplierException"/> whose message holds no payload.
/// </summary>
internal sealed class EmisClient(IHttpClientFactory httpClientFactory, IOptions<EmisOptions> options)
{
    /// <summary>The named HttpClient of the EMIS adapter.</summary>
    public const string HttpClientName = "emis";

    /// <summary>The API key header.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The largest EMIS document the client reads (bytes); a larger one is a failed call.</summary>
    public const long MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>The summary (demographics and registration, no events): the "do you hold this patient?" call.</summary>
    public Task<EmisPatientRecord?> GetPatientSummaryAsync(OrganisationEndpoint organisation, string nhsNumber, CancellationToken cancellationToken) =>
        GetAsync(organisation, $"api/patients/{Uri.EscapeDataString(nhsNumber)}", EmisXmlReader.ReadRecord, cancellationToken);

    /// <summary>The record, limited to some sections (<c>problems</c>, <c>allergies</c>, <c>medications</c>).</summary>
    public Task<EmisPatientRecord?> GetRecordAsync(OrganisationEndpoint organisation, string nhsNumber, string sections, CancellationToken cancellationToken) =>
        GetAsync(organisation, $"api/patients/{Uri.EscapeDataString(nhsNumber)}/record?sections={Uri.EscapeDataString(sections)}", EmisXmlReader.ReadRecord, cancellationToken);

    /// <summary>Demographic search at one organisation: family name (starts-with) and optional birth date (<c>yyyy-MM-dd</c>).</summary>
    public Task<EmisPatientMatches?> SearchPatientsAsync(OrganisationEndpoint organisation, string family, string? birthDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var query = $"api/patients?family={Uri.EscapeDataString(family)}&ods={Uri.EscapeDataString(organisation.OdsCode)}"
            + (birthDate is null ? string.Empty : "&birthDate=" + Uri.EscapeDataString(birthDate));
        return GetAsync(organisation, query, EmisPatientMatches.Read, cancellationToken);
    }

    /// <summary>An organisation by ODS code.</summary>
    public Task<EmisOrganisation?> GetOrganisationAsync(OrganisationEndpoint organisation, string odsCode, CancellationToken cancellationToken) =>
        GetAsync(organisation, $"api/organisations/{Uri.EscapeDataString(odsCode)}", EmisXmlReader.ReadOrganisationDocument, cancellationToken);

    /// <summary>A practitioner by SDS user id.</summary>
    public Task<EmisPractitioner?> GetPractitionerAsync(OrganisationEndpoint organisation, string sdsUserId, CancellationToken cancellationToken) =>
        GetAsync(organisation, $"api/practitioners/{Uri.EscapeDataString(sdsUserId)}", EmisXmlReader.ReadPractitionerDocument, cancellationToken);

    private async Task<T?> GetAsync<T>(OrganisationEndpoint organisation, string relative, Func<Stream, T> read, CancellationToken cancellationToken)
        where T : class
    {
        using var request = SupplierHttpRequests.WithApiKey(HttpMethod.Get, organisation, relative, "EMIS", ApiKeyHeader, options.Value.ApiKey);
        var client = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    // The body is buffered asynchronously, then parsed in one synchronous forward pass
                    // (an async XmlReader costs several times more for documents of a few KB).
                    await response.Content.LoadIntoBufferAsync(MaxDocumentBytes, cancellationToken);
                    await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
                    {
                        return read(stream);
                    }

                case HttpStatusCode.NotFound:
                    return null;
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new SupplierException(SupplierFailureKind.Unauthorized, $"EMIS refused the API key ({(int)response.StatusCode}).");
                default:
                    throw new SupplierException(SupplierFailureKind.Unavailable, $"EMIS answered {(int)response.StatusCode}.");
            }
        }
        catch (XmlException exception)
        {
            throw new SupplierException(SupplierFailureKind.Malformed, "EMIS sent a document that is not well-formed XML.", exception);
        }
        catch (Exception exception) when (SupplierHttpFailures.IsTransport(exception))
        {
            throw SupplierHttpFailures.From("EMIS", exception);
        }
    }
}
