using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FhirFacade.Suppliers.Microtest.Http;

/// <summary>
/// The typed client of the Evolution JSON API (docs/suppliers/microtest.md), over the one named HttpClient
/// <see cref="HttpClientName"/>: OAuth2 client credentials with a cached token (renewed once on a
/// <c>401</c>, then the request retried), and cursor paging followed to the end within
/// <see cref="MicrotestOptions.MaxPages"/>. Not found is <see langword="null"/>; every other failure is a
/// <see cref="SupplierException"/> whose message holds no payload.
/// </summary>
internal sealed class MicrotestClient(IHttpClientFactory httpClientFactory, MicrotestTokenCache tokens, IOptions<MicrotestOptions> options)
{
    /// <summary>The named HttpClient of the Microtest adapter.</summary>
    public const string HttpClientName = "microtest";

    /// <summary>The directory credential holding an organisation's OAuth client id.</summary>
    public const string ClientIdCredential = "ClientId";

    /// <summary>The directory credential holding an organisation's OAuth client secret.</summary>
    public const string ClientSecretCredential = "ClientSecret";

    /// <summary>The list of problems.</summary>
    public const string Problems = "problems";

    /// <summary>The list of allergies (with <c>no_known_allergies</c>).</summary>
    public const string Allergies = "allergies";

    /// <summary>The list of medications (with their issues).</summary>
    public const string Medications = "medications";

    /// <summary>The patient summary: the "do you hold this patient?" call.</summary>
    public Task<MicrotestPatient?> GetPatientAsync(OrganisationEndpoint organisation, string nhsNumber, CancellationToken cancellationToken) =>
        GetAsync<MicrotestPatient>(organisation, PatientPath(nhsNumber), cancellationToken);

    /// <summary>
    /// A whole list (<see cref="Problems"/>, <see cref="Allergies"/>, <see cref="Medications"/>), every page followed up to
    /// the bound. Throws <see cref="SupplierFailureKind.Malformed"/> when a page names no patient or names a different one
    /// from the first page.
    /// </summary>
    public async Task<MicrotestList<T>?> GetListAsync<T>(OrganisationEndpoint organisation, string nhsNumber, string list, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var items = new List<T>();
        string? cursor = null;
        string? recordNhsNumber = null;
        MicrotestNoKnownAllergies? noKnownAllergies = null;
        for (var page = 0; page < settings.MaxPages; page++)
        {
            var relative = $"{PatientPath(nhsNumber)}/{list}?limit={settings.PageSize}" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            var answer = await GetAsync<MicrotestPage<T>>(organisation, relative, cancellationToken);
            if (answer is null)
            {
                return null;
            }

            // Every page names the patient it is about. A page that names nobody, or a later page that names someone
            // else, cannot be attributed safely: the whole list is refused rather than mapped under a guessed patient.
            if (string.IsNullOrEmpty(answer.NhsNumber))
            {
                throw new SupplierException(SupplierFailureKind.Malformed, "Microtest sent a list page that names no patient.");
            }

            if (recordNhsNumber is not null && !string.Equals(recordNhsNumber, answer.NhsNumber, StringComparison.Ordinal))
            {
                throw new SupplierException(SupplierFailureKind.Malformed, "Microtest sent pages of one list that name different patients.");
            }

            recordNhsNumber = answer.NhsNumber;
            noKnownAllergies ??= answer.NoKnownAllergies;
            items.AddRange(answer.Items ?? []);
            cursor = answer.NextCursor;
            if (cursor is null)
            {
                return new MicrotestList<T>(recordNhsNumber, items, false, noKnownAllergies);
            }
        }

        return new MicrotestList<T>(recordNhsNumber, items, true, noKnownAllergies);
    }

    /// <summary>
    /// Demographic search at one practice: surname (starts-with) and optional date of birth
    /// (<c>dd/MM/yyyy</c>), pages followed up to the page bound or until more than <paramref name="maxMatches"/>
    /// NHS numbers are in hand; at most <paramref name="maxMatches"/> are returned, <c>Truncated</c> when there were more.
    /// </summary>
    public async Task<MicrotestPatientMatches> SearchPatientsAsync(OrganisationEndpoint organisation, string surname, string? dateOfBirth, int maxMatches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var settings = options.Value;
        var query = $"api/v1/patients?surname={Uri.EscapeDataString(surname)}&practice={Uri.EscapeDataString(organisation.OdsCode)}&limit={settings.PageSize}"
            + (dateOfBirth is null ? string.Empty : "&dob=" + Uri.EscapeDataString(dateOfBirth));
        var numbers = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var answer = await GetAsync<MicrotestPage<MicrotestPatientMatch>>(organisation, query + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)), cancellationToken);
            numbers.AddRange((answer?.Items ?? []).Select(m => m.NhsNumber?.Trim()).Where(n => !string.IsNullOrEmpty(n)).Select(n => n!));
            cursor = answer?.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < settings.MaxPages && numbers.Count <= maxMatches);

        return new MicrotestPatientMatches([.. numbers.Take(maxMatches)], cursor is not null || numbers.Count > maxMatches);
    }

    private static string PatientPath(string nhsNumber) => $"api/v1/patients/{Uri.EscapeDataString(nhsNumber)}";

    private async Task<T?> GetAsync<T>(OrganisationEndpoint organisation, string relative, CancellationToken cancellationToken)
        where T : class
    {
        var endpoint = organisation.Endpoint ?? throw new SupplierException(SupplierFailureKind.Unavailable, "The organisation has no Microtest endpoint.");
        var client = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            var token = await GetTokenAsync(client, organisation, endpoint, cancellationToken);
            var response = await SendAsync(client, new Uri(endpoint, relative), token, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // The token expired or was revoked early: fetch a new one and try once more.
                response.Dispose();
                tokens.Invalidate(TokenKey(organisation, endpoint), token);
                token = await GetTokenAsync(client, organisation, endpoint, cancellationToken);
                response = await SendAsync(client, new Uri(endpoint, relative), token, cancellationToken);
            }

            using (response)
            {
                return response.StatusCode switch
                {
                    HttpStatusCode.OK => await ReadAsync<T>(response, cancellationToken),
                    HttpStatusCode.NotFound => null,
                    HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                        throw new SupplierException(SupplierFailureKind.Unauthorized, $"Microtest refused the access token ({(int)response.StatusCode})."),
                    _ => throw new SupplierException(SupplierFailureKind.Unavailable, $"Microtest answered {(int)response.StatusCode}."),
                };
            }
        }
        catch (JsonException exception)
        {
            throw new SupplierException(SupplierFailureKind.Malformed, "Microtest sent a document that is not valid JSON of the expected shape.", exception);
        }
        catch (Exception exception) when (SupplierHttpFailures.IsTransport(exception))
        {
            throw SupplierHttpFailures.From("Microtest", exception);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri uri, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonSerializer.DeserializeAsync<T>(stream, MicrotestJson.Options, cancellationToken)
            ?? throw new JsonException("The document is JSON null.");
    }

    private async Task<string> GetTokenAsync(HttpClient client, OrganisationEndpoint organisation, Uri endpoint, CancellationToken cancellationToken)
    {
        var key = TokenKey(organisation, endpoint);
        if (tokens.Get(key) is { } cached)
        {
            return cached;
        }

        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "oauth/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = ClientId(organisation),
                ["client_secret"] = organisation.Credentials.GetValueOrDefault(ClientSecretCredential) ?? settings.ClientSecret ?? string.Empty,
            }),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new SupplierException(SupplierFailureKind.Unauthorized, $"Microtest refused the client credentials ({(int)response.StatusCode}).");
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new SupplierException(SupplierFailureKind.Unavailable, $"The Microtest token endpoint answered {(int)response.StatusCode}.");
        }

        var answer = await ReadAsync<MicrotestTokenResponse>(response, cancellationToken);
        if (string.IsNullOrEmpty(answer.AccessToken) || answer.ExpiresIn is not > 0)
        {
            throw new SupplierException(SupplierFailureKind.Malformed, "The Microtest token endpoint sent no usable access token.");
        }

        tokens.Store(key, answer.AccessToken, TimeSpan.FromSeconds(answer.ExpiresIn.Value), settings.TokenRenewalMargin);
        return answer.AccessToken;
    }

    private string ClientId(OrganisationEndpoint organisation) =>
        organisation.Credentials.GetValueOrDefault(ClientIdCredential) ?? options.Value.ClientId ?? string.Empty;

    private string TokenKey(OrganisationEndpoint organisation, Uri endpoint) => endpoint.AbsoluteUri + " " + ClientId(organisation);
}
