using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Serialization.Xml;
using FhirFacade.Fhir.Validation;

namespace FhirFacade.Cli.Commands.Validate;

/// <summary>Reads FHIR files (by extension) and validates them with one shared <see cref="FhirValidator"/>.</summary>
internal sealed class FileValidator
{
    private const string ReadErrorCode = "CLI-READ";

    // One entry per supported format, by file extension; a folder may mix them.
    private static readonly Dictionary<string, Func<FhirKernel, Stream, FhirParseResult>> Readers = new(StringComparer.OrdinalIgnoreCase)
    {
        [".json"] = (kernel, stream) => kernel.JsonParser.Parse(stream),
        [".xml"] = (kernel, stream) => new FhirXmlParser(kernel.Model).Parse(stream),
    };

    private readonly FhirKernel _kernel;
    private readonly FhirValidator _validator;

    private FileValidator(FhirKernel kernel, FhirValidator validator)
    {
        _kernel = kernel;
        _validator = validator;
    }

    public static bool IsSupported(string path) => Readers.ContainsKey(Path.GetExtension(path));

    /// <summary>Opens the packages (given folders first, then the defaults) and builds the validator.</summary>
    /// <exception cref="FhirPackageException">When the packages cannot be loaded.</exception>
    public static FileValidator Create(IReadOnlyList<string> packageFolders)
    {
        var packages = FhirPackageSet.OpenProject(packageFolders);
        var kernel = FhirKernel.Create(packages);
        return new FileValidator(kernel, FhirValidation.CreateValidator(packages, kernel.Model));
    }

    public bool CanResolve(string canonical) => _validator.CanResolve(canonical);

    public FileValidationResult Validate(string path, string? profile)
    {
        if (!Readers.TryGetValue(Path.GetExtension(path), out var read))
        {
            return new FileValidationResult(path, [new Issue(ReadErrorCode, IssueSeverity.Error, IssueType.NotSupported, "unsupported file type (expected .json or .xml)")]);
        }

        FhirParseResult parsed;
        try
        {
            using var stream = File.OpenRead(path);
            parsed = read(_kernel, stream);
        }
        catch (IOException)
        {
            return new FileValidationResult(path, [new Issue(ReadErrorCode, IssueSeverity.Error, IssueType.Exception, "the file cannot be read")]);
        }

        if (parsed.Root is null)
        {
            return new FileValidationResult(path, parsed.Issues);
        }

        var result = _validator.Validate(parsed.Root, profile);
        return new FileValidationResult(path, [.. parsed.Issues, .. result.Issues]);
    }
}
