namespace FhirFacade.Fhir.Packages;

/// <summary>A package unpacked on disk: <c>&lt;id&gt;#&lt;version&gt;/package/*.json</c>.</summary>
internal sealed class DirectoryPackageContent : IPackageContent
{
    private readonly string _packageFolder;

    public DirectoryPackageContent(string packageFolder)
    {
        _packageFolder = packageFolder;
    }

    public string Location => _packageFolder;

    public byte[]? ReadFile(string fileName)
    {
        var path = Path.Combine(_packageFolder, fileName);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public IEnumerable<string> ListJsonFiles()
    {
        foreach (var path in Directory.EnumerateFiles(_packageFolder, "*.json", SearchOption.TopDirectoryOnly))
        {
            yield return Path.GetFileName(path);
        }
    }
}
