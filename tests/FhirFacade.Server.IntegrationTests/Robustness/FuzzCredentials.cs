using FhirFacade.Server.IntegrationTests.Security;

namespace FhirFacade.Server.IntegrationTests.Robustness;

/// <summary>
/// The Authorization header variants the fuzzer sends, by name. Tokens are minted in one place
/// (<see cref="SecurityTokens"/> in memory; the development issuer's token endpoint for a process),
/// so a change to how tokens are made is made once.
/// </summary>
internal static class FuzzCredentials
{
    /// <summary>Names weighted for the generator: mostly a good clinician token, so that requests get past the gate.</summary>
    public static IReadOnlyList<string> Weighted(IReadOnlyDictionary<string, string?> credentials) =>
        [.. Enumerable.Repeat("user", 10), .. credentials.Keys.Where(k => k != "user")];

    /// <summary>Variants for the in-memory server, made with its development issuer's key.</summary>
    public static IReadOnlyDictionary<string, string?> InMemory(IServiceProvider services, string? patientId)
    {
        var tokens = new SecurityTokens(services);
        var user = tokens.User();
        var now = TimeProvider.System.GetUtcNow();
        var variants = Common(user);
        variants["wrong-scope"] = "Bearer " + tokens.User("user/Patient.rs");
        variants["auditor"] = "Bearer " + tokens.User("user/AuditEvent.rs");
        variants["expired"] = "Bearer " + tokens.Custom(notBefore: now.AddHours(-2), expires: now.AddHours(-1));
        variants["not-yet-valid"] = "Bearer " + tokens.Custom(notBefore: now.AddHours(1), expires: now.AddHours(2));
        variants["wrong-key"] = "Bearer " + tokens.OtherKeySameKid();
        variants["alg-none"] = "Bearer " + tokens.AlgNone();
        if (patientId is not null)
        {
            variants["patient"] = "Bearer " + tokens.ForPatient(patientId);
        }

        return variants;
    }

    /// <summary>Variants for a server process, from a token its development issuer handed out.</summary>
    public static IReadOnlyDictionary<string, string?> ForProcess(string userToken, string wrongScopeToken)
    {
        var variants = Common(userToken);
        variants["wrong-scope"] = "Bearer " + wrongScopeToken;
        return variants;
    }

    private static Dictionary<string, string?> Common(string user) => new(StringComparer.Ordinal)
    {
        ["user"] = "Bearer " + user,
        ["lowercase-scheme"] = "bearer " + user,
        ["tampered"] = "Bearer " + SecurityTokens.Tampered(user),
        ["none"] = null,
        ["scheme-only"] = "Bearer",
        ["empty-token"] = "Bearer ",
        ["garbage"] = "Bearer abc.def.ghi",
        ["not-a-jwt"] = "Bearer " + new string('a', 40),
        ["basic"] = "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=",
        ["huge"] = "Bearer " + new string('a', 20_000),
        ["two-tokens"] = "Bearer " + user + ", Bearer " + user,
        ["token-with-spaces"] = "Bearer  " + user + "  ",
    };
}
