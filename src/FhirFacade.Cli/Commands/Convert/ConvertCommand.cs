using System.CommandLine;
using FhirFacade.Cli.Commands.Shared;

namespace FhirFacade.Cli.Commands.Convert;

/// <summary><c>fhirfacade convert IN OUT [--pretty]</c>: JSON ↔ XML by file extension.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<FileInfo>("input") { Description = "The resource to read (.json or .xml)." };
        var output = new Argument<FileInfo>("output") { Description = "Where to write it (.json or .xml)." };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the output." };
        var lenient = new Option<bool>("--lenient") { Description = "Read leniently: what can be read safely becomes a warning." };

        var command = new Command("convert", "Convert a FHIR resource between JSON and XML (by file extension).")
        {
            input,
            output,
            pretty,
            lenient,
        };

        command.SetAction(parseResult =>
        {
            var converter = new ResourceConverter(CliKernel.Model, Console.Out, Console.Error);
            return converter.Convert(
                parseResult.GetValue(input)!,
                parseResult.GetValue(output)!,
                parseResult.GetValue(pretty),
                parseResult.GetValue(lenient));
        });

        return command;
    }
}
