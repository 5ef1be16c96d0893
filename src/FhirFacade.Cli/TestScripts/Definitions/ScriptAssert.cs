namespace FhirFacade.Cli.TestScripts.Definitions;

/// <summary><c>action.assert</c>: one check of the last (or a named) exchange.</summary>
internal sealed record ScriptAssert
{
    public string? Label { get; init; }

    public string? Description { get; init; }

    /// <summary><c>response</c> (default) or <c>request</c>.</summary>
    public string? Direction { get; init; }

    public string? CompareToSourceId { get; init; }

    public string? CompareToSourceExpression { get; init; }

    public string? CompareToSourcePath { get; init; }

    public string? ContentType { get; init; }

    public string? Expression { get; init; }

    public string? HeaderField { get; init; }

    public string? MinimumId { get; init; }

    public bool? NavigationLinks { get; init; }

    public string? Operator { get; init; }

    public string? Path { get; init; }

    public string? RequestMethod { get; init; }

    public string? RequestUrl { get; init; }

    public string? Resource { get; init; }

    public string? Response { get; init; }

    public string? ResponseCode { get; init; }

    public string? SourceId { get; init; }

    public string? ValidateProfileId { get; init; }

    public string? Value { get; init; }

    public bool WarningOnly { get; init; }

    /// <summary>A short name for progress lines and reports: the label, else the description, else the kind of check.</summary>
    public string Title => Label ?? Description ?? Kind;

    /// <summary>Which check this assert makes (the one assertion element present; tst-5/tst-6 allow one).</summary>
    public string Kind =>
        Response is not null ? "response"
        : ResponseCode is not null ? "responseCode"
        : ContentType is not null ? "contentType"
        : Resource is not null ? "resource"
        : HeaderField is not null ? "headerField"
        : Expression is not null ? "expression"
        : Path is not null ? "path"
        : MinimumId is not null ? "minimumId"
        : NavigationLinks is not null ? "navigationLinks"
        : ValidateProfileId is not null ? "validateProfileId"
        : RequestMethod is not null ? "requestMethod"
        : RequestUrl is not null ? "requestURL"
        : "none";
}
