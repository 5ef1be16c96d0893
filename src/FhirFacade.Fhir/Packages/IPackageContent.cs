namespace FhirFacade.Fhir.Packages;

/// <summary>The files of one package's <c>package/</c> folder, on disk or in a tarball held in memory.</summary>
internal interface IPackageContent
{
    /// <summary>Where the package came from (folder or tarball path), for messages.</summary>
    string Location { get; }

    /// <summary>Reads a file of the <c>package/</c> folder, or returns <see langword="null"/> when absent.</summary>
    byte[]? ReadFile(string fileName);

    /// <summary>The names of the top-level <c>*.json</c> files of the <c>package/</c> folder.</summary>
    IEnumerable<string> ListJsonFiles();
}
