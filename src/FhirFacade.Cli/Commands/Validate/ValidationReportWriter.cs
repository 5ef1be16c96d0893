using System.Text;
using System.Text.Json;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Cli.Commands.Validate;

/// <summary>
/// Writes validation results: as text, one line per issue (<c>path: severity location code: message</c>)
/// and a summary; or as JSON, an OperationOutcome for one file, a Bundle of OperationOutcomes
/// (one entry per file, <c>fullUrl</c> the file's URI) for several.
/// </summary>
internal sealed class ValidationReportWriter
{
    private readonly TextWriter _output;

    public ValidationReportWriter(TextWriter output) => _output = output;

    public async Task WriteAsync(IReadOnlyList<FileValidationResult> results, string format, CancellationToken cancellationToken)
    {
        if (format == ValidateOptions.JsonFormat)
        {
            await _output.WriteLineAsync(ToJson(results).AsMemory(), cancellationToken);
            return;
        }

        foreach (var result in results)
        {
            foreach (var issue in result.Issues)
            {
                await _output.WriteLineAsync($"{result.Path}: {issue.Severity.ToCode()} {issue.Location ?? "-"} {issue.Code}: {issue.Message}".AsMemory(), cancellationToken);
            }
        }

        var errors = results.Sum(r => r.Issues.Count(i => i.IsError));
        var warnings = results.Sum(r => r.Issues.Count(i => i.Severity == IssueSeverity.Warning));
        var failed = results.Count(r => r.Issues.Any(i => i.IsError));
        await _output.WriteLineAsync($"{results.Count} file(s) validated, {failed} with errors: {errors} error(s), {warnings} warning(s).".AsMemory(), cancellationToken);
    }

    internal static string ToJson(IReadOnlyList<FileValidationResult> results)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            if (results.Count == 1)
            {
                WriteOutcome(writer, results[0]);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("resourceType", "Bundle");
                writer.WriteString("type", "collection");
                writer.WriteStartArray("entry");
                foreach (var result in results)
                {
                    writer.WriteStartObject();
                    writer.WriteString("fullUrl", new Uri(Path.GetFullPath(result.Path)).AbsoluteUri);
                    writer.WritePropertyName("resource");
                    WriteOutcome(writer, result);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOutcome(Utf8JsonWriter writer, FileValidationResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("resourceType", "OperationOutcome");
        writer.WriteStartArray("issue");
        if (result.Issues.Count == 0)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", "information");
            writer.WriteString("code", "informational");
            writer.WriteString("diagnostics", "No issues found");
            writer.WriteEndObject();
        }

        foreach (var issue in result.Issues)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", issue.Severity.ToCode());
            writer.WriteString("code", issue.Type.ToCode());
            writer.WriteStartObject("details");
            writer.WriteStartArray("coding");
            writer.WriteStartObject();
            writer.WriteString("system", ValidationIssueSystem);
            writer.WriteString("code", issue.Code);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("text", issue.Message);
            writer.WriteEndObject();
            if (issue.Location is { } location)
            {
                writer.WriteStartArray("expression");
                writer.WriteStringValue(location);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The code system of the validator's issue codes in <c>issue.details</c>.</summary>
    internal const string ValidationIssueSystem = "https://fhirfacade.example.org/CodeSystem/issue-code";
}
