using System.CommandLine;

namespace FhirFacade.Cli.Commands.Validate;

/// <summary>
/// <c>fhirfacade validate PATH... [--profile URL] [--packages DIR]... [--format text|json]</c>:
/// validates FHIR resources in files and folders against their profiles. Exit code 0 when no error
/// was found, 1 when any error was, 2 for usage errors.
/// </summary>
public static class ValidateCommand
{
    /// <summary>Exit code when every file validated without errors.</summary>
    public const int Success = 0;

    /// <summary>Exit code when any file has an error (or could not be read).</summary>
    public const int ErrorsFound = 1;

    /// <summary>Exit code for usage errors (no path, unknown option, bad format, missing file, unresolvable profile).</summary>
    public const int UsageError = 2;

    /// <summary>Creates the <c>validate</c> command.</summary>
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders holding FHIR resources (.json and .xml, mixed)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var profile = new Option<string?>("--profile")
        {
            Description = "Validate against this profile (canonical URL) instead of each resource's meta.profile and core type",
        };
        var packages = new Option<string[]>("--packages")
        {
            Description = "A folder holding FHIR packages (<id>#<version>/package); repeatable",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text (one line per issue) or json (an OperationOutcome per file)",
            DefaultValueFactory = _ => ValidateOptions.TextFormat,
        };

        var command = new Command("validate", "Validate FHIR resources against UK Core / R4 profiles")
        {
            paths,
            profile,
            packages,
            format,
        };

        // Usage errors are reported by the command itself so that they exit with 2 (the parser's default is 1).
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new ValidateOptions(
                parseResult.GetValue(paths) ?? [],
                parseResult.GetValue(profile),
                parseResult.GetValue(packages) ?? [],
                parseResult.GetValue(format) ?? ValidateOptions.TextFormat,
                parseResult.UnmatchedTokens);
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            return new ValidateRunner(output, error).RunAsync(options, cancellationToken);
        });
        return command;
    }
}
