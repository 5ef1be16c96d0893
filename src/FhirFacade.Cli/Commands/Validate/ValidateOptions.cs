namespace FhirFacade.Cli.Commands.Validate;

/// <summary>The parsed arguments of <c>fhirfacade validate</c>.</summary>
internal sealed record ValidateOptions(
    IReadOnlyList<string> Paths,
    string? Profile,
    IReadOnlyList<string> PackageFolders,
    string Format,
    IReadOnlyList<string> UnmatchedTokens)
{
    public const string TextFormat = "text";
    public const string JsonFormat = "json";

    /// <summary>The usage problem, or <see langword="null"/> when the arguments are usable.</summary>
    public string? UsageProblem()
    {
        if (UnmatchedTokens.Count > 0)
        {
            return $"Unrecognized argument(s): {string.Join(' ', UnmatchedTokens)}";
        }

        if (Paths.Count == 0)
        {
            return "Give at least one file or folder to validate.";
        }

        if (Format is not (TextFormat or JsonFormat))
        {
            return $"Unknown format '{Format}': use text or json.";
        }

        foreach (var path in Paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return $"No such file or folder: {path}";
            }
        }

        foreach (var folder in PackageFolders)
        {
            if (!Directory.Exists(folder))
            {
                return $"No such package folder: {folder}";
            }
        }

        return null;
    }
}
