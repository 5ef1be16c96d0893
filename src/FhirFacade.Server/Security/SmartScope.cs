namespace FhirFacade.Server.Security;

/// <summary>
/// One SMART clinical scope, in v2 syntax (<c>patient/Condition.rs</c>, <c>user/*.cruds</c>) or v1
/// syntax (<c>patient/*.read</c>, <c>user/Observation.write</c>, <c>*</c>)
/// (<see href="https://hl7.org/fhir/smart-app-launch/scopes-and-launch-context.html"/>).
/// </summary>
public sealed record SmartScope(ScopeContext Context, string ResourceType, ScopeAccess Access)
{
    /// <summary><see langword="true"/> when the scope covers every resource type.</summary>
    public bool IsWildcard => ResourceType == "*";

    /// <summary>
    /// Parses a clinical scope; non-clinical scopes (<c>openid</c>, <c>fhirUser</c>,
    /// <c>launch/patient</c>, <c>offline_access</c>) and malformed ones give <see langword="null"/>.
    /// v2 query-string restrictions (<c>?category=…</c>) are not supported and make the scope ignored.
    /// </summary>
    public static SmartScope? Parse(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var slash = scope.IndexOf('/', StringComparison.Ordinal);
        var dot = scope.LastIndexOf('.');
        if (slash <= 0 || dot <= slash + 1 || dot == scope.Length - 1 || scope.Contains('?', StringComparison.Ordinal))
        {
            return null;
        }

        ScopeContext? context = scope[..slash] switch
        {
            "patient" => ScopeContext.Patient,
            "user" => ScopeContext.User,
            "system" => ScopeContext.System,
            _ => null,
        };
        if (context is null)
        {
            return null;
        }

        var resourceType = scope[(slash + 1)..dot];
        if (resourceType != "*" && !IsResourceTypeName(resourceType))
        {
            return null;
        }

        var access = ParseAccess(scope[(dot + 1)..]);
        return access == ScopeAccess.None ? null : new SmartScope(context.Value, resourceType, access);
    }

    /// <summary>Parses a space-separated <c>scope</c> claim into its clinical scopes.</summary>
    public static IReadOnlyList<SmartScope> ParseMany(string? scopes) =>
        string.IsNullOrWhiteSpace(scopes)
            ? []
            : scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Parse).OfType<SmartScope>().ToList();

    private static ScopeAccess ParseAccess(string text)
    {
        switch (text)
        {
            // v1
            case "read":
                return ScopeAccess.Read | ScopeAccess.Search;
            case "write":
                return ScopeAccess.Create | ScopeAccess.Update | ScopeAccess.Delete;
            case "*":
                return ScopeAccess.Create | ScopeAccess.Read | ScopeAccess.Update | ScopeAccess.Delete | ScopeAccess.Search;
        }

        // v2: letters in the order c r u d s, each at most once.
        const string order = "cruds";
        var access = ScopeAccess.None;
        var last = -1;
        foreach (var letter in text)
        {
            var index = order.IndexOf(letter, StringComparison.Ordinal);
            if (index <= last)
            {
                return ScopeAccess.None;
            }

            last = index;
            access |= (ScopeAccess)(1 << index);
        }

        return access;
    }

    private static bool IsResourceTypeName(string text) =>
        text.Length is > 0 and <= 64 && char.IsAsciiLetterUpper(text[0]) && text.All(char.IsAsciiLetter);
}
