namespace FhirFacade.Cli.TestScripts;

/// <summary>
/// The expected-failures list (<c>--expected-failures FILE</c>): one entry a line,
/// <c>{script id}/{test id or name}: {reason}</c> (<c>setup</c> and <c>teardown</c> name those parts);
/// <c>#</c> starts a comment. A listed test that fails does not fail the run; one that passes does.
/// </summary>
internal sealed class ExpectedFailures
{
    private readonly Dictionary<string, string> _reasons;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private ExpectedFailures(Dictionary<string, string> reasons)
    {
        _reasons = reasons;
    }

    public static ExpectedFailures None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Reads the list; the error names the line that is not an entry.</summary>
    public static (ExpectedFailures? List, string? Error) Parse(IEnumerable<string> lines)
    {
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var key = colon < 0 ? string.Empty : line[..colon].Trim();
            var reason = colon < 0 ? string.Empty : line[(colon + 2)..].Trim();
            if (!key.Contains('/', StringComparison.Ordinal) || reason.Length == 0)
            {
                return (null, $"line {number}: expected '{{script id}}/{{test id or name}}: {{reason}}'");
            }

            reasons[key] = reason;
        }

        return (new ExpectedFailures(reasons), null);
    }

    /// <summary>The reason a test is expected to fail, or <see langword="null"/> when it is not listed.</summary>
    public string? ReasonFor(string scriptId, string testKey, string testName)
    {
        foreach (var key in new[] { $"{scriptId}/{testKey}", $"{scriptId}/{testName}" })
        {
            if (_reasons.TryGetValue(key, out var reason))
            {
                _used.Add(key);
                return reason;
            }
        }

        return null;
    }

    /// <summary>Entries that matched no test of the run (a renamed test, or a script that was not run).</summary>
    public IReadOnlyList<string> Unused => [.. _reasons.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.Ordinal)];
}
