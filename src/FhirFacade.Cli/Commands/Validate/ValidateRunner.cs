using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Packages;
using Spectre.Console;

namespace FhirFacade.Cli.Commands.Validate;

/// <summary>Runs <c>fhirfacade validate</c>: expands paths, validates each file, writes the report, returns the exit code.</summary>
internal sealed class ValidateRunner
{
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public ValidateRunner(TextWriter output, TextWriter error)
    {
        _output = output;
        _error = error;
    }

    public async Task<int> RunAsync(ValidateOptions options, CancellationToken cancellationToken)
    {
        if (options.UsageProblem() is { } problem)
        {
            await _error.WriteLineAsync(problem);
            return ValidateCommand.UsageError;
        }

        FileValidator validator;
        try
        {
            validator = FileValidator.Create(options.PackageFolders);
        }
        catch (FhirPackageException exception)
        {
            await _error.WriteLineAsync($"Cannot load the FHIR packages: {exception.Message}");
            return ValidateCommand.UsageError;
        }

        if (options.Profile is { } profile && !validator.CanResolve(profile))
        {
            await _error.WriteLineAsync($"Profile {profile} cannot be resolved in the loaded packages.");
            return ValidateCommand.UsageError;
        }

        var files = ExpandPaths(options.Paths);
        var results = ShowProgress(options)
            ? await ValidateWithProgressAsync(validator, files, options.Profile, cancellationToken)
            : Validate(validator, files, options.Profile, cancellationToken);

        await new ValidationReportWriter(_output).WriteAsync(results, options.Format, cancellationToken);
        return results.Any(r => r.Issues.Any(i => i.IsError)) ? ValidateCommand.ErrorsFound : ValidateCommand.Success;
    }

    /// <summary>Files as given, and the FHIR files in given folders (recursively, in name order).</summary>
    internal static List<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
                continue;
            }

            files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(FileValidator.IsSupported)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal));
        }

        return files;
    }

    private bool ShowProgress(ValidateOptions options) =>
        ReferenceEquals(_output, Console.Out) && !Console.IsOutputRedirected && options.Paths.Any(Directory.Exists);

    private static List<FileValidationResult> Validate(FileValidator validator, List<string> files, string? profile, CancellationToken cancellationToken)
    {
        var results = new List<FileValidationResult>(files.Count);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(validator.Validate(file, profile));
        }

        return results;
    }

    private static async Task<List<FileValidationResult>> ValidateWithProgressAsync(
        FileValidator validator,
        List<string> files,
        string? profile,
        CancellationToken cancellationToken)
    {
        var results = new List<FileValidationResult>(files.Count);
        await AnsiConsole.Progress().StartAsync(context =>
        {
            var task = context.AddTask("Validating", maxValue: files.Count);
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(validator.Validate(file, profile));
                task.Increment(1);
            }

            return Task.CompletedTask;
        });
        return results;
    }
}
