using FhirFacade.Cli.TestScripts.Definitions;
using FhirFacade.Cli.TestScripts.Execution;
using FhirFacade.Fhir.Serialization.Json;
using FhirFacade.Fhir.Serialization.Xml;

namespace FhirFacade.Cli.TestScripts;

/// <summary>
/// Finds and reads TestScripts: files as given, and in folders (recursively, in name order) every
/// <c>.json</c>/<c>.xml</c> file whose resource is a <c>TestScript</c> (other resources there are fixtures).
/// </summary>
internal static class TestScriptLoader
{
    public static (List<ScriptDefinition> Scripts, List<string> Errors) Load(IEnumerable<string> paths, TestScriptServices services)
    {
        var scripts = new List<ScriptDefinition>();
        var errors = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                var (script, error) = Read(path, services);
                if (script is not null)
                {
                    scripts.Add(script);
                }
                else
                {
                    errors.Add(error!);
                }

                continue;
            }

            if (!Directory.Exists(path))
            {
                errors.Add($"{path}: no such file or folder");
                continue;
            }

            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".JSON" or ".XML")
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var (script, error) = Read(file, services);
                if (script is not null)
                {
                    scripts.Add(script);
                }
                else if (error is not null && !error.EndsWith(NotATestScript, StringComparison.Ordinal))
                {
                    errors.Add(error);
                }
            }
        }

        return (scripts, errors);
    }

    private const string NotATestScript = "is not a TestScript";

    private static (ScriptDefinition? Script, string? Error) Read(string file, TestScriptServices services)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException exception)
        {
            return (null, $"{file}: cannot be read ({exception.Message})");
        }

        var xml = Path.GetExtension(file).Equals(".xml", StringComparison.OrdinalIgnoreCase);
        var parsed = xml
            ? new FhirXmlParser(services.Kernel.Model, new FhirXmlParserOptions { Lenient = true }).Parse(text)
            : services.Kernel.JsonParser.Parse(text, FhirJsonParserOptions.LenientDefault);
        if (parsed.Root is null)
        {
            var first = parsed.Issues.Count > 0 ? parsed.Issues[0] : null;
            return (null, $"{file}: not a readable FHIR resource{(first is null ? string.Empty : $" ({first})")}");
        }

        return parsed.Root.InstanceType != "TestScript"
            ? (null, $"{file}: {parsed.Root.InstanceType} {NotATestScript}")
            : (TestScriptReader.Read(parsed.Root, file, parsed.Issues), null);
    }
}
