using System.Xml;
using FhirFacade.Cli.Commands.Shared;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Cli.Commands.Convert;

/// <summary>Converts one resource file between JSON and XML, printing parse issues; exit code 1 on errors.</summary>
internal sealed class ResourceConverter(IFhirModel model, TextWriter output, TextWriter error)
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public int Convert(FileInfo input, FileInfo outputFile, bool pretty, bool lenient)
    {
        if (!input.Exists)
        {
            error.WriteLine($"error: '{input.FullName}' does not exist.");
            return UsageError;
        }

        if (FhirFiles.FormatOf(input) == FhirFormat.Unknown || FhirFiles.FormatOf(outputFile) == FhirFormat.Unknown)
        {
            error.WriteLine("error: input and output must end in .json or .xml.");
            return UsageError;
        }

        var files = new FhirFiles(model);
        var result = files.Read(input, lenient);
        foreach (var issue in result.Issues)
        {
            error.WriteLine($"{input.Name}: {issue}");
        }

        if (result.HasErrors || result.Root is null)
        {
            error.WriteLine($"{input.Name}: not converted ({result.Issues.Count(i => i.IsError)} error(s)).");
            return Failed;
        }

        try
        {
            FhirFiles.Write(result.Root, outputFile, pretty);
        }
        catch (XmlException)
        {
            error.WriteLine($"{input.Name}: {new Issue("XML016", IssueSeverity.Error, IssueType.Value, "The narrative is not well-formed XHTML and cannot be written as XML.", "text.div")}");
            return Failed;
        }

        output.WriteLine($"{input.Name} -> {outputFile.Name}");
        return Success;
    }
}
