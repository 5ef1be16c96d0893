using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FhirFacade.Simulators.Microtest;

namespace FhirFacade.Simulators.Tests.Microtest;

[Trait("Category", "Integration")]
public sealed class MicrotestSimulatorTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new();
    private MicrotestSimulator _simulator = null!;

    public async Task InitializeAsync() =>
        _simulator = await MicrotestSimulator.StartAsync(
            new MicrotestSimulatorOptions { TimeProvider = _clock, TokenLifetime = TimeSpan.FromMinutes(5) },
            TestTimeout.Token());

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Token_WithClientCredentials_ReturnsBearerWithExpiry()
    {
        using var client = new HttpClient { BaseAddress = _simulator.BaseAddress };

        using var response = await client.PostAsync("oauth/token", Form(_simulator.ClientSecret), TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["token_type"]!.GetValue<string>().Should().Be("Bearer");
        body["expires_in"]!.GetValue<int>().Should().Be(300);
        body["access_token"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Token_WithWrongSecret_Returns401InvalidClient()
    {
        using var client = new HttpClient { BaseAddress = _simulator.BaseAddress };

        using var response = await client.PostAsync("oauth/token", Form("wrong"), TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Contain("invalid_client");
    }

    [Fact]
    public async Task GetPatient_AfterTokenExpiry_Returns401InvalidToken()
    {
        using var client = await AuthorisedClientAsync();
        using var before = await client.GetAsync("api/v1/patients/9990000042", TestTimeout.Token());

        _clock.Advance(TimeSpan.FromMinutes(6));
        using var after = await client.GetAsync("api/v1/patients/9990000042", TestTimeout.Token());

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        after.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        after.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token");
        (await after.Content.ReadAsStringAsync()).Should().Contain("expired");
    }

    [Fact]
    public async Task ExpireIssuedTokens_ExpiresTokensIssuedBefore_AndNotThoseIssuedAfter()
    {
        using var before = await AuthorisedClientAsync();

        _simulator.ExpireIssuedTokens();
        using var after = await AuthorisedClientAsync();
        using var refused = await before.GetAsync("api/v1/patients/9990000042", TestTimeout.Token());
        using var accepted = await after.GetAsync("api/v1/patients/9990000042", TestTimeout.Token());

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("expired");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetPatient_WithoutToken_Returns401()
    {
        using var client = new HttpClient { BaseAddress = _simulator.BaseAddress };

        using var response = await client.GetAsync("api/v1/patients/9990000042", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetPatient_ForDemoPatient_UsesUkDates()
    {
        using var client = await AuthorisedClientAsync();

        var body = JsonNode.Parse(await client.GetStringAsync("api/v1/patients/9990000042", TestTimeout.Token()))!;

        body["date_of_birth"]!.GetValue<string>().Should().Be("05/07/1949");
        body["practice"]!["ods_code"]!.GetValue<string>().Should().Be("L83100");
    }

    [Theory]
    [InlineData("problems", 14)]
    [InlineData("medications", 12)]
    [InlineData("allergies", 3)]
    public async Task GetList_PagedToTheEnd_ReturnsEveryItemOnce(string list, int expected)
    {
        using var client = await AuthorisedClientAsync();
        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;

        do
        {
            var url = $"api/v1/patients/9990000042/{list}?limit=5" + (cursor is null ? string.Empty : "&cursor=" + cursor);
            var page = JsonNode.Parse(await client.GetStringAsync(url, TestTimeout.Token()))!;
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 20);

        ids.Should().HaveCount(expected).And.OnlyHaveUniqueItems();
        pages.Should().Be((expected + 4) / 5);
    }

    [Fact]
    public async Task GetProblems_UsesReadCodesAndPartialUkDates()
    {
        using var client = await AuthorisedClientAsync();

        var page = JsonNode.Parse(await client.GetStringAsync("api/v1/patients/9990000042/problems?limit=50", TestTimeout.Token()))!;

        var items = page["items"]!.AsArray();
        items[0]!["read_code"]!.GetValue<string>().Should().Be("C10F.");
        items[0]!["onset"]!.GetValue<string>().Should().Be("06/2004");
        items[1]!["onset"]!.GetValue<string>().Should().Be("1999");
        items[2]!["onset"]!.GetValue<string>().Should().Be("01/09/2010");
    }

    [Fact]
    public async Task GetList_WithForeignCursor_Returns400()
    {
        using var client = await AuthorisedClientAsync();

        using var response = await client.GetAsync("api/v1/patients/9990000042/problems?cursor=bm9wZQ", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetMedications_ForBrokenDataPatient_CarriesTheDefects()
    {
        using var client = await AuthorisedClientAsync();

        var page = JsonNode.Parse(await client.GetStringAsync("api/v1/patients/9990000107/medications", TestTimeout.Token()))!;

        var items = page["items"]!.AsArray();
        items[0]!["dmd_code"].Should().BeNull();
        items[1]!["dmd_code"]!.GetValue<string>().Should().Be("SENNA-7.5");
        items[2]!["start_date"]!.GetValue<string>().Should().Be("30/02/2026");
    }

    [Fact]
    public async Task GetAllergies_ForBrokenDataPatient_ReturnsNoKnownAllergies()
    {
        using var client = await AuthorisedClientAsync();

        var page = JsonNode.Parse(await client.GetStringAsync("api/v1/patients/9990000107/allergies", TestTimeout.Token()))!;

        page["items"]!.AsArray().Should().BeEmpty();
        page["no_known_allergies"]!["snomed_code"]!.GetValue<string>().Should().Be("716186003");
    }

    [Fact]
    public async Task GetPatient_NotHeldHere_Returns404()
    {
        using var client = await AuthorisedClientAsync();

        using var response = await client.GetAsync("api/v1/patients/9990000018", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string[]> Searches => new()
    {
        { "surname=Okonkwo&dob=05/07/1949", ["9990000042"] },
        { "surname=okon&dob=05/07/1949", ["9990000042"] },
        { "surname=Hurst&dob=20/08/1985&practice=L83100", ["9990000107"] },
        { "surname=Barker&dob=02/11/1940", ["9990000050"] },
        { "surname=Okonkwo&dob=06/07/1949", [] },
        { "surname=Okonkwo&dob=05/07/1949&practice=A81001", [] },
        { "surname=Thornton&dob=12/04/1958", [] },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task SearchPatients_BySurnameAndDob_ReturnsTheEvolutionHeldMatches(string query, string[] expected)
    {
        using var client = await AuthorisedClientAsync();

        var page = JsonNode.Parse(await client.GetStringAsync("api/v1/patients?" + query, TestTimeout.Token()))!;

        page["items"]!.AsArray().Select(i => i!["nhs_number"]!.GetValue<string>()).Should().Equal(expected);
        page["total"]!.GetValue<int>().Should().Be(expected.Length);
        page["next_cursor"].Should().BeNull();
    }

    [Fact]
    public async Task SearchPatients_BySurnameOnly_PagesEveryMatchOnceInOrder()
    {
        using var client = await AuthorisedClientAsync();
        var numbers = new List<string>();
        string? cursor = null;
        var pages = 0;
        var total = 0;

        do
        {
            var url = "api/v1/patients?surname=S&limit=50" + (cursor is null ? string.Empty : "&cursor=" + cursor);
            var page = JsonNode.Parse(await client.GetStringAsync(url, TestTimeout.Token()))!;
            numbers.AddRange(page["items"]!.AsArray().Select(i => i!["nhs_number"]!.GetValue<string>()));
            total = page["total"]!.GetValue<int>();
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 200);

        total.Should().BeGreaterThan(50);
        numbers.Should().HaveCount(total).And.OnlyHaveUniqueItems().And.BeInAscendingOrder(StringComparer.Ordinal);
        pages.Should().Be((total + 49) / 50);
    }

    [Theory]
    [InlineData("", "invalid_search")]
    [InlineData("?dob=05/07/1949", "invalid_search")]
    [InlineData("?surname=Okonkwo&dob=1949-07-05", "invalid_search")]
    [InlineData("?surname=Okonkwo&limit=51", "invalid_limit")]
    [InlineData("?surname=Okonkwo&cursor=bm9wZQ", "invalid_cursor")]
    public async Task SearchPatients_WithBadInput_Returns400WithTheErrorCode(string query, string error)
    {
        using var client = await AuthorisedClientAsync();

        using var response = await client.GetAsync("api/v1/patients" + query, TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>().Should().Be(error);
    }

    [Fact]
    public async Task SearchPatients_WithACursorFromAnotherSearch_Returns400()
    {
        using var client = await AuthorisedClientAsync();
        var first = JsonNode.Parse(await client.GetStringAsync("api/v1/patients?surname=S&limit=5", TestTimeout.Token()))!;
        var cursor = first["next_cursor"]!.GetValue<string>();

        using var response = await client.GetAsync("api/v1/patients?surname=T&limit=5&cursor=" + cursor, TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SearchPatients_WithoutToken_Returns401()
    {
        using var client = new HttpClient { BaseAddress = _simulator.BaseAddress };

        using var response = await client.GetAsync("api/v1/patients?surname=Okonkwo", TestTimeout.Token());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>().Should().Be("invalid_request");
    }

    internal static FormUrlEncodedContent Form(string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = "fhirfacade",
        ["client_secret"] = secret,
    });

    private async Task<HttpClient> AuthorisedClientAsync()
    {
        var client = new HttpClient { BaseAddress = _simulator.BaseAddress };
        using var response = await client.PostAsync("oauth/token", Form(_simulator.ClientSecret), TestTimeout.Token());
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
