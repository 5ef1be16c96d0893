namespace FhirFacade.Cli.TestScripts.Definitions;

/// <summary><c>action.operation</c>: one HTTP request to the server under test.</summary>
internal sealed record ScriptOperation
{
    /// <summary><c>type.code</c>: read, vread, search, history, capabilities, create, update, delete, … .</summary>
    public string? Type { get; init; }

    public string? Resource { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    public string? Accept { get; init; }

    public string? ContentType { get; init; }

    public bool EncodeRequestUrl { get; init; } = true;

    public string? Method { get; init; }

    public string? Params { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; } = [];

    public string? RequestId { get; init; }

    public string? ResponseId { get; init; }

    public string? SourceId { get; init; }

    public string? TargetId { get; init; }

    public string? Url { get; init; }
}
