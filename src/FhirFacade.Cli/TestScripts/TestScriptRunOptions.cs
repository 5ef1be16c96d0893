namespace FhirFacade.Cli.TestScripts;

/// <summary>The options of <c>fhirfacade testscript run</c>, and of <see cref="TestScriptRunner"/> run from code.</summary>
public sealed record TestScriptRunOptions
{
    /// <summary>TestScript files (.json, .xml) or folders holding them.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>The FHIR base URL of the server under test (http or https).</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Extra headers for every request, as <c>Name: value</c>.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>Variable overrides, as <c>NAME=VALUE</c>.</summary>
    public IReadOnlyList<string> Variables { get; init; } = [];

    /// <summary>A folder to write a FHIR TestReport (JSON) per script into; none when null.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>A file to write JUnit XML to; none when null.</summary>
    public string? JUnitFile { get; init; }

    /// <summary>A file of <c>{script id}/{test}: reason</c> lines: tests known to fail, which must fail.</summary>
    public string? ExpectedFailuresFile { get; init; }

    /// <summary>Whether a skipped test (an unsupported element) counts as a failure.</summary>
    public bool FailOnSkip { get; init; }

    /// <summary>Seconds to wait for each response, when the runner makes its own HTTP client.</summary>
    public int TimeoutSeconds { get; init; } = 30;

    /// <summary>Folders holding FHIR packages (<c>&lt;id&gt;#&lt;version&gt;/package</c>); the built-in set when empty.</summary>
    public IReadOnlyList<string> PackageFolders { get; init; } = [];

    /// <summary>Headers parsed from <see cref="Headers"/>; the error names the first that is not <c>Name: value</c>.</summary>
    public (List<KeyValuePair<string, string>>? Headers, string? Error) ParseHeaders()
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in Headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return (null, $"--header '{Redact(header)}' is not 'Name: value'");
            }

            headers.Add(KeyValuePair.Create(header[..colon].Trim(), header[(colon + 1)..].Trim()));
        }

        return (headers, null);
    }

    /// <summary>Variables parsed from <see cref="Variables"/>; the error names the first that is not <c>NAME=VALUE</c>.</summary>
    public (Dictionary<string, string>? Variables, string? Error) ParseVariables()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in Variables)
        {
            var equals = variable.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return (null, $"--variable '{variable}' is not NAME=VALUE");
            }

            variables[variable[..equals]] = variable[(equals + 1)..];
        }

        return (variables, null);
    }

    // A malformed header may still hold a token: show its name only.
    private static string Redact(string header) => header.Length <= 16 ? header : header[..16] + "…";
}
